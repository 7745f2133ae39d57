using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Demo;

public sealed class DemoSeedingTests : IDisposable
{
    private static readonly Dictionary<string, string?> DemoSettings = new()
    {
        ["Demo:Seed"] = "true",
        ["Admin:UserName"] = null,
        ["Admin:Password"] = null,
    };

    private TestApp _app = new(settings: DemoSettings);

    public DemoSeedingTests() => _ = _app.Services; // starts the node, which seeds

    [Fact]
    public void EmptyJournal_IsSeededWithARealisticFinale_AndALiveEpisode()
    {
        var store = _app.Services.GetRequiredService<ProjectionStore>();
        var finale = Assert.Single(store.Events, e => e.Kind == EventKind.VakkanjersFinale);
        var episode = Assert.Single(store.Events, e => e.Kind == EventKind.TechniekLive && e.Broadcast.State == EpisodeState.Planned);
        Assert.Equal(PollState.Draft, Assert.Single(finale.Polls.All).State);
        Assert.True(episode.RunningPoll is { ResultsLive: true, Options.Count: 4 });
        Assert.True(episode.QuestionsEnabled);
        Assert.Equal([7, 4, 2], episode.ApprovedQuestions.Select(q => q.Votes));
        Assert.Equal(2, episode.HeldQuestions.Count());

        Assert.Equal(["Junior", "Scout", "Explorer", "Pioneer", "Navigator"], finale.Categories.Select(c => c.Name));
        Assert.Equal(140, finale.Teams.Count);
        Assert.Equal(36, finale.Schools.Count);
        Assert.Equal(4, finale.Rubric.Count);
        Assert.All(finale.Categories, c =>
        {
            Assert.Equal(3, finale.Judges.Count(j => j.CategoryId == c.Id));
            Assert.Single(finale.Judges, j => j.CategoryId == c.Id && j.IsChair);
        });
        Assert.All(finale.Judges, j => Assert.True(SignInCodes.IsWellFormed(TestData.DemoCodeOf(_app, j))));
        Assert.Contains(finale.Judges, j => j.SchoolId is not null);
    }

    [Fact]
    public void EmptyJournal_IsSeededWithABroadcastSeries_ThreePastEpisodesWithReplays_AndTheLiveEpisodeUpcoming()
    {
        var store = _app.Services.GetRequiredService<ProjectionStore>();
        var series = Assert.Single(store.Series.All);
        var episodes = store.EpisodesOf(series.Id);

        Assert.Equal("Sterk Techniekonderwijs LIVE", series.Name);
        Assert.Equal([1, 2, 3, 4], episodes.Select(e => e.Broadcast.Number));
        Assert.All(episodes.Take(3), e =>
        {
            Assert.Equal(EpisodeState.ReplayAvailable, e.Broadcast.State);
            Assert.StartsWith("https://", e.Broadcast.ReplayUrl, StringComparison.Ordinal);
            Assert.NotEmpty(e.Broadcast.Guests);
        });
        var upcoming = episodes[3];
        Assert.Equal(EpisodeState.Planned, upcoming.Broadcast.State);
        Assert.True(upcoming.Broadcast.StartsAt > DateTimeOffset.UtcNow);
        Assert.Equal(3, upcoming.Broadcast.Guests.Count);
        Assert.NotNull(upcoming.RunningPoll);
        Assert.True(upcoming.Categories.IsEmpty);
    }

    [Fact]
    public void DemoEpisodes_HaveARunOfShow_TheUpcomingOneToClickThrough_ThePastOnesWithChapters()
    {
        var store = _app.Services.GetRequiredService<ProjectionStore>();
        var episodes = store.EpisodesOf(Assert.Single(store.Series.All).Id);

        var upcoming = episodes[3];
        Assert.Equal(["Opening", "Panelgesprek", "Peiling", "Vragen uit het publiek", "Afsluiting"], upcoming.Segments.Select(s => s.Name));
        Assert.All(upcoming.Segments, s => Assert.Null(s.StartedAt));
        var pollSegment = upcoming.Segments.Single(s => s.PollId is not null);
        Assert.Equal(PollState.Draft, upcoming.FindPoll(pollSegment.PollId!.Value)!.State);
        Assert.Equal(3, upcoming.Segments.Single(s => s.Name == "Panelgesprek").GuestIds.Count);

        Assert.All(episodes.Take(3), e =>
        {
            Assert.All(e.Segments, s => Assert.NotNull(s.EndedAt));
            Assert.Equal(5, Features.Broadcast.ReplayChapters.Of(e).Count);
            Assert.False(e.QuestionsEnabled);
        });
    }

