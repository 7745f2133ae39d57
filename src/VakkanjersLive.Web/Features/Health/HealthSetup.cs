using Microsoft.Extensions.Diagnostics.HealthChecks;
using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Web.Features.Health;

public static class HealthSetup
{
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck<JournalHealthCheck>("journal");

    /// <summary><c>GET /healthz</c>: 200 when the journal answers, 503 otherwise.</summary>
    public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/healthz").AllowAnonymous();

    private sealed class JournalHealthCheck(IJournal journal) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await journal.IsReachableAsync(cancellationToken)
                ? HealthCheckResult.Healthy("journal reachable")
                : HealthCheckResult.Unhealthy("journal unreachable");
    }
}
