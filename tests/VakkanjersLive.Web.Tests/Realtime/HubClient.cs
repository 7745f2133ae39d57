using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>A viewer on the public hub (the .NET SignalR client through the test server), recording what arrives.</summary>
internal sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<FeedItem> _items = new();
    private readonly List<(Func<FeedItem, bool> Match, TaskCompletionSource<FeedItem> Done)> _waiters = [];
    private readonly ConcurrentQueue<ReactionSnapshot> _reactions = new();
    private TaskCompletionSource<ReactionSnapshot> _nextReactions = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TestApp? _app;

    private HubClient(HubConnection connection, string cookie, Guid viewerId, TestApp? app = null)
    {
        _app = app;
        Connection = connection;
        Cookie = cookie;
        ViewerId = viewerId;
        connection.On<FeedBatch>(nameof(ILiveClient.Feed), batch =>
        {
            Batches.Enqueue(batch);
            lock (_waiters)
            {
                // As the browser client (js/live/reducer.js): a batch that does not join up with what we have means a gap; stop there until a resync.
                if (!Gap && Last >= 0)
                {
                    if (batch.After > Last)
                    {
                        Gap = true;
                    }
                    else
                    {
                        Last = Math.Max(Last, batch.UpTo);
                    }
                }
            }

            foreach (var item in batch.Items)
            {
                _items.Enqueue(item);
                lock (_waiters)
                {
                    foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
                    {
                        waiter.Done.TrySetResult(item);
                        _waiters.Remove(waiter);
                    }
                }
            }
        });
        connection.On<ReactionSnapshot>(nameof(ILiveClient.Reactions), snapshot =>
        {
            _reactions.Enqueue(snapshot);
            _nextReactions.TrySetResult(snapshot);
        });
    }

    public HubConnection Connection { get; }

    /// <summary>The viewer the server issued to this client (read from its identity cookie with the app's keys; empty on a real node).</summary>
    public Guid ViewerId { get; }

    /// <summary>The identity cookie (<c>vkl.viewer=…</c>) this connection carries.</summary>
    public string Cookie { get; }

    /// <summary>The position up to which this client has everything (the browser's "last"); -1 before joining.</summary>
    public long Last { get; private set; } = -1;

    /// <summary>True once a batch arrived that did not join up: a browser would resync from <see cref="Last"/>.</summary>
    public bool Gap { get; private set; }

    public ConcurrentQueue<FeedBatch> Batches { get; } = new();

    /// <summary>The answer to the last successful join (nickname, snapshot).</summary>
    public JoinResult? Joined { get; private set; }

    public IReadOnlyList<FeedItem> Items => [.. _items];

    /// <summary>What a page shows: each position applied once, as the browser client does.</summary>
    public IReadOnlyList<FeedItem> Shown => [.. _items.GroupBy(i => i.Position).Select(g => g.First())];

    /// <param name="cookie">Another client's identity (the same viewer in a second tab); a new one when null.</param>
    public static async Task<HubClient> ConnectAsync(TestApp app, string? cookie = null)
    {
        var server = app.Server;
        cookie ??= await AudienceIdentity.CookieAsync(app);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, RealtimeSetup.HubPath), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        var viewerId = app.Services.GetRequiredService<ViewerIdentity>().Read(cookie.Split('=', 2)[1]) ?? Guid.Empty;
        var client = new HubClient(connection, cookie, viewerId, app);
        await connection.StartAsync();
        return client;
    }

    /// <summary>A viewer on a real node over WebSockets.</summary>
    public static async Task<HubClient> ConnectAsync(Uri baseAddress, string? cookie = null)
    {
        cookie ??= await AudienceIdentity.CookieAsync(baseAddress);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, RealtimeSetup.HubPath), o =>
            {
                // WebSockets without the negotiate round trip: no sticky sessions needed behind a balancer.
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        var client = new HubClient(connection, cookie, Guid.Empty);
        await connection.StartAsync();
        return client;
    }

    /// <param name="screenToken">A screen's token; for a screen on a test server a new one is made when none is given.</param>
    public async Task<JoinResult> JoinAsync(string code, string? nickname = null, string kind = ViewerKinds.Audience, string? screenToken = null)
    {
        if (kind == ViewerKinds.Screen && screenToken is null && _app is not null)
        {
            screenToken = await TestData.ScreenTokenAsync(_app, code);
        }

        var result = await Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(code, ViewerId, nickname, kind, screenToken));
        Joined = result.Ok ? result : Joined;
        if (result.Ok && Last < 0)
        {
            lock (_waiters)
            {
                Last = result.Snapshot!.Position;
            }
        }

        return result;
    }

    public Task<SendResult> ChatAsync(string? text, long? sentAt = null) =>
        Connection.InvokeAsync<SendResult>("SendChat", new ChatRequest(Guid.NewGuid(), text, sentAt));

    public Task<SendResult> VoteAsync(Guid pollId, Guid optionId, Guid? commandId = null) =>
        Connection.InvokeAsync<SendResult>("Vote", new VoteRequest(commandId ?? Guid.NewGuid(), pollId, optionId));

    public Task<SendResult> AskAsync(string? text, Guid? commandId = null) =>
        Connection.InvokeAsync<SendResult>("AskQuestion", new QuestionRequest(commandId ?? Guid.NewGuid(), text));

    public Task<SendResult> UpvoteAsync(Guid questionId, bool withdraw = false, Guid? commandId = null) =>
        Connection.InvokeAsync<SendResult>("Upvote", new UpvoteRequest(commandId ?? Guid.NewGuid(), questionId, withdraw));

    /// <summary>Completes when an item matching <paramref name="match"/> arrives (or has arrived).</summary>
    public Task<FeedItem> WaitForAsync(Func<FeedItem, bool> match)
    {
        var done = new TaskCompletionSource<FeedItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_items.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async Task<ReactionSnapshot> NextReactionsAsync()
    {
        var snapshot = await _nextReactions.Task.WaitAsync(TimeSpan.FromSeconds(15));
        _nextReactions = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return snapshot;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
