using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>An app whose hub limits (rate buckets and slow mode) run on a fake clock that only moves when told.</summary>
internal static class LimitsClock
{
    public static TestApp App(FakeTimeProvider clock) =>
        new(services: s => s.AddKeyedSingleton<TimeProvider>(HubLimits.ClockKey, clock));

    /// <summary>
    /// Waits until the partitioned limiter's sweep (every 100 ms, on the wall clock) has looked at every partition at
    /// least once after now: <paramref name="checks"/> grows by one per partition looked at, so twice the partitions
    /// alive means one whole sweep has run. What is still there then was kept on purpose.
    /// </summary>
    public static Task AfterASweepAsync(Func<long> checks, int partitions)
    {
        var until = checks() + (2L * Math.Max(partitions, 1));
        return UntilAsync(() => checks() >= until);
    }

    /// <summary>Waits (on the wall clock, briefly) for the partitioned limiter's sweep, which runs every 100 ms.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the sweep did not get there in 10 s");
    }
}
