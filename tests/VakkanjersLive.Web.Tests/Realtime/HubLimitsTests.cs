using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>The limits table, enforced row by row on the real hub and on a fake clock, and forgetting idle keys.</summary>
public sealed class HubLimitsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private LiveEvent _event = default!;

    public HubLimitsTests() => _app = LimitsClock.App(_clock);

    public static TheoryData<string> Rows => [.. HubLimits.Table.Keys];

    public static TheoryData<string> JoinedOnly => [.. HubLimits.Table.Values.Where(l => l.Access != HubAccess.Anyone).Select(l => l.Method)];

    public static TheoryData<string> AudienceOnly => [.. HubLimits.Table.Values.Where(l => l.Access == HubAccess.Audience).Select(l => l.Method)];

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SwitchQuestions(true)));
    }

    [Fact]
    public void EveryPublicMethodOfTheHub_HasARow()
    {
        var methods = typeof(LiveHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(LiveHub.OnConnectedAsync) or nameof(LiveHub.OnDisconnectedAsync)))
            .Select(m => m.Name);

        Assert.Equal(methods.Order(), HubLimits.Table.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EachRow_AllowsItsBurst_ThenRefusesWithItsCode_UntilItsClockHasRefilledOne(string method)
    {
        var limit = HubLimits.Table[method];
        await using var viewer = await HubClient.ConnectAsync(_app);
        var burst = limit.Bucket.TokenLimit;
        if (method != nameof(LiveHub.Join))
        {
            await viewer.JoinAsync(_event.JoinCode);
        }
        else
        {
            burst--;
            await viewer.JoinAsync(_event.JoinCode);
        }

        for (var i = 0; i < burst; i++)
        {
            Assert.NotEqual(limit.TooFast, await CallAsync(viewer, method));
        }

        Assert.Equal(limit.TooFast, await CallAsync(viewer, method));
        var oneToken = limit.Bucket.ReplenishmentPeriod / limit.Bucket.TokensPerPeriod;
        _clock.Advance(oneToken * 0.9);
        Assert.Equal(limit.TooFast, await CallAsync(viewer, method));
        _clock.Advance(oneToken * 0.1);
        Assert.NotEqual(limit.TooFast, await CallAsync(viewer, method));
        Assert.Equal(limit.TooFast, await CallAsync(viewer, method));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EachRow_CountsPerViewer_OnlyWhereItSaysSo(string method)
    {
        var limit = HubLimits.Table[method];
        await using var first = await HubClient.ConnectAsync(_app);
        await first.JoinAsync(_event.JoinCode);
        while (await CallAsync(first, method) != limit.TooFast)
        {
        }

        // The same viewer (its identity cookie) on another connection (another tab, or a reconnect).
        await using var second = await HubClient.ConnectAsync(_app, first.Cookie);
        await second.JoinAsync(_event.JoinCode);

        var code = await CallAsync(second, method);
        Assert.Equal(limit.Scopes.Contains(LimitScope.Viewer), code == limit.TooFast);
    }

    [Theory]
    [MemberData(nameof(JoinedOnly))]
    public async Task ACall_BeforeJoining_GetsNotJoined(string method)
    {
        await using var viewer = await HubClient.ConnectAsync(_app);

        Assert.Equal("live.not-joined", await CallAsync(viewer, method));
    }

    [Theory]
    [MemberData(nameof(AudienceOnly))]
    public async Task AScreen_ReadsOnly_ForWhatOnlyTheAudienceMayDo(string method)
    {
        await using var screen = await HubClient.ConnectAsync(_app);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);

        Assert.Equal("live.screen-read-only", await CallAsync(screen, method));
    }

    [Fact]
    public async Task Buckets_OfViewersWhoStopped_AreForgotten_OnceFullAgain()
    {
        var limits = _app.Services.GetRequiredService<HubLimits>();
        var chat = HubLimits.Table[nameof(LiveHub.SendChat)];
        for (var i = 0; i < 500; i++)
        {
            Assert.True(limits.TryAcquire(chat, Guid.NewGuid(), "connection-" + i));
        }

        Assert.True(limits.Buckets >= 1000);

        // Two seconds to fill up again, then ten of being full: the partitioned limiter's sweep drops them.
        _clock.Advance(TimeSpan.FromSeconds(12.5));
        await LimitsClock.UntilAsync(() => limits.Buckets == 0);
    }

    [Fact]
    public async Task ABucket_ThatStillCounts_IsKept()
    {
        var limits = _app.Services.GetRequiredService<HubLimits>();
        var questions = HubLimits.Table[nameof(LiveHub.AskQuestion)];
        var viewer = Guid.NewGuid();
        while (limits.TryAcquire(questions, viewer, "asker"))
        {
        }

        // Empty: a minute to fill up again. Half of it later it is still there, with half a minute's tokens.
        _clock.Advance(TimeSpan.FromSeconds(30));
        await LimitsClock.AfterASweepAsync(() => limits.BucketChecks, limits.Buckets);
        Assert.Equal(2, limits.Buckets);
        Assert.True(limits.TryAcquire(questions, viewer, "asker"));
        Assert.False(limits.TryAcquire(questions, viewer, "asker"));
    }

    [Fact]
    public void SlowMode_CountsFromWhenTheMessageArrived_NotFromWhenItWasStored()
    {
        var slowMode = _app.Services.GetRequiredService<HubLimits>().SlowMode;
        var (eventId, viewer) = (Guid.NewGuid(), Guid.NewGuid());

        var arrived = slowMode.Now();
        _clock.Advance(TimeSpan.FromSeconds(2));
        slowMode.Record(eventId, viewer, arrived, arrived, null);

        Assert.Equal(3, slowMode.Wait(eventId, viewer, 5, slowMode.Now()));
    }

    [Fact]
    public async Task SlowMode_WaitsOnItsClock_AndForgetsAViewer_OnceLongerAgoThanTheLongestSlowMode()
    {
        var slowMode = _app.Services.GetRequiredService<HubLimits>().SlowMode;
        var (eventId, viewer) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Null(slowMode.Wait(eventId, viewer, 5, slowMode.Now()));

        var first = slowMode.Now();
        slowMode.Record(eventId, viewer, first, first, null);
        Assert.Equal(5, slowMode.Wait(eventId, viewer, 5, slowMode.Now()));
        _clock.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(2, slowMode.Wait(eventId, viewer, 5, slowMode.Now()));
        Assert.Equal(27, slowMode.Wait(eventId, viewer, 30, slowMode.Now()));
        Assert.Null(slowMode.Wait(eventId, viewer, 0, slowMode.Now()));
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Null(slowMode.Wait(eventId, viewer, 5, slowMode.Now()));
        Assert.Null(slowMode.Wait(Guid.NewGuid(), viewer, 5, slowMode.Now()));

        _clock.Advance(TimeSpan.FromSeconds(LiveEvent.MaxSlowModeSeconds));
        await LimitsClock.AfterASweepAsync(() => slowMode.Checks, slowMode.Remembered);
        Assert.NotEqual(0, slowMode.Remembered);
        _clock.Advance(TimeSpan.FromSeconds(11));
        await LimitsClock.UntilAsync(() => slowMode.Remembered == 0);
    }

    /// <summary>One call of <paramref name="method"/> with a payload that passes the hub's own checks; its code.</summary>
    private async Task<string?> CallAsync(HubClient viewer, string method)
    {
        var connection = viewer.Connection;
        var team = _event.Teams[0].Id;
        return method switch
        {
            nameof(LiveHub.Join) => (await viewer.JoinAsync(_event.JoinCode)).Code,
            nameof(LiveHub.Resync) => (await connection.InvokeAsync<ResyncResult>("Resync", 0L)).Code,
            nameof(LiveHub.SendChat) => (await viewer.ChatAsync("hallo allemaal")).Code,
            nameof(LiveHub.Report) => (await connection.InvokeAsync<SendResult>("Report", new ReportRequest(Guid.NewGuid(), null))).Code,
            nameof(LiveHub.React) => (await connection.InvokeAsync<SendResult>("React", new ReactionRequest(team, "applause"))).Code,
            nameof(LiveHub.Vote) => (await viewer.VoteAsync(Guid.NewGuid(), Guid.NewGuid())).Code,
            nameof(LiveHub.AskQuestion) => (await viewer.AskAsync("Hoe lang duurt het nog?")).Code,
            nameof(LiveHub.Upvote) => (await viewer.UpvoteAsync(Guid.NewGuid())).Code,
            nameof(LiveHub.ShowingScene) => (await connection.InvokeAsync<SendResult>("ShowingScene", new SceneReport("screen", "join", null))).Code,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "a hub method without a call here"),
        };
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
