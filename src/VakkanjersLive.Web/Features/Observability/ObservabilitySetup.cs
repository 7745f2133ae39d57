using OpenTelemetry.Metrics;
using VakkanjersLive.Web.Journal;

namespace VakkanjersLive.Web.Features.Observability;

public static class ObservabilitySetup
{
    public static void AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<VakkanjersLive.Infrastructure.Projections.ICommandTiming>(sp => sp.GetRequiredService<LiveMetrics>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(LiveMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter());
    }

    /// <summary><c>GET /metrics</c> in Prometheus format: counts only, nothing about people.</summary>
    public static void MapObservability(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();

    public static string Mode(IConfiguration configuration) => configuration.UsesRedis() ? "Redis" : "SQLite";
}
