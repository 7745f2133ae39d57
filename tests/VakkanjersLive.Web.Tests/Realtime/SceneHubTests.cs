using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// The producer's scene per display (issue 13, item 8): a screen gets the choice live through the feed, a screen that
/// joins later from the snapshot; "auto" hands the screen back to the state; a scene with nothing to show is refused.
/// </summary>
public sealed class SceneHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestApp _app;
    private readonly Guid _poll = Guid.NewGuid();
    private LiveEvent _event = default!;

    public SceneHubTests() => _app = LimitsClock.App(_clock);

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveEvent Current => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;

    public async Task InitializeAsync() => _event = await TestData.JudgingFinaleAsync(_app);

    [Fact]
    public async Task AChosenScene_ReachesAJoinedScreenLive_ALateScreenInTheSnapshot_AndAutoReturnsToTheState()
    {
        await Run(s => s.CreatePoll(_poll, "Wie wint de publieksprijs?", [new(Guid.NewGuid(), "Team A"), new(Guid.NewGuid(), "Team B")], false));
        await Run(s => s.OpenPoll(_poll));
        await using var screen = await HubClient.ConnectAsync(_app);
        Assert.True((await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen, screenToken: await TestData.ScreenTokenAsync(_app, _event.JoinCode))).Ok);

        await Run(s => s.ChooseScene(SceneNames.Screen, SceneNames.Poll, null, _clock.GetUtcNow()));

        var chosen = await screen.WaitForAsync(i => i.Type == FeedItemTypes.Scene);
        Assert.Equal((SceneDisplays.Screen, ScreenScenes.Poll), (chosen.Display, chosen.Scene));
        Assert.Equal(SceneNames.Poll, Current.SceneOf(SceneNames.Screen).Scene);
        Assert.Equal(SceneNames.Auto, Current.SceneOf(SceneNames.Overlay).Scene);

        await using var late = await HubClient.ConnectAsync(_app);
        var joined = await late.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen, screenToken: await TestData.ScreenTokenAsync(_app, _event.JoinCode));
        Assert.Equal(
            [(SceneDisplays.Screen, ScreenScenes.Poll), (SceneDisplays.Overlay, ScreenScenes.Auto)],
            joined.Snapshot!.Scenes!.Select(s => (s.Display, s.Scene)));

        await Run(s => s.ChooseScene(SceneNames.Screen, SceneNames.Auto, null, _clock.GetUtcNow()));
        await screen.WaitForAsync(i => i.Type == FeedItemTypes.Scene && i.Scene == ScreenScenes.Auto);
        Assert.Equal(SceneChoice.Automatic, Current.SceneOf(SceneNames.Screen));
    }

    [Fact]
    public async Task TheRevealOfAChosenCategory_NamesIt_OnTheOverlay()
    {
        var (eventId, categoryId) = (Guid.NewGuid(), Guid.NewGuid());
        var ranked = await TestData.RankedCategoryAsync(_app, eventId, categoryId, ["De Dappere Sterren", "Robotica"]);
        Task RunThere(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(Commands.ForEventAsync(eventId, Guid.NewGuid(), "test", decide));
        await RunThere(s => s.PrepareReveal(categoryId, rehearsal: false));
        await using var overlay = await HubClient.ConnectAsync(_app);
        await overlay.JoinAsync(ranked.JoinCode, kind: ViewerKinds.Screen, screenToken: await TestData.ScreenTokenAsync(_app, ranked.JoinCode));

        await RunThere(s => s.ChooseScene(SceneNames.Overlay, SceneNames.Reveal, categoryId, _clock.GetUtcNow()));

        var chosen = await overlay.WaitForAsync(i => i.Type == FeedItemTypes.Scene);
        Assert.Equal((SceneDisplays.Overlay, ScreenScenes.Reveal, categoryId, "Junior"), (chosen.Display, chosen.Scene, chosen.CategoryId!.Value, chosen.CategoryName));
    }

    [Theory]
    [InlineData("screen", "confetti", "scene.unknown")]
    [InlineData("screen", null, "scene.unknown")]
    [InlineData("beamer", "join", "scene.display.unknown")]
    [InlineData("screen", "poll", "scene.poll.none")]
    [InlineData("overlay", "question", "scene.question.none")]
    [InlineData("screen", "countdown", "scene.countdown.none")]
    [InlineData("screen", "stage", "scene.stage.none")]
    [InlineData("screen", "reveal", "scene.reveal.category-required")]
    public async Task AScene_ThatIsUnknown_OrHasNothingToShow_IsRefused_WithALocalisedError(string display, string? scene, string code)
    {
        var result = await Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.ChooseScene(display, scene, null, _clock.GetUtcNow()));

        Assert.Equal(code, result.ErrorCode);
        Assert.Equal(SceneChoice.Automatic, Current.SceneOf(SceneNames.Screen));
    }

    [Fact]
    public async Task APollScene_ForAClosedPollWithoutResults_AndARevealNotUnderWay_AndACountdownThatEnded_AreRefused()
    {
        await Run(s => s.CreatePoll(_poll, "Wie wint de publieksprijs?", [new(Guid.NewGuid(), "Team A"), new(Guid.NewGuid(), "Team B")], false));
        await Run(s => s.OpenPoll(_poll));
        await Run(s => s.ClosePoll(_poll));
        await Run(s => s.SetCountdown(_clock.GetUtcNow(), 10, "Pauze"));
        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal("scene.poll.none", await Refused(s => s.ChooseScene(SceneNames.Screen, SceneNames.Poll, null, _clock.GetUtcNow())));
        Assert.Equal("scene.countdown.none", await Refused(s => s.ChooseScene(SceneNames.Screen, SceneNames.Countdown, null, _clock.GetUtcNow())));
        Assert.Equal("scene.reveal.none", await Refused(s => s.ChooseScene(SceneNames.Screen, SceneNames.Reveal, _event.Categories[0].Id, _clock.GetUtcNow())));
        Assert.Equal("category.unknown", await Refused(s => s.ChooseScene(SceneNames.Screen, SceneNames.Reveal, Guid.NewGuid(), _clock.GetUtcNow())));
    }

    [Fact]
    public async Task AScreen_SaysWhichSceneItShows_UnderItsTokensName_AndIsForgottenWhenItLeaves()
    {
        var presence = _app.Services.GetRequiredService<ScreenPresence>();
        var token = await TestData.ScreenTokenAsync(_app, _event.JoinCode);
        var screen = await HubClient.ConnectAsync(_app);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen, screenToken: token);

        var answer = await screen.Connection.InvokeAsync<SendResult>("ShowingScene", new SceneReport(SceneDisplays.Overlay, ScreenScenes.Join, null));

        Assert.True(answer.Ok, answer.Code);
        var shown = Assert.Single(presence.Of(_event.Id));
        Assert.Equal((SceneNames.Overlay, SceneNames.Join), (shown.Display, shown.Scene));
        Assert.Equal("Zaalscherm", Current.Screens.Single(s => s.Id == shown.ScreenId).Name);

        await screen.DisposeAsync();
        await LimitsClock.UntilAsync(() => presence.Of(_event.Id).Count == 0);
    }

    [Theory]
    [InlineData("screen", "auto")]
    [InlineData("screen", "confetti")]
    [InlineData("beamer", "join")]
    [InlineData(null, "join")]
    public async Task AScreensReport_OfNoRealScene_IsRefused(string? display, string scene)
    {
        await using var screen = await HubClient.ConnectAsync(_app);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen, screenToken: await TestData.ScreenTokenAsync(_app, _event.JoinCode));

        var answer = await screen.Connection.InvokeAsync<SendResult>("ShowingScene", new SceneReport(display, scene, null));

        Assert.Equal("payload.invalid", answer.Code);
        Assert.Empty(_app.Services.GetRequiredService<ScreenPresence>().Of(_event.Id));
    }

    [Fact]
    public async Task APhone_CannotPoseAsAScreen()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        var answer = await viewer.Connection.InvokeAsync<SendResult>("ShowingScene", new SceneReport(SceneDisplays.Screen, ScreenScenes.Poll, null));

        Assert.Equal(("live.not-a-screen", false), (answer.Code, answer.Ok));
        Assert.Empty(_app.Services.GetRequiredService<ScreenPresence>().Of(_event.Id));
    }

    private async Task<string?> Refused(Func<LiveEvent, ILiveEventFact> decide) =>
        (await Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide)).ErrorCode;

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
