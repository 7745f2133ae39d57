using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Tests.Shared;

/// <summary>Builds a broadcast series and its episodes through the real command path (journal + projections).</summary>
public static class BroadcastData
{
    public static async Task<Guid> SeriesAsync(TestApp app, string name = "Sterk Techniekonderwijs LIVE")
    {
        var seriesId = Guid.NewGuid();
        var result = await app.Services.GetRequiredService<CommandExecutor>()
            .ForSeriesAsync(Guid.NewGuid(), "test", c => c.Create(seriesId, name, "Maandelijkse uitzending over de regioplannen", "Jet-Net & TechNet"));
        Assert.True(result.Succeeded, result.ErrorCode);
        return seriesId;
    }

    /// <summary>A new LIVE event planned as episode <paramref name="number"/>, from <paramref name="startsLocal"/> (Amsterdam) for an hour.</summary>
    public static async Task<LiveEvent> EpisodeAsync(TestApp app, Guid seriesId, int number, string theme, DateTime startsLocal, params (string Name, string Role, string Organisation)[] guests)
    {
        var eventId = Guid.NewGuid();
        await RunAsync(app, eventId, s => s.Create(eventId, EventKind.TechniekLive, $"Sterk Techniekonderwijs LIVE #{number}", DateOnly.FromDateTime(startsLocal), "Online", theme, JoinCodes.Generate()));
        await RunAsync(app, eventId, s => s.PlanEpisode(seriesId, number, theme, "Een gesprek over " + theme, startsLocal, startsLocal.AddHours(1)));
        foreach (var (name, role, organisation) in guests)
        {
            await RunAsync(app, eventId, s => s.AddGuest(Guid.NewGuid(), name, role, organisation, adult: true, consentNoted: true));
        }

        return app.Services.GetRequiredService<ProjectionStore>().GetEvent(eventId)!;
    }

    public static async Task<LiveEvent> RunAsync(TestApp app, Guid eventId, Func<LiveEvent, ILiveEventFact> decide)
    {
        var result = await app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(eventId, Guid.NewGuid(), "test", decide);
        Assert.True(result.Succeeded, result.ErrorCode);
        return app.Services.GetRequiredService<ProjectionStore>().GetEvent(eventId)!;
    }
}
