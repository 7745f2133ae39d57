using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// "Volgende team" in the public feed: the stage and the pitch timer, read against the server's clock (Join's
/// <c>serverTime</c>), so a viewer who joins late gets the timer's start, not a fresh one (issue 13, item 3).
/// </summary>
public sealed class PitchTimerHubTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TestApp _app;
    private LiveEvent _event = default!;

    public PitchTimerHubTests() => _app = new TestApp(services: s => s.AddSingleton<TimeProvider>(_clock));

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveEvent Current => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;

    private Guid Category => _event.Categories[0].Id;

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.PlanRunningOrder(Category, s.Date, new TimeOnly(9, 0), 30, 15, 0)));
    }

    [Fact]
    public async Task NextTeam_SendsTheStageAndTheTimer_ALateJoinerGetsTheSameStart_AndTheServersClock()
    {
        await using var early = await HubClient.ConnectAsync(_app);
        await early.JoinAsync(_event.JoinCode);
        var first = Current.RunningOrderOf(Category)[0].TeamId;

        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.CallNextTeam(Category, _clock.GetUtcNow(), s.OnStage(Category)?.Id)));
        var timer = await early.WaitForAsync(i => i.Type == FeedItemTypes.PitchTimer);
        var stage = await early.WaitForAsync(i => i.Type == FeedItemTypes.Stage);

        Assert.Equal((Category, first, Start, 30, 15), (timer.CategoryId!.Value, timer.Team!.Id, timer.StartedAt!.Value, timer.PresentationSeconds!.Value, timer.QuestionSeconds!.Value));
        Assert.Equal(first, stage.Team!.Id);

        _clock.Advance(TimeSpan.FromSeconds(20));
        await using var late = await HubClient.ConnectAsync(_app);
        var joined = await late.JoinAsync(_event.JoinCode);

        Assert.Equal(Start.AddSeconds(20), joined.ServerTime);
        var snapshotTimer = Assert.Single(joined.Snapshot!.Timers!);
        Assert.Equal((first, Start), (snapshotTimer.Team!.Id, snapshotTimer.StartedAt!.Value));
        Assert.Equal(new PitchReading(PitchPhase.Presentation, 10, true), Current.PitchTimerOf(Category)!.At(joined.ServerTime!.Value));
    }

    [Fact]
    public async Task StoppingTheTimer_OrAnotherTeamOnStage_EndsItForEveryone()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.CallNextTeam(Category, _clock.GetUtcNow(), s.OnStage(Category)?.Id)));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.StopPitchTimer(Category)));

        var stopped = await viewer.WaitForAsync(i => i.Type == FeedItemTypes.PitchTimer && i.StartedAt is null);
        Assert.Equal(Category, stopped.CategoryId);
        Assert.Null(stopped.Team);

        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.CallNextTeam(Category, _clock.GetUtcNow(), s.OnStage(Category)?.Id)));
        var other = Current.RunningOrderOf(Category)[0].TeamId;
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SetStage(Category, other)));
        await using var late = await HubClient.ConnectAsync(_app);
        var joined = await late.JoinAsync(_event.JoinCode);

        Assert.Empty(joined.Snapshot!.Timers!);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
