using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Observability;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// Clients that stop reading, stop pinging or vanish, on a real Kestrel node: the server holds a bounded amount for
/// them (64 KB pipes), drops them, and everyone else keeps getting the feed. Each test shortens the one timeout it is
/// about so it runs in seconds; the defaults are in RealtimeSetup and docs/operations.md.
/// </summary>
public sealed class SlowClientTests : IDisposable
{
    private TestApp _app = default!;
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveMetrics Metrics => _app.Services.GetRequiredService<LiveMetrics>();

    [Fact]
    public async Task AClientThatStopsReading_IsDropped_WhileTheOthersGetEveryMessage_AndItResyncsAfterwards()
    {
        await StartAsync(("Realtime:TransportSendTimeout", "00:00:02"));
        await using var healthy = await HubClient.ConnectAsync(_app.BaseAddress);
        await healthy.JoinAsync(_event.JoinCode);
        await using var stuck = await RawViewer.JoinAsync(_app.BaseAddress, _event.JoinCode);
        Assert.Equal(2, Audience());

        // The stuck viewer keeps pinging (so it is not "dead") but never reads: its socket buffers fill up, then the
        // server's pipes (64 KB each), then a send waits longer than the send timeout and the server closes it.
        stuck.StopReading();
        var posted = await FloodUntilAsync(() => Audience() < 2, "the server kept writing to a client that reads nothing");

        const string after = "na het afsluiten van de trage kijker";
        await Chat(after);
        await healthy.WaitForAsync(i => i.Text == after);

        // Everyone else got every message, once and in order, and never had to resync.
        Assert.False(healthy.Gap);
        Assert.Equal([.. posted, after], healthy.Shown.Where(i => i.Type == FeedItemTypes.Chat).Select(i => i.Text));

        // The dropped viewer comes back, as the browser client does, and catches up from where it was.
        await using var back = await HubClient.ConnectAsync(_app.BaseAddress);
        await back.JoinAsync(_event.JoinCode);
        var resync = await back.Connection.InvokeAsync<ResyncResult>("Resync", stuck.Position);
        Assert.True(resync.Ok);
        var caughtUp = resync.Snapshot is { } snapshot ? snapshot.Chat.Select(c => c.Text).ToList() : resync.Batch!.Items.Select(i => i.Text).ToList();
        Assert.Equal(after, caughtUp[^1]);
    }

    [Fact]
    public async Task AClientThatStopsReading_HoldsUpNobody_EvenLongBeforeItIsDropped()
    {
        // The send timeout is ten minutes here: if writes to the stuck viewer made the feed wait, nobody would get
        // anything more during this test.
        await StartAsync(("Realtime:TransportSendTimeout", "00:10:00"));
        var fanout = _app.Services.GetRequiredService<LocalFanout>();
        await using var healthy = await HubClient.ConnectAsync(_app.BaseAddress);
        await healthy.JoinAsync(_event.JoinCode);
        await using var stuck = await RawViewer.JoinAsync(_app.BaseAddress, _event.JoinCode);
        stuck.StopReading();

        // Flood until the stuck viewer is so far behind that frames are skipped for it.
        var posted = await FloodUntilAsync(() => fanout.Skipped > 0, "frames were never skipped for a client that reads nothing");

        // Applause goes out too (reaction totals, twice a second): that send must not hold up the feed either.
        Assert.True((await healthy.Connection.InvokeAsync<SendResult>("React", new ReactionRequest(_event.Teams[0].Id, "applause"))).Ok);
        await healthy.NextReactionsAsync();

        const string after = "terwijl de trage kijker nog vastzit";
        await Chat(after);
        await healthy.WaitForAsync(i => i.Text == after);

        Assert.Equal(2, Audience());
        Assert.False(healthy.Gap);
        Assert.Equal([.. posted, after], healthy.Shown.Where(i => i.Type == FeedItemTypes.Chat).Select(i => i.Text));
    }

    [Fact]
    public async Task AClientThatStopsPinging_IsDroppedAfterTheClientTimeout()
    {
        await StartAsync(("Realtime:ClientTimeout", "00:00:03"));
        await using var silent = await RawViewer.JoinAsync(_app.BaseAddress, _event.JoinCode);
        Assert.Equal(1, Audience());

        // It pinged once, then nothing: a page whose script stopped. It still reads, so it sees the server close.
        await silent.StopPingingAsync();
        Assert.True(await silent.Closed.WaitAsync(TimeSpan.FromSeconds(30)));
        await WaitUntil(() => Audience() == 0);
    }

    [Fact]
    public async Task AClientThatVanished_IsDroppedByTheWebSocketKeepAlive_EvenWithoutHubPings()
    {
        // The hub's own client timeout stays at its 30 s default: only the WebSocket ping/pong can drop it in time.
        await StartAsync(("Realtime:WebSocketKeepAliveInterval", "00:00:01"), ("Realtime:WebSocketKeepAliveTimeout", "00:00:02"));
        await using var gone = await RawViewer.JoinAsync(_app.BaseAddress, _event.JoinCode);
        Assert.Equal(1, Audience());

        // Neither reads (so no pong answers the server's WebSocket pings) nor sends: a phone that left the building.
        // The receive in progress would still answer pings; the next feed message ends it, and then nothing reads.
        gone.StopReading();
        await Chat("de laatste die de verdwenen kijker nog leest");
        await gone.ReaderStopped.WaitAsync(TimeSpan.FromSeconds(15));
        await gone.StopPingingAsync();
        await WaitUntil(() => Audience() == 0);
    }

    private async Task StartAsync(params (string Key, string Value)[] settings)
    {
        _app = new TestApp(kestrel: true, settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        _event = await TestData.SmallFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
    }

    private long Audience() => Metrics.Snapshot().Connections.GetValueOrDefault(ViewerKinds.Audience);

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Full-length chat messages, as fast as the journal takes them, until <paramref name="done"/>.</summary>
    private async Task<List<string>> FloodUntilAsync(Func<bool> done, string failure)
    {
        var posted = new List<string>();
        while (!done())
        {
            Assert.True(posted.Count < 60_000, failure);
            var text = $"bericht {posted.Count:D5} " + new string('x', 280);
            posted.Add(text);
            await Chat(text);
        }

        return posted;
    }

    private Task Chat(string text) =>
        TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Testkijker", text, DateTimeOffset.UtcNow)));

    public void Dispose() => _app?.Dispose();
}
