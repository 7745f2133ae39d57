using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Domain.Staff;

namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>
/// In-memory state of every stream, folded from the journal. Rebuilt at start-up, kept current by
/// <see cref="JournalFollower"/> and by writers (read-your-writes). Readers get immutable snapshots.
/// </summary>
public sealed partial class ProjectionStore(IJournal journal, ILogger<ProjectionStore> logger)
{
    private readonly ConcurrentDictionary<string, StreamProjection> _streams = new(StringComparer.Ordinal);
    private ImmutableList<Action<StreamChange>> _listeners = [];

    public StaffDirectory Staff => (Find(JournalStreams.Staff)?.State as StaffDirectory) ?? StaffDirectory.Empty;

    public SeriesCatalog Series => (Find(JournalStreams.Series)?.State as SeriesCatalog) ?? SeriesCatalog.Empty;

    /// <summary>The episodes of a broadcast series, earliest start first.</summary>
    public IReadOnlyList<LiveEvent> EpisodesOf(Guid seriesId) => _streams.Values
        .Select(s => s.State)
        .OfType<LiveEvent>()
        .Where(e => e.Exists && e.Broadcast.SeriesId == seriesId && seriesId != Guid.Empty)
        .OrderBy(e => e.Broadcast.StartsAt)
        .ThenBy(e => e.Broadcast.Number)
        .ToList();

    /// <summary>Every live event, newest date first.</summary>
    public IReadOnlyList<LiveEvent> Events => _streams.Values
        .Select(s => s.State)
        .OfType<LiveEvent>()
        .Where(e => e.Exists)
        .OrderByDescending(e => e.Date)
        .ThenBy(e => e.Name, StringComparer.CurrentCulture)
        .ToList();

    /// <summary>The event an audience code (as typed: any case, spaces or dashes) belongs to.</summary>
    public LiveEvent? FindEventByJoinCode(string? typed)
    {
        var code = JoinCodes.Normalize(typed);
        return JoinCodes.IsWellFormed(code)
            ? _streams.Values.Select(s => s.State).OfType<LiveEvent>().FirstOrDefault(e => e.Exists && e.JoinCode == code)
            : null;
    }

    public LiveEvent? GetEvent(Guid eventId) =>
        Find(JournalStreams.ForEvent(eventId))?.State is LiveEvent { Exists: true } e ? e : null;

    /// <summary>The stream position a command id was stored at, if this node has seen it.</summary>
    public long? FindCommand(string streamId, Guid commandId) =>
        Find(streamId) is { } s && s.Commands.TryGetValue(commandId, out var position) ? position : null;

    public long VersionOf(string streamId) => Find(streamId)?.Version ?? 0;

    public object StateOf(string streamId) => Find(streamId)?.State ?? InitialState(streamId)
        ?? throw new ArgumentException($"No projection for stream '{streamId}'.", nameof(streamId));