    [Fact]
    public void DemoModerator_PasswordIsGenerated_HashedInTheJournal_AndKeptInTheDataFolder()
    {
        var file = Path.Combine(_app.DataDirectory, "demo-credentials.txt");
        var lines = File.ReadAllLines(file);
        Assert.Equal("moderator", lines[0]);
        Assert.True(lines[1].Length >= 16);

        var account = _app.Services.GetRequiredService<ProjectionStore>().Staff.FindByUserName("moderator");
        Assert.NotNull(account);
        Assert.DoesNotContain(lines[1], account.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCredentialsFile_ListsATeacherLink_AndTwoClassCodes_ThatWork_AlsoAfterARestart()
    {
        var file = Path.Combine(_app.DataDirectory, "demo-credentials.txt");
        var link = File.ReadAllLines(file).Single(l => l.Contains("/teacher/", StringComparison.Ordinal) && !l.Contains("speeddate", StringComparison.Ordinal)).Split(": ", 2)[1];
        var classes = File.ReadAllLines(file).Where(l => l.Contains("/live?class=", StringComparison.Ordinal)).Select(l => l.Split("(/live?class=")[1].TrimEnd(')')).ToList();
        Assert.Equal(2, classes.Count);
        Assert.Equal(2, _app.Services.GetRequiredService<ProjectionStore>().Events.Single(e => e.Kind == EventKind.VakkanjersFinale).Classes.Count);

        _app = _app.Restart();

        Assert.Contains(link, File.ReadAllText(file), StringComparison.Ordinal);
        using var client = _app.CreateDefaultClient();
        Assert.Contains("Klassen van", await client.GetStringAsync(link), StringComparison.Ordinal);
        foreach (var code in classes)
        {
            Assert.True((await client.GetAsync($"/live?class={code}")).IsRedirectTo("/live/"), code);
        }

        // Each event's venue screen has a token in the file, and it still opens the hub after the restart.
        var screens = File.ReadAllLines(file).Where(l => l.Contains("/screen/", StringComparison.Ordinal)).ToList();
        Assert.Equal(_app.Services.GetRequiredService<ProjectionStore>().Events.Count, screens.Count);
        var path = screens[0].Split("  ", StringSplitOptions.RemoveEmptyEntries)[0].Split(": ", 2)[1];
        var (joinCode, token) = (path.Split('/')[2].Split('?')[0], path.Split("token=")[1]);
        await using var screen = await Realtime.HubClient.ConnectAsync(_app);
        Assert.True((await screen.JoinAsync(joinCode, kind: Web.Realtime.ViewerKinds.Screen, screenToken: token)).Ok);
    }

    [Fact]
    public async Task TheUpcomingEpisode_HasASpeeddate_WhoseClassAndCompanyLinks_WorkAlsoAfterARestart()
    {
        var episode = _app.Services.GetRequiredService<ProjectionStore>().Events.Single(e => e.Kind == EventKind.TechniekLive && e.Broadcast.State == EpisodeState.Planned);
        Assert.Equal(["ASML", "Philips", "Toptechniek in Bedrijf"], episode.Speeddate.Companies.Select(c => c.Name));
        Assert.Equal(4, episode.SpeeddateClasses.Count);
        var plan = Assert.IsType<SpeeddatePlan>(episode.Speeddate.Plan);
        Assert.Equal((4, 12, 300), (plan.Rounds, plan.Meetings.Count, plan.RoundSeconds));

        var file = Path.Combine(_app.DataDirectory, "demo-credentials.txt");
        List<string> Links(string marker) => [.. File.ReadAllLines(file).Where(l => l.Contains(marker, StringComparison.Ordinal)).Select(l => l.Split(": ", 2)[1])];
        var (classPages, companyPages) = (Links("/speeddate/"), Links("company "));
        Assert.Equal(4, classPages.Count(l => l.StartsWith("/teacher/", StringComparison.Ordinal)));
        Assert.Equal(3, companyPages.Count);

        _app = _app.Restart();

        Assert.Equal(classPages, Links("/speeddate/"));
        using var client = _app.CreateDefaultClient();
        foreach (var page in classPages.Where(l => l.StartsWith("/teacher/", StringComparison.Ordinal)))
        {
            Assert.Contains("Speeddate van klas", await client.GetStringAsync(page), StringComparison.Ordinal);
        }

        var asml = await client.GetStringAsync(companyPages[0]);
        Assert.Contains("Jullie eigen meeting openen", asml, StringComparison.Ordinal);
        Assert.Contains("https://meet.jit.si/vakkanjers-demo-asml", asml, StringComparison.Ordinal);
        Assert.Contains("Onbekende bedrijfslink", await client.GetStringAsync($"/speeddate/{TeacherLinks.Generate()}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_DoesNotSeedAgain()
    {
        var before = _app.Services.GetRequiredService<ProjectionStore>().Events.Select(e => e.Id).ToHashSet();

        _app = _app.Restart();

        var after = _app.Services.GetRequiredService<ProjectionStore>().Events.Select(e => e.Id).ToHashSet();
        Assert.Equal(before, after);
        Assert.Single(_app.Services.GetRequiredService<ProjectionStore>().Staff.Moderators);
    }

    [Fact]
    public void SeedingSwitchedOff_LeavesTheJournalEmpty()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        Assert.Empty(app.Services.GetRequiredService<ProjectionStore>().Events);
    }

    public void Dispose() => _app.Dispose();
}
