using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Broadcast;

/// <summary>
/// The public side of a broadcast series as a teacher and a pupil see it: the schedule, the phone page of an
/// episode (no stage or results cards, the guests, the waiting room on the server's clock) and the language switch.
/// </summary>
public sealed partial class EpisodePagesTests : IDisposable
{
    // Tuesday 20 October 2026, 10:00 in Amsterdam (summer time).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly TestApp _app;

    public EpisodePagesTests() => _app = new TestApp(services: s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Schedule_ListsUpcomingWithJoinLinksAndCalendars_AndPastWithReplays()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var past = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 9, 29, 15, 30, 0), ("Ruud Bakker", "projectleider", "Techniekhub Oost"));
        await BroadcastData.RunAsync(_app, past.Id, s => s.GoLive());
        await BroadcastData.RunAsync(_app, past.Id, s => s.EndEpisode());
        await BroadcastData.RunAsync(_app, past.Id, s => s.PublishReplay("https://www.youtube.com/watch?v=techniekhubs"));
        var next = await BroadcastData.EpisodeAsync(_app, series, 2, "Samen met het bedrijfsleven", new DateTime(2026, 10, 27, 15, 30, 0), ("Sanne de Vries", "docent techniek", "Technova College"));

        var html = await _app.CreateClient().GetStringAsync($"/series/{series}");

        var upcoming = Section(html, "upcoming", "</ol>");
        Assert.Contains("Samen met het bedrijfsleven", upcoming, StringComparison.Ordinal);
        Assert.Contains("dinsdag 27 oktober 2026 15:30", upcoming, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries", upcoming, StringComparison.Ordinal);
        Assert.Contains($"/live/{next.JoinCode}", upcoming, StringComparison.Ordinal);
        Assert.Contains($"/series/{series}/episodes/{next.Id}/calendar.ics", upcoming, StringComparison.Ordinal);
        Assert.DoesNotContain("Techniekhubs", upcoming, StringComparison.Ordinal);

        var pastList = Section(html, "past", "</ol>");
        Assert.Contains("Techniekhubs", pastList, StringComparison.Ordinal);
        Assert.Contains("https://www.youtube.com/watch?v=techniekhubs", pastList, StringComparison.Ordinal);
        Assert.DoesNotContain($"/live/{past.JoinCode}", pastList, StringComparison.Ordinal);
        Assert.Contains($"/series/{series}/calendar.ics", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_OfAnUnknownSeries_SaysSo()
    {
        var html = await _app.CreateClient().GetStringAsync($"/series/{Guid.NewGuid()}");

        Assert.Contains("Deze uitzendreeks bestaat niet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhonePage_OfABroadcast_ShowsStreamGuestsChatQuestionsAndPolls_ButNoStageOrResults()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 10, 20, 9, 0, 0), ("Sanne de Vries", "docent techniek", "Technova College"));

        var html = await _app.CreateClient().GetStringAsync($"/live/{episode.JoinCode}");

        Assert.DoesNotContain("id=\"stage\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"scoreboard\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nu op het podium", html, StringComparison.Ordinal);
        Assert.Contains("id=\"stream\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chat-form\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"questions-card\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"poll-card\"", html, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries", Section(html, "episode-guests", "</ul>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhonePage_OfAFinale_KeepsItsStageAndResults()
    {
        var finale = await TestData.SmallFinaleAsync(_app);

        var html = await _app.CreateClient().GetStringAsync($"/live/{finale.JoinCode}");

        Assert.Contains("id=\"stage\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"scoreboard\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinLink_BeforeTheStart_ShowsTheWaitingRoom_OnTheServersClock_AndAfterTheStartNoLonger()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 10, 20, 15, 30, 0));
        var client = _app.CreateClient();

        var before = await client.GetStringAsync($"/live/{episode.JoinCode}");
        Assert.Contains("data-starts-at=\"2026-10-20T13:30:00Z\"", before, StringComparison.Ordinal);
        Assert.Contains("data-server-now=\"2026-10-20T08:00:00Z\"", before, StringComparison.Ordinal);
        Assert.Contains(">05:30:00</p>", Section(before, "waiting-room"), StringComparison.Ordinal);

        // Moved by an hour: the same join link, a countdown to the new start.
        await BroadcastData.RunAsync(_app, episode.Id, s => s.MoveEpisode(new DateTime(2026, 10, 20, 16, 30, 0), new DateTime(2026, 10, 20, 17, 30, 0)));
        Assert.Contains("data-starts-at=\"2026-10-20T14:30:00Z\"", await client.GetStringAsync($"/live/{episode.JoinCode}"), StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(6.5));
        var after = await client.GetStringAsync($"/live/{episode.JoinCode}");
        Assert.DoesNotContain("id=\"waiting-room\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndedEpisode_PointsTheJoinLinkAtTheReplay()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 10, 19, 15, 30, 0));
        await BroadcastData.RunAsync(_app, episode.Id, s => s.GoLive());
        await BroadcastData.RunAsync(_app, episode.Id, s => s.EndEpisode());
        await BroadcastData.RunAsync(_app, episode.Id, s => s.PublishReplay("https://www.youtube.com/watch?v=techniekhubs"));

        var html = await _app.CreateClient().GetStringAsync($"/live/{episode.JoinCode}");

        Assert.Contains("Deze uitzending is afgelopen", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.youtube.com/watch?v=techniekhubs\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"waiting-room\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/live/{code}")]
    [InlineData("/live")]
    [InlineData("/privacy")]
    [InlineData("/series/{series}")]
    public async Task PublicPages_AreDutchFirst_AndSwitchToEnglish(string page)
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 10, 27, 15, 30, 0));
        var path = page.Replace("{code}", episode.JoinCode, StringComparison.Ordinal).Replace("{series}", series.ToString(), StringComparison.Ordinal);
        var client = _app.CreateBrowserlikeClient();

        var dutch = await client.GetStringAsync(path);
        Assert.Contains("<html lang=\"nl\"", dutch, StringComparison.Ordinal);
        var link = SwitchLink().Match(dutch);
        Assert.True(link.Success, "no English switch on " + path);

        var switched = await client.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(path, switched.Headers.Location?.OriginalString);
        var english = await client.GetStringAsync(path);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EpisodeTimes_FollowTheViewersLanguage()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 10, 27, 15, 30, 0));
        var client = _app.CreateBrowserlikeClient();
        await client.GetAsync($"/culture/set?culture=en&redirectUri=%2F");

        var html = await client.GetStringAsync($"/series/{series}");

        Assert.Contains("Tuesday, October 27, 2026 3:30", html, StringComparison.Ordinal);
        Assert.Contains("Upcoming episodes", html, StringComparison.Ordinal);
    }

    /// <summary>The markup from the element with <paramref name="id"/> to the first <paramref name="closing"/> tag after it.</summary>
    private static string Section(string html, string id, string closing = "</section>")
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"#{id} is missing");
        var stop = html.IndexOf(closing, start, StringComparison.Ordinal);
        return html[start..(stop < 0 ? html.Length : stop)];
    }

    [GeneratedRegex(""""href="(/culture/set\?culture=en&amp;redirectUri=[^"]+)" lang="en"""")]
    private static partial Regex SwitchLink();
}
