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
        var posted = new List<string>();
        while (Audience() == 2)
        {
            Assert.True(posted.Count < 60_000, "the server kept writing to a client that reads nothing");
            var text = $"bericht {posted.Count:D5} " + new string('x', 280);
            posted.Add(text);
            await Chat(text);
        }

        const string after = "na het afsluiten van de trage kijker";
        await Chat(after);
        await healthy.WaitForAsync(i => i.Text == after);

        // Everyone else got every message, once and in order, and never had to resync.
        Assert.False(healthy.Gap);
        Assert.Equal([.. posted, after], healthy.Shown.Where(i => i.Type == "chat").Select(i => i.Text));

        // The dropped viewer comes back, as live.js does, and catches up from where it was.
        await using var back = await HubClient.ConnectAsync(_app.BaseAddress);
        await back.JoinAsync(_event.JoinCode);
        var resync = await back.Connection.InvokeAsync<ResyncResult>("Resync", stuck.Position);
        Assert.True(resync.Ok);
        var caughtUp = resync.Snapshot is { } snapshot ? snapshot.Chat.Select(c => c.Text).ToList() : resync.Batch!.Items.Select(i => i.Text).ToList();
        Assert.Equal(after, caughtUp[^1]);
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

    private Task Chat(string text) =>
        TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Testkijker", text, DateTimeOffset.UtcNow)));

    public void Dispose() => _app?.Dispose();

    /// <summary>
    /// A hand-made viewer on a raw WebSocket with a 4 KB receive buffer, so it can misbehave in ways the real client
    /// never does: stop reading while still pinging, or stop pinging altogether.
    /// </summary>
    private sealed class RawViewer : IAsyncDisposable
    {
        private const char RecordSeparator = '\u001e';
        private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}" + RecordSeparator);
        private readonly ClientWebSocket _socket = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationTokenSource _stopPinging = new();
        private readonly TaskCompletionSource<bool> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _readerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _firstPing = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<JsonElement> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task _reader = Task.CompletedTask;
        private Task _pinger = Task.CompletedTask;
        private volatile bool _reading = true;

        /// <summary>The feed position this viewer had when it joined (it reads nothing after that).</summary>
        public long Position { get; private set; }

        /// <summary>Completes when the reader has stopped (after <see cref="StopReading"/> and one more message).</summary>
        public Task ReaderStopped => _readerStopped.Task;

        /// <summary>True once the server closed the connection (only seen while reading).</summary>
        public Task<bool> Closed => _closed.Task;

        public static async Task<RawViewer> JoinAsync(Uri baseAddress, string code)
        {
            var viewer = new RawViewer();
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            viewer._socket.Options.KeepAliveInterval = TimeSpan.Zero;
            var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = RealtimeSetup.HubPath }.Uri;
            await viewer._socket.ConnectAsync(uri, new HttpMessageInvoker(handler), CancellationToken.None);
            await viewer.SendAsync("{\"protocol\":\"json\",\"version\":1}");
            viewer._reader = Task.Run(viewer.ReadAsync);
            await viewer.SendAsync(JsonSerializer.Serialize(new
            {
                type = 1,
                invocationId = "1",
                target = "Join",
                arguments = new object[] { new { eventCode = code, viewerId = Guid.NewGuid(), kind = ViewerKinds.Audience } },
            }));
            var joined = await viewer._joined.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(joined.GetProperty("ok").GetBoolean());
            viewer.Position = joined.GetProperty("snapshot").GetProperty("position").GetInt64();
            viewer._pinger = Task.Run(viewer.PingAsync);
            return viewer;
        }

        /// <summary>Reads no more after the receive in progress (cancelling it would abort the socket).</summary>
        public void StopReading() => _reading = false;

        /// <summary>Stops pinging once the first ping is out (the hub's client timeout starts with a client's first ping).</summary>
        public async Task StopPingingAsync()
        {
            await _firstPing.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await _stopPinging.CancelAsync();
        }

        private async Task SendAsync(string message) =>
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

        private async Task PingAsync()
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _stopPinging.Token);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            try
            {
                do
                {
                    await _socket.SendAsync(Ping, WebSocketMessageType.Text, true, both.Token);
                    _firstPing.TrySetResult();
                }
                while (await timer.WaitForNextTickAsync(both.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Stopped on purpose, or the server has closed the connection.
            }
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            var text = new StringBuilder();
            try
            {
                while (_reading)
                {
                    var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult(true);
                        return;
                    }

                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    var all = text.ToString();
                    var end = all.LastIndexOf(RecordSeparator);
                    if (end < 0)
                    {
                        continue;
                    }

                    foreach (var message in all[..end].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                    {
                        using var json = JsonDocument.Parse(message);
                        if (json.RootElement.TryGetProperty("invocationId", out var id) && id.GetString() == "1" && json.RootElement.TryGetProperty("result", out var joined))
                        {
                            _joined.TrySetResult(joined.Clone());
                        }
                    }

                    text.Clear().Append(all[(end + 1)..]);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (WebSocketException)
            {
                _closed.TrySetResult(true);
            }
            finally
            {
                _readerStopped.TrySetResult();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_reader, _pinger);
            _socket.Abort();
            _socket.Dispose();
            _stop.Dispose();
            _stopPinging.Dispose();
        }
    }
}
