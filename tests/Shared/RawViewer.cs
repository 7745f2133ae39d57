using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Tests.Shared;

/// <summary>
/// A hand-made viewer on a raw WebSocket with a 4 KB receive buffer, so it can misbehave in ways the real client
/// never does: stop reading while still pinging, or stop pinging altogether.
/// </summary>
public sealed class RawViewer : IAsyncDisposable
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
        viewer._socket.Options.SetRequestHeader("Cookie", await AudienceIdentity.CookieAsync(baseAddress));
        await viewer._socket.ConnectAsync(uri, new HttpMessageInvoker(handler), CancellationToken.None);
        await viewer.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        viewer._reader = Task.Run(viewer.ReadAsync);
        await viewer.SendAsync(JsonSerializer.Serialize(new
        {
            type = 1,
            invocationId = "1",
            target = "Join",
            arguments = new object[] { new { eventCode = code, kind = ViewerKinds.Audience } },
        }));
        var joined = await viewer._joined.Task.WaitAsync(TimeSpan.FromSeconds(15));
        if (!joined.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("Join was refused: " + joined);
        }

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
