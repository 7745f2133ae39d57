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
