using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// The public hub's lifetime manager: every call goes to the configured one (in memory, or the Redis backplane), and
/// this node also keeps its own connections per group, so that <see cref="LocalFanout"/> can write the feed (which
/// every node computes from the journal itself) straight to the viewers connected here.
/// </summary>
public sealed class LiveHubLifetimeManager(HubLifetimeManager<LiveHub> inner) : HubLifetimeManager<LiveHub>
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);

    // Groups are few (two per event) and are kept when empty, so adding never races with removing an empty group.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubConnectionContext>> _groups = new(StringComparer.Ordinal);

    /// <summary>
    /// This node's connections in <paramref name="groupName"/>, enumerated live without locking (no copy per send;
    /// a connection that joins or leaves meanwhile may or may not be included).
    /// </summary>
    public IEnumerable<HubConnectionContext> LocalMembers(string groupName) =>
        _groups.TryGetValue(groupName, out var members) ? members.Select(m => m.Value) : [];

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections[connection.ConnectionId] = connection;
        try
        {
            await inner.OnConnectedAsync(connection);
        }
        catch
        {
            // Refused (Redis unreachable, for instance): SignalR closes it without a disconnect callback.
            _connections.TryRemove(connection.ConnectionId, out _);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        foreach (var members in _groups.Values)
        {
            members.TryRemove(connection.ConnectionId, out _);
        }

        return inner.OnDisconnectedAsync(connection);
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await inner.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            var members = _groups.GetOrAdd(groupName, _ => new(StringComparer.Ordinal));
            members[connectionId] = connection;
            if (!_connections.ContainsKey(connectionId))
            {
                // It disconnected while joining: do not keep it in the group.
                members.TryRemove(connectionId, out _);
            }
        }
    }

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (_groups.TryGetValue(groupName, out var members))
        {
            members.TryRemove(connectionId, out _);
        }

        return inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendAllAsync(methodName, args, cancellationToken);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendGroupAsync(groupName, methodName, args, cancellationToken);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendGroupsAsync(groupNames, methodName, args, cancellationToken);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendUserAsync(userId, methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendUsersAsync(userIds, methodName, args, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        inner.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        inner.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        inner.TryGetReturnType(invocationId, out type);
}

/// <summary>
/// Writes one message, serialized once, to this node's members of some groups without waiting for any of them. Writes
/// to one connection queue up in order; a connection with <see cref="MaxPending"/> writes still in progress (its
/// buffers are full: it does not read) is skipped. When it reads again it sees the gap in the position chain and
/// resyncs, and if it never does the transport's send timeout closes it. So a viewer that does not read can hold up
/// neither the other viewers nor the sender, and the messages waiting for it are at most the last few frames, shared
/// with every other connection. (SignalR's own group sends wait for every member of the group.)
/// <para>
/// Each write wakes that connection's send loop on the thread pool. Writing to 10,000 viewers in one go would put
/// 10,000 work items in the pool's queue at once, and a judge's score, a moderator's click or a vote arriving then
/// waits behind all of them (on a busy 2-core box, seconds). So the writes go out <see cref="Chunk"/> at a time and
/// the fan-out yields to the back of the queue between chunks (<see cref="ForEachPacedAsync{T}"/>): whatever arrived
/// meanwhile runs before the next chunk, so a request waits behind at most one chunk of send loops.
/// </para>
/// </summary>
public sealed class LocalFanout(LiveHubLifetimeManager connections, Features.Observability.LiveMetrics metrics)
{
    /// <summary>Frames a connection may have in flight: three seconds of feed, enough for a viewer catching up.</summary>
    public const int MaxPending = 30;

    /// <summary>Connections written to between two yields to the thread pool's queue.</summary>
    public const int Chunk = 256;

    private readonly ConcurrentDictionary<string, int> _pending = new(StringComparer.Ordinal);
    private long _skipped;

    /// <summary>Frames skipped so far for connections that were too far behind.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Sends to the groups in the order given (screens first, so the hall's screen never waits for phones).</summary>
    public Task SendAsync(string methodName, object argument, params string[] groupNames)
    {
        var message = new SerializedHubMessage(new InvocationMessage(methodName, [argument]));
        return ForEachPacedAsync(groupNames.SelectMany(connections.LocalMembers), Chunk, connection => Write(connection, message));
    }

    /// <summary>
    /// Runs <paramref name="body"/> for each item, yielding to the back of the scheduler's queue after every
    /// <paramref name="chunk"/> items (and not before the first): work queued meanwhile runs before the rest.
    /// </summary>
    internal static async Task ForEachPacedAsync<T>(IEnumerable<T> items, int chunk, Action<T> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        var done = 0;
        foreach (var item in items)
        {
            if (done > 0 && done % chunk == 0)
            {
                await Task.Yield();
            }

            body(item);
            done++;
        }
    }

    private void Write(HubConnectionContext connection, SerializedHubMessage message)
    {
        var id = connection.ConnectionId;
        if (_pending.TryGetValue(id, out var inFlight) && inFlight >= MaxPending)
        {
            Interlocked.Increment(ref _skipped);
            metrics.Skipped();
            return;
        }

        var write = connection.WriteAsync(message);
        if (!write.IsCompleted)
        {
            _pending.AddOrUpdate(id, 1, (_, n) => n + 1);
            _ = write.AsTask().ContinueWith(_ => Done(id), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Done(string id)
    {
        var left = _pending.AddOrUpdate(id, 0, (_, n) => n - 1);
        if (left <= 0)
        {
            _pending.TryRemove(KeyValuePair.Create(id, left));
        }
    }
}
