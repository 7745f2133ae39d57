using System.Threading.RateLimiting;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Limits;

namespace VakkanjersLive.Web.Realtime;

/// <summary>Whose allowance a call takes from: the viewer id's (across its connections) or the connection's.</summary>
public enum LimitScope
{
    Viewer,
    Connection,
}

/// <summary>
/// One hub method's row: who may call it, what it counts in the metrics (null: nothing), its token bucket (a burst of
/// <see cref="TokenBucketRateLimiterOptions.TokenLimit"/>, then <see cref="TokenBucketRateLimiterOptions.TokensPerPeriod"/>
/// per <see cref="TokenBucketRateLimiterOptions.ReplenishmentPeriod"/>), which allowances a call takes from (in
/// order; the first that refuses answers) and the code of a refusal.
/// </summary>
public sealed record HubMethodLimit(string Method, HubAccess Access, string? Metric, TokenBucketRateLimiterOptions Bucket, IReadOnlyList<LimitScope> Scopes, string TooFast);

/// <summary>
/// The public hub's limits, all in one table (docs/hub.md mirrors it), on token buckets in memory, per viewer id or
/// connection id (never stored, nothing about an address). The partitioned limiter forgets a key once its bucket has
/// been full again for ten seconds, so memory is bounded by the viewers active lately. Time comes from the
/// <see cref="TimeProvider"/> registered under <see cref="ClockKey"/> (the app's clock unless a test replaces it).
/// </summary>
public sealed class HubLimits : IDisposable
{
    public const string ClockKey = "hub-limits";

    private readonly Partitions<(string Method, LimitScope Scope, string Id), ClockTokenBucket> _buckets;

    public HubLimits([FromKeyedServices(ClockKey)] TimeProvider time)
    {
        _buckets = new(key => new ClockTokenBucket(time, Table[key.Method].Bucket));
        SlowMode = new SlowModeGate(time);
    }

    /// <summary>Every limited method of <see cref="LiveHub"/>, by name.</summary>
    public static IReadOnlyDictionary<string, HubMethodLimit> Table { get; } = new HubMethodLimit[]
    {
        // A snapshot or a ring buffer of items for a few bytes asked: a client may not ask again and again.
        new(nameof(LiveHub.Join), HubAccess.Anyone, null, Bucket(5, 1, TimeSpan.FromSeconds(5)), [LimitScope.Connection], HubErrorCodes.SyncTooFast),
        new(nameof(LiveHub.Resync), HubAccess.Viewer, null, Bucket(5, 1, TimeSpan.FromSeconds(5)), [LimitScope.Connection], HubErrorCodes.SyncTooFast),

        // A flood guard: three in a burst, then one per two seconds.
        new(nameof(LiveHub.SendChat), HubAccess.Audience, "chat", Bucket(3, 1, TimeSpan.FromSeconds(2)), [LimitScope.Viewer, LimitScope.Connection], HubErrorCodes.ChatTooFast),
        new(nameof(LiveHub.Report), HubAccess.Audience, null, Bucket(3, 1, TimeSpan.FromSeconds(2)), [LimitScope.Viewer, LimitScope.Connection], HubErrorCodes.ChatTooFast),
        new(nameof(LiveHub.React), HubAccess.Audience, "reaction", Bucket(20, 10, TimeSpan.FromSeconds(1)), [LimitScope.Connection], HubErrorCodes.ReactionsTooFast),

        // One vote per poll is the rule; this only stops a script hammering the journal with refused votes.
        new(nameof(LiveHub.Vote), HubAccess.Audience, "vote", Bucket(5, 1, TimeSpan.FromSeconds(1)), [LimitScope.Viewer, LimitScope.Connection], HubErrorCodes.PollTooFast),

        // Every question is a moderator's work to review.
        new(nameof(LiveHub.AskQuestion), HubAccess.Audience, "question", Bucket(3, 1, TimeSpan.FromSeconds(20)), [LimitScope.Viewer, LimitScope.Connection], HubErrorCodes.QuestionTooFast),
        // A screen says which scene it shows when the scene changes: a few a second is more than any show needs.
        new(nameof(LiveHub.ShowingScene), HubAccess.Viewer, null, Bucket(10, 1, TimeSpan.FromSeconds(1)), [LimitScope.Connection], HubErrorCodes.SyncTooFast),

        new(nameof(LiveHub.Upvote), HubAccess.Audience, "upvote", Bucket(10, 2, TimeSpan.FromSeconds(1)), [LimitScope.Viewer, LimitScope.Connection], HubErrorCodes.QuestionUpvoteTooFast),
    }.ToDictionary(l => l.Method, StringComparer.Ordinal);

    /// <summary>The event's slow mode: when each viewer last posted, per event.</summary>
    public SlowModeGate SlowMode { get; }

    /// <summary>How many buckets are in memory now.</summary>
    public int Buckets => _buckets.Count;

    /// <summary>How often the sweep has looked at a bucket (diagnostics; see <see cref="Partitions{TKey, TLimiter}.IdleChecks"/>).</summary>
    public long BucketChecks => _buckets.IdleChecks;

    /// <summary>Takes one from each of the row's allowances in turn; false at the first that is used up.</summary>
    public bool TryAcquire(HubMethodLimit limit, Guid viewerId, string connectionId)
    {
        foreach (var scope in limit.Scopes)
        {
            var id = scope == LimitScope.Viewer ? viewerId.ToString("N") : connectionId;
            if (!_buckets.TryAcquire((limit.Method, scope, id)))
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        _buckets.Dispose();
        SlowMode.Dispose();
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int tokens, TimeSpan per) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = tokens,
        ReplenishmentPeriod = per,
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}

/// <summary>
/// Slow mode allows one message per N seconds per viewer in an event (N is the event's setting when asked). Each
/// viewer's last time is forgotten once it is longer ago than the longest slow mode.
/// </summary>
public sealed class SlowModeGate(TimeProvider time) : IDisposable
{
    private readonly Partitions<(Guid EventId, Guid ViewerId), PostClock> _last =
        new(_ => new PostClock(time, TimeSpan.FromSeconds(LiveEvent.MaxSlowModeSeconds)));

    /// <summary>How many viewers' last times are in memory now.</summary>
    public int Remembered => _last.Count;

    /// <summary>How often the sweep has looked at a viewer's last post (diagnostics).</summary>
    public long Checks => _last.IdleChecks;

    /// <summary>When a message that arrived at <paramref name="arrivedAt"/> was sent (see <see cref="PostClock.SentAt"/>).</summary>
    public long SentAt(Guid eventId, Guid viewerId, long arrivedAt, long? sentMs) => _last.Get((eventId, viewerId)).SentAt(arrivedAt, sentMs);

    /// <summary>Whole seconds to wait for a message sent at <paramref name="sentAt"/>, or null when the viewer may post.</summary>
    public int? Wait(Guid eventId, Guid viewerId, int seconds, long sentAt) =>
        seconds > 0 && _last.Get((eventId, viewerId)).Wait(TimeSpan.FromSeconds(seconds), sentAt) is { } left ? (int)Math.Ceiling(left.TotalSeconds) : null;

    /// <summary>The clock's timestamp when a message arrives: slow mode counts from when it was sent, never from when it was stored.</summary>
    public long Now() => time.GetTimestamp();

    public void Record(Guid eventId, Guid viewerId, long sentAt, long arrivedAt, long? sentMs) => _last.Get((eventId, viewerId)).Record(sentAt, arrivedAt, sentMs);

    public void Dispose() => _last.Dispose();
}
