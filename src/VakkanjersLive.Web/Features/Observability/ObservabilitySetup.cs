using OpenTelemetry.Metrics;
using VakkanjersLive.Web.Journal;

namespace VakkanjersLive.Web.Features.Observability;

public static class ObservabilitySetup
{
    public static void AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration("Metrics").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MetricsAccess>();
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<VakkanjersLive.Infrastructure.Projections.ICommandTiming>(sp => sp.GetRequiredService<LiveMetrics>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(LiveMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter());
    }

    /// <summary>
    /// <c>GET /metrics</c> in Prometheus format: counts only, nothing about people, but audience sizes and every route,
    /// so only for the operator's scraper (<see cref="MetricsAccess"/>). <c>/healthz</c> and <c>/readyz</c> stay open.
    /// </summary>
    public static void MapObservability(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase),
            metrics => metrics.Use(async (context, next) =>
            {
                if (context.RequestServices.GetRequiredService<MetricsAccess>().Refusal(context) is { } status)
                {
                    // A scraper gets the status, not the friendly "not found" page.
                    if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                    {
                        pages.Enabled = false;
                    }

                    context.Response.StatusCode = status;
                    if (status == StatusCodes.Status401Unauthorized)
                    {
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                    }

                    return;
                }

                await next(context);
            }));
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
    }

    public const string MetricsPath = "/metrics";

    public static string Mode(IConfiguration configuration) => configuration.UsesRedis() ? "Redis" : "SQLite";
}
