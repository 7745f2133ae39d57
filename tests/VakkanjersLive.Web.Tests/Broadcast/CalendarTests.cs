using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Broadcast;

namespace VakkanjersLive.Web.Tests.Broadcast;

/// <summary>
/// The series' calendar feed and an episode's .ics, as a teacher's calendar reads them: parsed back with Ical.Net,
/// one entry per episode with a UID that survives a move, times right on both sides of the change to winter time.
/// </summary>
public sealed class CalendarTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly TestApp _app;

    public CalendarTests() => _app = new TestApp(services: s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SeriesFeed_HasEveryEpisode_WithItsUid_AndTheRightTimesAcrossTheDaylightSavingChange()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var summer = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 10, 20, 15, 30, 0), ("Sanne de Vries", "docent techniek", "Technova College"));
        var winter = await BroadcastData.EpisodeAsync(_app, series, 2, "Samen met het bedrijfsleven", new DateTime(2026, 10, 27, 15, 30, 0));

        var response = await _app.CreateClient().GetAsync($"/series/{series}/calendar.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal([EpisodeCalendar.Uid(summer.Id), EpisodeCalendar.Uid(winter.Id)], events.Select(e => e.Uid));
        Assert.All(events, e => Assert.Equal("Europe/Amsterdam", e.DtStart!.TzId));
        Assert.Equal(new DateTime(2026, 10, 20, 13, 30, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 27, 14, 30, 0, DateTimeKind.Utc), events[1].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 27, 15, 30, 0, DateTimeKind.Utc), events[1].DtEnd!.AsUtc);
        Assert.Equal(15, events[1].DtStart!.Hour);
        Assert.Contains("Techniekhubs", events[0].Summary, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries", events[0].Description, StringComparison.Ordinal);
        Assert.Contains($"/live/{summer.JoinCode}", events[0].Description, StringComparison.Ordinal);
        Assert.Single(calendar.TimeZones, z => z.TzId == "Europe/Amsterdam");
    }

    [Fact]
    public async Task MovedEpisode_KeepsItsUidAndJoinLink_AndItsNewTimeComesWithAHigherSequence()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 3, "Duurzaamheid", new DateTime(2026, 10, 22, 15, 30, 0));
        var client = _app.CreateClient();
        var before = Calendar.Load(await client.GetStringAsync($"/series/{series}/episodes/{episode.Id}/calendar.ics"))!.Events.Single();

        await BroadcastData.RunAsync(_app, episode.Id, s => s.MoveEpisode(new DateTime(2026, 11, 5, 16, 0, 0), new DateTime(2026, 11, 5, 17, 0, 0)));
        var response = await client.GetAsync($"/series/{series}/episodes/{episode.Id}/calendar.ics");
        var after = Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.Single();

        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(new DateTime(2026, 11, 5, 15, 0, 0, DateTimeKind.Utc), after.DtStart!.AsUtc);
        Assert.Equal(before.Url, after.Url);
        Assert.Equal($"/live/{episode.JoinCode}", after.Url!.AbsolutePath);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_StampsTheServersTime_AndPointsAPastEpisodeAtItsReplay()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 9, 1, 15, 30, 0));
        await BroadcastData.RunAsync(_app, episode.Id, s => s.GoLive());
        await BroadcastData.RunAsync(_app, episode.Id, s => s.EndEpisode());
        await BroadcastData.RunAsync(_app, episode.Id, s => s.PublishReplay("https://www.youtube.com/watch?v=techniekhubs"));

        var entry = Calendar.Load(await _app.CreateClient().GetStringAsync($"/series/{series}/calendar.ics"))!.Events.Single();

        Assert.Equal(_clock.GetUtcNow().UtcDateTime, entry.DtStamp!.AsUtc);
        Assert.Equal(new Uri("https://www.youtube.com/watch?v=techniekhubs"), entry.Url);
    }

    [Fact]
    public async Task UnknownSeries_OrAnEpisodeOfAnotherSeries_IsNotFound()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var other = await BroadcastData.SeriesAsync(_app, "Techniek Talks");
        var episode = await BroadcastData.EpisodeAsync(_app, other, 1, "Techniekhubs", new DateTime(2026, 10, 20, 15, 30, 0));
        var client = _app.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/series/{Guid.NewGuid()}/calendar.ics")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/series/{series}/episodes/{episode.Id}/calendar.ics")).StatusCode);
    }
}
