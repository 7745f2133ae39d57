namespace VakkanjersLive.Web.Limits;

/// <summary>
/// When one key last did something (a viewer's last accepted chat message, for slow mode). Asks for permits are
/// always granted: the waits are computed by <see cref="Wait"/> from a period given at the time of asking (a
/// moderator can change it). Idle once the last time is <paramref name="longestPeriod"/> ago.
/// </summary>
public sealed class PostClock(TimeProvider time, TimeSpan longestPeriod) : ClockLimiter(time)
{
    private long? _last;

    /// <summary>How long until <paramref name="period"/> has passed since the last time, or null when it has.</summary>
    public TimeSpan? Wait(TimeSpan period) => Locked<TimeSpan?>(() =>
    {
        if (_last is not { } last)
        {
            return null;
        }

        var left = period - Time.GetElapsedTime(last);
        return left > TimeSpan.Zero ? left : null;
    });

    /// <summary>The clock's timestamp now: take it when the message arrives, record it once it is accepted.</summary>
    public long Now() => Time.GetTimestamp();

    /// <summary>Records a time taken with <see cref="Now"/> (a later one already recorded is kept).</summary>
    public void Record(long at) => Locked(() => _last = _last is { } last && last > at ? last : at);

    protected override (bool Acquired, TimeSpan RetryAfter) TryTake(int permits) => (true, TimeSpan.Zero);

    protected override long AvailablePermits() => 1;

    protected override TimeSpan? IdleFor() => _last is { } last ? Time.GetElapsedTime(last) - longestPeriod : TimeSpan.MaxValue;
}
