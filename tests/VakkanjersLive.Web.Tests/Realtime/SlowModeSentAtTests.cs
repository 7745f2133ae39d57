using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// Slow mode judges a viewer by when the phone sent a message, not by when the server got round to it (issue 16: under
/// load a message waits in the server's queues for a second or two, and viewers keeping exactly to the limit were
/// refused), without letting a script that lies about its clock post faster than the limit.
/// </summary>
public sealed class SlowModeSentAtTests : IAsyncLifetime
{
    private const long PhoneClock = 1_764_600_000_000;
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private LiveEvent _event = default!;

    public SlowModeSentAtTests() => _app = LimitsClock.App(_clock);

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", s =>
            s.ChangeChatSettings(new ChatSettings(ChatMode.Open, HoldForReview: false, SlowModeSeconds: 5, GeneratedNicknamesOnly: false, BlockLinks: true))));
    }

    [Fact]
    public async Task AViewerKeepingSixSecondsApart_IsNotRefused_WhenTheFirstMessageWaitedInTheServersQueue()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        // Sent at 0, got to the hub 1.8 s later (queued); the next sent at 6 s got there at once: 4.2 s apart on arrival.
        Assert.True((await viewer.ChatAsync("eerste bericht", PhoneClock)).Ok);
        _clock.Advance(TimeSpan.FromSeconds(4.2));
        var second = await viewer.ChatAsync("tweede bericht", PhoneClock + 6_000);

        Assert.True(second.Ok, second.Code);
    }

    [Fact]
    public async Task AScriptClaimingFiveSecondsBetweenMessagesSentThreeApart_GainsAtMostTheSlackOnce()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        Assert.True((await viewer.ChatAsync("een", PhoneClock)).Ok);
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True((await viewer.ChatAsync("twee", PhoneClock + 5_000)).Ok);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var third = await viewer.ChatAsync("drie", PhoneClock + 10_000);

        Assert.Equal("chat.slow-mode", third.Code);
        Assert.Contains("2", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutASendTime_SlowModeCountsFromArrival_AsBefore()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        Assert.True((await viewer.ChatAsync("een")).Ok);
        _clock.Advance(TimeSpan.FromSeconds(4.2));

        Assert.Equal("chat.slow-mode", (await viewer.ChatAsync("twee", PhoneClock + 60_000)).Code);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(ChatRequest.MaxSentAt + 1)]
    [InlineData(long.MinValue)]
    public async Task ASendTimeOutOfRange_IsRefusedAsABadPayload(long sentAt)
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        Assert.Equal("payload.invalid", (await viewer.ChatAsync("hallo", sentAt)).Code);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
