using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Turns new journal entries into public feed batches and sends them to each event's audience and screen groups,
/// coalesced adaptively: the first change after a quiet spell goes out at once, and while changes keep coming they
/// are gathered into at most one batch per event every <see cref="FrameInterval"/> (a low-rate feed pays no frame
/// delay, a busy one keeps the coalescing win). It folds its own copy of each event's state entry by entry, so an
/// item is always mapped with the state right after its own fact (a rehearsal step can never borrow a later real
/// reveal). Recent items stay in a ring buffer for resyncs; older positions get a snapshot instead. Every node runs
/// one and writes to its own viewers (<see cref="LocalFanout"/>): the feed does not cross the backplane, so no node
/// depends on another to send it and no viewer that does not read holds up the rest. Reaction counts, which live in
/// Redis in scale-out mode, are drained and sent by the one node holding the broadcast lease.
/// </summary>
public sealed partial class LiveBroadcaster(
    IJournal journal,
    ProjectionStore store,
    IReactionCounter reactions,
    IBroadcastLease lease,
    IHubContext<LiveHub, ILiveClient> hub,
    LocalFanout fanout,
    Features.Observability.LiveMetrics metrics,
    ILogger<LiveBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan ReactionInterval = TimeSpan.FromMilliseconds(500);
    private const int BufferSize = 2000;

    private readonly ConcurrentDictionary<Guid, EventFeed> _feeds = new();
    private readonly ConcurrentDictionary<Guid, byte> _dirty = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private IDisposable? _subscription;

    /// <summary>Items after <paramref name="position"/> when still buffered; null when the client needs a snapshot.</summary>
    public FeedBatch? Since(Guid eventId, long position)
    {
        var feed = FeedOf(eventId);
        lock (feed)
        {
            if (position > feed.Sent || position < feed.OldestAfter)
            {
                return null;
            }

            return new FeedBatch(position, feed.Sent, feed.Items.Where(i => i.Position > position).ToList(), DateTimeOffset.UtcNow);
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe first, then take each known event's position: nothing falls between the two.
        // Every part: PublicFeed decides which facts the audience sees, whatever part they belong to.
        _subscription = store.Subscribe(change =>
        {
            if (JournalStreams.TryParseEvent(change.StreamId, out var eventId))
            {
                _dirty[eventId] = 0;
                Wake();
            }
        });
        foreach (var liveEvent in store.Events)
        {
            _feeds.TryAdd(liveEvent.Id, new EventFeed(liveEvent));
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var time = TimeProvider.System;
        var lastReactions = time.GetTimestamp();
        var lastFrame = time.GetTimestamp() - (long)(FrameInterval.TotalSeconds * time.TimestampFrequency);
        var reactionsSent = Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Sleep until something changed (or the reaction totals are due). Right after a frame went out, wait
                // out the rest of its interval first: what arrives meanwhile goes out together in the next frame.
                var sinceFrame = time.GetElapsedTime(lastFrame);
                if (sinceFrame < FrameInterval)
                {
                    await Task.Delay(FrameInterval - sinceFrame, time, stoppingToken);
                }

                if (_dirty.IsEmpty)
                {
                    var untilReactions = ReactionInterval - time.GetElapsedTime(lastReactions);
                    await _wake.WaitAsync(untilReactions > TimeSpan.Zero ? untilReactions : TimeSpan.Zero, stoppingToken);
                }

                if (!_dirty.IsEmpty)
                {
                    lastFrame = time.GetTimestamp();
                    foreach (var eventId in _dirty.Keys)
                    {
                        _dirty.TryRemove(eventId, out _);
                        await SendSafelyAsync(eventId, stoppingToken);
                    }
                }

                // Reaction totals go to groups through SignalR, whose group sends wait for every member: never wait
                // for them here (a viewer that does not read would hold up the feed), and keep one send in flight;
                // counts not yet drained simply go out with the next one.
                // The tick moves on whether or not this node sends (else the wait above would not wait at all).
                if (time.GetElapsedTime(lastReactions) >= ReactionInterval)
                {
                    lastReactions = time.GetTimestamp();
                    if (lease.IsHolder && reactionsSent.IsCompleted)
                    {
                        reactionsSent = SendReactionsSafelyAsync();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendReactionsSafelyAsync()
    {
        try
        {
            foreach (var (eventId, snapshot) in await reactions.DrainAsync())
            {
                await hub.Clients.Groups(LiveGroups.Audience(eventId), LiveGroups.Screens(eventId)).Reactions(snapshot);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex, Guid.Empty);
        }
    }

    /// <summary>Wakes the send loop; a wake-up already pending is enough (the loop sends every dirty event at once).</summary>
    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        _wake.Dispose();
        base.Dispose();
    }

    private EventFeed FeedOf(Guid eventId) => _feeds.GetOrAdd(eventId, _ => new EventFeed(LiveEvent.Empty));

    private async Task SendSafelyAsync(Guid eventId, CancellationToken cancellationToken)
    {
        try
        {
            var feed = FeedOf(eventId);
            var batch = await NextBatchAsync(eventId, feed, cancellationToken);
            if (batch is { } next)
            {
                await fanout.SendAsync(nameof(ILiveClient.Feed), next.Batch, LiveGroups.Screens(eventId), LiveGroups.Audience(eventId));
                metrics.MessagesOut(next.Batch.Items.Count, next.OldestRecordedAt);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex, eventId);
            _dirty[eventId] = 0;
            Wake();
        }
    }

    private async Task<(FeedBatch Batch, DateTimeOffset OldestRecordedAt)?> NextBatchAsync(Guid eventId, EventFeed feed, CancellationToken cancellationToken)
    {
        DateTimeOffset? oldest = null;
        var after = feed.Sent;
        var chainedAfter = feed.LastBatchUpTo;
        var state = feed.State;
        var items = new List<FeedItem>();
        await foreach (var entry in journal.ReadAsync(JournalStreams.ForEvent(eventId), after + 1, cancellationToken))
        {
            var fact = (ILiveEventFact)FactSerializer.Deserialize(entry);
            oldest ??= entry.RecordedAt;
            state = state.Apply(fact, entry.Position);
            if (fact is ChatPurged)
            {
                // Purged chat and questions must not come back through a resync either.
                lock (feed)
                {
                    feed.Items.RemoveAll(PublicFeed.IsPurgeable);
                }

                items.RemoveAll(PublicFeed.IsPurgeable);
            }

            items.AddRange(PublicFeed.ToItems(state, fact, entry.Position));
        }

        PublicFeed.DropSupersededTallies(items);

        if (state.Version == after)
        {
            return null;
        }

        lock (feed)
        {
            feed.State = state;
            feed.Sent = state.Version;
            feed.Items.AddRange(items);
            if (items.Exists(i => i.Poll is not null || i.Question is not null))
            {
                PublicFeed.DropSupersededTallies(feed.Items);
            }

            if (feed.Items.Count > BufferSize)
            {
                var drop = feed.Items.Count - BufferSize;
                feed.OldestAfter = feed.Items[drop - 1].Position;
                feed.Items.RemoveRange(0, drop);
            }
        }

        if (items.Count == 0)
        {
            return null;
        }

        // Batches chain: each starts where the previous sent batch ended, so a client that missed one sees the gap,
        // while entries without public items (scores, for instance) never make clients resync.
        lock (feed)
        {
            feed.LastBatchUpTo = state.Version;
        }

        return (new FeedBatch(chainedAfter, state.Version, items, DateTimeOffset.UtcNow), oldest ?? DateTimeOffset.UtcNow);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcasting event {EventId} failed; retrying on the next frame")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid eventId);

    private sealed class EventFeed(LiveEvent state)
    {
        public LiveEvent State { get; set; } = state;

        public long Sent { get; set; } = state.Version;

        public long LastBatchUpTo { get; set; } = state.Version;

        /// <summary>Positions after this one are in <see cref="Items"/> (or had no public item).</summary>
        public long OldestAfter { get; set; } = state.Version;

        public List<FeedItem> Items { get; } = [];
    }
}