    /// <summary>
    /// Called after a stream's state moved on, with the stream and the parts the applied facts belong to (one call
    /// may cover several facts). Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Action<StreamChange> onChanged)
    {
        ImmutableInterlocked.Update(ref _listeners, l => l.Add(onChanged));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _listeners, l => l.Remove(onChanged)));
    }

    /// <summary>How many listeners are subscribed (diagnostics: a page that leaks its subscription shows up here).</summary>
    public int ListenerCount => _listeners.Count;

    /// <summary>Reads every stream from the start; used once at start-up.</summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        foreach (var streamId in await journal.ListStreamsAsync(cancellationToken))
        {
            await CatchUpAsync(streamId, cancellationToken);
        }
    }

    /// <summary>Applies whatever the journal holds past this node's position for the stream.</summary>
    public async Task CatchUpAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var initial = InitialState(streamId);
        if (initial is null)
        {
            return;
        }

        var stream = _streams.GetOrAdd(streamId, _ => new StreamProjection(initial));
        var changed = false;
        var parts = EventParts.None;
        await stream.Gate.WaitAsync(cancellationToken);
        try
        {
            await foreach (var entry in journal.ReadAsync(streamId, stream.Version + 1, cancellationToken))
            {
                parts |= Apply(stream, entry);
                changed = true;
            }
        }
        finally
        {
            stream.Gate.Release();
        }

        if (changed)
        {
            Notify(new StreamChange(streamId, parts));
        }
    }

    /// <summary>
    /// Applies an entry this node just appended without reading it back, when it is the next one for the stream;
    /// otherwise catches up from the journal (another writer got in between).
    /// </summary>
    public Task ApplyAppendedAsync(JournalEntry entry, CancellationToken cancellationToken = default) =>
        ApplyAppendedAsync([entry], cancellationToken);

    /// <summary>
    /// The same for a batch this node appended in one write (consecutive positions): applied together, one change
    /// notification naming every part they changed.
    /// </summary>
    public async Task ApplyAppendedAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var streamId = entries[0].StreamId;
        if (_streams.TryGetValue(streamId, out var stream))
        {
            EventParts? applied = null;
            await stream.Gate.WaitAsync(cancellationToken);
            try
            {
                if (stream.Version == entries[0].Position - 1)
                {
                    var parts = EventParts.None;
                    foreach (var entry in entries)
                    {
                        parts |= Apply(stream, entry);
                    }

                    applied = parts;
                }
            }
            finally
            {
                stream.Gate.Release();
            }

            if (applied is { } changed)
            {
                Notify(new StreamChange(streamId, changed));
                return;
            }
        }

        await CatchUpAsync(streamId, cancellationToken);
    }

    /// <summary>The state after one fact: the projection's fold, also used to decide a batch of commands in a row.</summary>
    internal static object Fold(object state, object fact, long position) => (state, fact) switch
    {
        (LiveEvent e, ILiveEventFact f) => e.Apply(f, position),
        (StaffDirectory s, IStaffFact f) => s.Apply(f, position),
        (SeriesCatalog s, ISeriesFact f) => s.Apply(f, position),
        _ => throw new InvalidOperationException($"{fact.GetType().Name} does not belong in a {state.GetType().Name} stream."),
    };

    private static object? InitialState(string streamId) =>
        streamId == JournalStreams.Staff ? StaffDirectory.Empty
        : streamId == JournalStreams.Series ? SeriesCatalog.Empty
        : JournalStreams.TryParseEvent(streamId, out _) ? LiveEvent.Empty
        : null;

    private StreamProjection? Find(string streamId) => _streams.GetValueOrDefault(streamId);

    private void Notify(StreamChange change)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener(change);
            }
            catch (Exception ex)
            {
                LogListenerFailed(logger, ex, change.StreamId);
            }
        }
    }

    /// <summary>
    /// Folds the next entry into the stream's state and says which parts it changed (<see cref="EventParts.None"/>
    /// for the staff stream, which has no parts); the caller holds the stream's gate.
    /// </summary>
    private static EventParts Apply(StreamProjection stream, JournalEntry entry)
    {
        var before = stream.State;
        stream.State = Fold(before, FactSerializer.Deserialize(entry), entry.Position);
        stream.Commands[entry.CommandId] = entry.Position;
        stream.Version = entry.Position;

        // Every part the fact changed, including those a cross-part rule reached (a ban takes questions down).
        return before is LiveEvent was && stream.State is LiveEvent now ? LiveEvent.ChangedParts(was, now) : EventParts.None;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A projection listener failed for stream {StreamId}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string streamId);

    private sealed class StreamProjection(object initial)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ConcurrentDictionary<Guid, long> Commands { get; } = new();

        public volatile object State = initial;

        public long Version
        {
            get => Interlocked.Read(ref _version);
            set => Interlocked.Exchange(ref _version, value);
        }

        private long _version;
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
