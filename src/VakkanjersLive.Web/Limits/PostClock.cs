namespace VakkanjersLive.Web.Limits;

/// <summary>
/// When one key last did something (a viewer's last accepted chat message, for slow mode). Asks for permits are
/// always granted: the waits are computed by <see cref="Wait"/> from a period given at the time of asking (a
/// moderator can change it). Idle once the last time is <paramref name="longestPeriod"/> ago.
/// </summary>
/// <remarks>
/// A message is judged by when the client sent it (<see cref="SentAt"/>), not by when the server got round to it:
/// under load a message waits in the server's queues for a second or two, so a viewer who keeps exactly to the limit
/// would otherwise be refused now and then. The client's clock is read relative to the first message remembered (the
/// anchor): a message's send time on the server's clock is the anchor's arrival plus how much later the client says
/// it sent it, never more than <see cref="Slack"/> away from when it arrived. A client that lies about its clock gains
/// at most <see cref="Slack"/> in all, however many messages it sends: its last message can be counted at most that
/// far after its arrival, and its first counts at its arrival.
/// </remarks>
public sealed class PostClock(TimeProvider time, TimeSpan longestPeriod) : ClockLimiter(time)
{
    /// <summary>How far a send time the client gives may be from its arrival on the server's clock.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    private long? _last;
    private (long Arrived, long SentMs)? _anchor;

    /// <summary>
    /// How long until <paramref name="period"/> has passed between the last time and <paramref name="at"/> (a time
    /// from <see cref="SentAt"/>), or null when it has.
    /// </summary>
    public TimeSpan? Wait(TimeSpan period, long at) => Locked<TimeSpan?>(() =>
    {
        if (_last is not { } last)
        {
            return null;
        }

        var left = period - Time.GetElapsedTime(last, at);
        return left > TimeSpan.Zero ? left : null;
    });

    /// <summary>The clock's timestamp now: take it when the message arrives.</summary>
    public long Now() => Time.GetTimestamp();

    /// <summary>
    /// When a message that arrived at <paramref name="arrivedAt"/> (from <see cref="Now"/>) was sent, on the server's
    /// clock: from the client's <paramref name="sentMs"/> (milliseconds on its own clock; null: its arrival) read
    /// against the anchor and kept within <see cref="Slack"/> of its arrival.
    /// </summary>
    public long SentAt(long arrivedAt, long? sentMs) => Locked<long>(() =>
    {
        if (sentMs is not { } sent || _anchor is not { } anchor)
        {
            return arrivedAt;
        }

        var slack = (long)(Slack.TotalSeconds * Time.TimestampFrequency);
        var claimed = anchor.Arrived + (long)((sent - anchor.SentMs) / 1000.0 * Time.TimestampFrequency);
        return Math.Clamp(claimed, arrivedAt - slack, arrivedAt + slack);
    });

    /// <summary>
    /// Records an accepted message sent at <paramref name="at"/> (from <see cref="SentAt"/>; a later one already
    /// recorded is kept); the first with a client time becomes the anchor.
    /// </summary>
    public void Record(long at, long arrivedAt, long? sentMs) => Locked(() =>
    {
        _last = _last is { } last && last > at ? last : at;
        _anchor ??= sentMs is { } sent ? (arrivedAt, sent) : null;
        return _last;
    });

    protected override (bool Acquired, TimeSpan RetryAfter) TryTake(int permits) => (true, TimeSpan.Zero);

    protected override long AvailablePermits() => 1;

    protected override TimeSpan? IdleFor() => _last is { } last ? Time.GetElapsedTime(last) - longestPeriod : TimeSpan.MaxValue;
}
