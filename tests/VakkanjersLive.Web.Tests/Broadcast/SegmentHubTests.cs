using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;
using VakkanjersLive.Web.Tests.Realtime;

namespace VakkanjersLive.Web.Tests.Broadcast;

/// <summary>
/// A phone follows an episode's run-of-show over the public hub: the segment on now and its guests (never the
/// producer's notes), the switches of each segment as their own items, and the segment in a late joiner's snapshot.
/// </summary>
public sealed class SegmentHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 27, 14, 30, 0, TimeSpan.Zero));
    private readonly TestApp _app;
    private readonly List<HubClient> _clients = [];
    private readonly Guid _intro = Guid.NewGuid();
    private readonly Guid _panel = Guid.NewGuid();
    private readonly Guid _poll = Guid.NewGuid();
    private LiveEvent _event = default!;

    public SegmentHubTests() => _app = new TestApp(services: s => s.AddSingleton<TimeProvider>(_clock));

    private LiveEvent Current => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;

    public async Task InitializeAsync()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        _event = await BroadcastData.EpisodeAsync(_app, series, 2, "Samen met het bedrijfsleven", new DateTime(2026, 10, 27, 15, 30, 0), ("Sanne de Vries", "docent techniek", "Technova College"));
        var guest = _event.Broadcast.Guests[0].Id;
        await Run(s => s.CreatePoll(_poll, "Wil jij later iets met techniek?", [new PollOption(Guid.NewGuid(), "Ja"), new PollOption(Guid.NewGuid(), "Nee")], resultsLive: true));
        await Run(s => s.PlanSegment(_intro, "Intro", 5, "Geheime regie-notitie", [], true, null, 0));
        await Run(s => s.PlanSegment(_panel, "Panel", 20, "", [guest], false, _poll, 0));
        await Run(s => s.GoLive());
    }

    [Fact]
    public async Task APhone_SeesTheSegmentChange_WithItsGuests_AndItsSwitches()
    {
        var phone = await JoinedAsync();
        Assert.Null(phone.Joined!.Snapshot!.Segment);

        await NextSegmentAsync();
        var intro = await phone.WaitForAsync(i => i.Type == FeedItemTypes.Segment);
        Assert.Equal(("Intro", 1, 2), (intro.Segment!.Name, intro.Segment.Number, intro.Segment.Total));
        Assert.Empty(intro.Segment.Guests);
        await phone.WaitForAsync(i => i.Type == FeedItemTypes.Questions && i.Enabled == true);

        _clock.Advance(TimeSpan.FromMinutes(6));
        await NextSegmentAsync();
        var panel = await phone.WaitForAsync(i => i.Type == FeedItemTypes.Segment && i.Segment?.Name == "Panel");
        var guest = Assert.Single(panel.Segment!.Guests);
        Assert.Equal(("Sanne de Vries", "docent techniek", "Technova College"), (guest.Name, guest.Role, guest.Organisation));
        await phone.WaitForAsync(i => i.Type == FeedItemTypes.Questions && i.Enabled == false);
        var poll = await phone.WaitForAsync(i => i.Type == FeedItemTypes.PollOpen);
        Assert.Equal(_poll, poll.Poll!.Id);

        // The segment started at the server's time.
        Assert.Equal(_clock.GetUtcNow(), Current.Broadcast.FindSegment(_panel)!.StartedAt);

        // A late joiner gets the segment on now in the snapshot.
        var late = await JoinedAsync();
        Assert.Equal("Panel", late.Joined!.Snapshot!.Segment!.Name);
        Assert.Equal("Sanne de Vries", late.Joined.Snapshot.Segment.Guests.Single().Name);

        // Past the last segment: no segment on, the poll closed again.
        await NextSegmentAsync();
        await phone.WaitForAsync(i => i.Type == FeedItemTypes.Segment && i.Segment is null);
        await phone.WaitForAsync(i => i.Type == FeedItemTypes.PollClosed);
        Assert.Null((await JoinedAsync()).Joined!.Snapshot!.Segment);
    }

    /// <summary>What the console's "Volgend segment" does: the advance at the server's time, then each switch due.</summary>
    private async Task NextSegmentAsync()
    {
        await Run(s => s.AdvanceSegment(_clock.GetUtcNow()));
        for (var i = 0; i < 4 && Current.HasSegmentSwitchDue; i++)
        {
            await Run(s => s.SwitchForSegment());
        }
    }

    private async Task<HubClient> JoinedAsync()
    {
        var client = await HubClient.ConnectAsync(_app);
        _clients.Add(client);
        Assert.True((await client.JoinAsync(_event.JoinCode)).Ok);
        return client;
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) => BroadcastData.RunAsync(_app, _event.Id, decide);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _app.Dispose();
    }
}
