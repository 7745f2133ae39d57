using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Broadcast;

namespace VakkanjersLive.Web.Tests.Broadcast;

/// <summary>An episode after the broadcast as a teacher finds it: chapters that jump into the replay, the questions, no chat.</summary>
public sealed class ReplayPageTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 27, 14, 30, 0, TimeSpan.Zero));
    private readonly TestApp _app;

    public ReplayPageTests() => _app = new TestApp(services: s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=abc", 312, "https://www.youtube.com/watch?v=abc&t=312s")]
    [InlineData("https://www.youtube.com/watch?v=abc&t=20s", 65, "https://www.youtube.com/watch?v=abc&t=65s")]
    [InlineData("https://youtu.be/abc", 0, "https://youtu.be/abc?t=0s")]
    [InlineData("https://vimeo.com/12345", 90, "https://vimeo.com/12345#t=90s")]
    [InlineData("https://media.example.nl/replay.mp4", 90, null)]
    public void AChapter_LinksIntoTheReplay_WhereTheServiceTakesAStartTime(string replay, int seconds, string? expected) =>
        Assert.Equal(expected, ReplayChapters.At(replay, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public async Task ReplayPage_ShowsChaptersAsOffsetsFromTheFirstSegment_TheApprovedQuestions_AndNoChat()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", new DateTime(2026, 10, 27, 15, 30, 0));
        Task<LiveEvent> Run(Func<LiveEvent, ILiveEventFact> decide) => BroadcastData.RunAsync(_app, episode.Id, decide);
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Intro", 5, "", [], false, null, 0));
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Panel", 20, "Geheime regie-notitie", [], true, null, 0));
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Afsluiting", 5, "", [], false, null, 0));
        await Run(s => s.GoLive());
        await TestData.OpenChatAsync(_app, episode.Id);
        await Run(s => s.AdvanceSegment(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(312));
        await Run(s => s.AdvanceSegment(_clock.GetUtcNow()));
        await Run(s => s.SwitchQuestions(true));
        var approved = Guid.NewGuid();
        await Run(s => s.AskQuestion(approved, Guid.NewGuid(), "Slimme Vos", "Hoe word je ingenieur?", _clock.GetUtcNow()));
        await Run(s => s.ApproveQuestion(approved));
        await Run(s => s.AskQuestion(Guid.NewGuid(), Guid.NewGuid(), "Boze Uil", "Niet goedgekeurd", _clock.GetUtcNow()));
        await Run(s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Kletser", "een chatbericht", _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(61));
        await Run(s => s.AdvanceSegment(_clock.GetUtcNow()));
        var client = _app.CreateClient();
        var url = $"/series/{series}/episodes/{episode.Id}/replay";

        // Still live: nothing to replay yet, nor any question or chapter.
        Assert.DoesNotContain("replay-chapters", await client.GetStringAsync(url), StringComparison.Ordinal);

        await Run(s => s.EndEpisode());
        await Run(s => s.PublishReplay("https://www.youtube.com/watch?v=techniekhubs"));
        var html = await client.GetStringAsync(url);

        Assert.Contains("<time datetime=\"PT0S\">0:00</time> Intro", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"PT5M12S\">5:12</time> Panel", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"PT1H6M12S\">1:06:12</time> Afsluiting", html, StringComparison.Ordinal);
        Assert.Contains("https://www.youtube.com/watch?v=techniekhubs&amp;t=312s", html, StringComparison.Ordinal);
        Assert.Contains("Hoe word je ingenieur?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Niet goedgekeurd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("een chatbericht", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime regie-notitie", html, StringComparison.Ordinal);

        // The schedule links the replay page; another series does not show this episode.
        Assert.Contains(url, await client.GetStringAsync($"/series/{series}"), StringComparison.Ordinal);
        Assert.Contains("Deze aflevering bestaat niet.", await client.GetStringAsync($"/series/{Guid.NewGuid()}/episodes/{episode.Id}/replay"), StringComparison.Ordinal);
    }
}
