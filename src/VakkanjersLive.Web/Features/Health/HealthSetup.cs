using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Web.Journal;

namespace VakkanjersLive.Web.Features.Health;

public static class HealthSetup
{
    public static void AddHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks().AddCheck<JournalHealthCheck>("journal", tags: ["live", "ready"]);
        if (builder.Configuration.UsesRedis())
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }
    }

    /// <summary>
    /// <c>GET /healthz</c>: 200 when the journal answers. <c>GET /readyz</c>: 200 when the journal and (in scale-out
    /// mode) Redis answer; a load balancer sends traffic only to ready nodes.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"redis {latency.TotalMilliseconds:F1} ms");
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("redis unreachable");
            }
        }
    }

    private sealed class JournalHealthCheck(IJournal journal) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await journal.IsReachableAsync(cancellationToken)
                ? HealthCheckResult.Healthy("journal reachable")
                : HealthCheckResult.Unhealthy("journal unreachable");
    }
}
