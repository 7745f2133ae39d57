namespace VakkanjersLive.Domain.Journal;

/// <summary>
/// The append-only log every change goes through: one stream per live event (plus a staff stream and a series stream).
/// Implementations must pass the shared journal contract test suite.
/// </summary>
public interface IJournal
{
    /// <summary>
    /// Appends one entry. A command id already present in the stream is not stored again: the existing entry is
    /// returned with <see cref="AppendOutcome.Duplicate"/>. When <paramref name="expectedVersion"/> is given and the
    /// stream has moved on, nothing is stored and <see cref="AppendOutcome.VersionConflict"/> is returned.
    /// The call returns only once the entry is durable.
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, JournalAppend entry, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends several entries in one durable write (group commit), in order, at consecutive positions. One answer per
    /// entry, in the same order: an entry whose command id is already stored, or appears earlier in the same batch, is
    /// <see cref="AppendOutcome.Duplicate"/> and not stored again. When <paramref name="expectedVersion"/> is given and
    /// the stream has moved on, nothing of the batch is stored and every other entry is
    /// <see cref="AppendOutcome.VersionConflict"/>. Returns once the whole batch is durable; one notification, for
    /// the last position.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendManyAsync(string streamId, IReadOnlyList<JournalAppend> entries, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Reads entries in order, starting at <paramref name="fromPosition"/> (1-based, inclusive).</summary>
    IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long fromPosition = 1, CancellationToken cancellationToken = default);

    /// <summary>All stream ids that hold at least one entry.</summary>
    Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Called after an entry became durable (on any node, for backends that span nodes). Handlers must be quick
    /// and must not throw; dispose the result to stop listening.
    /// </summary>
    IDisposable Subscribe(Action<JournalNotification> onAppended);

    /// <summary>
    /// Rewrites the payload of entries for which <paramref name="redact"/> returns a new payload (null: keep). The one
    /// exception to append-only, for privacy: children's chat and viewer data must be erasable after the event.
    /// Positions, command ids and types stay, so replay and idempotency are unaffected. Returns how many changed.
    /// </summary>
    Task<int> RedactAsync(string streamId, Func<JournalEntry, string?> redact, CancellationToken cancellationToken = default);

    /// <summary>True when the backing store answers.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}

/// <summary>What a caller asks to append; <see cref="CommandId"/> is made by the client and makes resends harmless.</summary>
public sealed record JournalAppend(Guid CommandId, string Type, string Payload, string? Actor);

/// <summary>A durable entry.</summary>
public sealed record JournalEntry(
    string StreamId,
    long Position,
    Guid CommandId,
    string Type,
    string Payload,
    string? Actor,
    DateTimeOffset RecordedAt);

public enum AppendOutcome
{
    Appended,
    Duplicate,
    VersionConflict,
}

/// <summary>
/// Result of an append. <see cref="Entry"/> is the stored entry for <see cref="AppendOutcome.Appended"/> and
/// <see cref="AppendOutcome.Duplicate"/>, and null for a conflict. <see cref="StreamVersion"/> is the stream's last
/// position as seen by the append.
/// </summary>
public sealed record AppendResult(AppendOutcome Outcome, JournalEntry? Entry, long StreamVersion);

public sealed record JournalNotification(string StreamId, long Position);

/// <summary>Stream ids are built here only.</summary>
public static class JournalStreams
{
    public const string Staff = "staff";

    /// <summary>Every broadcast series (their episodes are live events with their own streams).</summary>
    public const string Series = "series";
    private const string EventPrefix = "event-";

    public static string ForEvent(Guid eventId) => EventPrefix + eventId.ToString("N");

    public static bool TryParseEvent(string streamId, out Guid eventId)
    {
        eventId = Guid.Empty;
        return streamId.StartsWith(EventPrefix, StringComparison.Ordinal)
            && streamId.Length == EventPrefix.Length + 32
            && streamId.Skip(EventPrefix.Length).All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'))
            && Guid.TryParseExact(streamId[EventPrefix.Length..], "N", out eventId);
    }

    /// <summary>What every backend checks before an append: a valid stream id and entries that each have a type.</summary>
    public static void EnsureValidAppend(string streamId, IReadOnlyList<JournalAppend> entries)
    {
        EnsureValid(streamId);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            ArgumentException.ThrowIfNullOrEmpty(entry.Type);
        }
    }

    /// <summary>Stream ids are short, lower-case ASCII so every backend can use them as keys.</summary>
    public static void EnsureValid(string streamId)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        if (streamId.Length > 64 || !streamId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException($"Invalid stream id '{streamId}'.", nameof(streamId));
        }
    }
}
