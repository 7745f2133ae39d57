namespace VakkanjersLive.Web.Limits;

/// <summary>
/// The times of one key's failures within a sliding window (wrong sign-ins from one address). It counts only what
/// <see cref="Record"/> records, never plain attempts; asking (<see cref="RetryAfter"/>) takes nothing. Idle while it
/// holds no failure in the window.
/// </summary>
public sealed class FailureLog(TimeProvider time, TimeSpan window, int limit) : ClockLimiter(time)
{
    private readonly Queue<DateTimeOffset> _times = new();

    /// <summary>How long the key must wait, or null when it may try: at the limit, until the oldest failure leaves the window.</summary>
    public TimeSpan? RetryAfter() => Locked(Wait);

    public void Record() => Locked(() =>
    {
        _times.Enqueue(Now());
        return _times.Count;
    });

    public void Clear() => Locked(() =>
    {
        _times.Clear();
        return 0;
    });

    /// <summary>A permit is a sign-in attempt that may go ahead (taking one records nothing).</summary>
    protected override (bool Acquired, TimeSpan RetryAfter) TryTake(int permits) =>
        Wait() is { } wait ? (false, wait) : (true, TimeSpan.Zero);

    protected override long AvailablePermits()
    {
        Now();
        return Math.Max(0, limit - _times.Count);
    }

    protected override TimeSpan? IdleFor()
    {
        Now();
        return _times.Count == 0 ? TimeSpan.MaxValue : null;
    }

    private TimeSpan? Wait()
    {
        var now = Now();
        return _times.Count >= limit ? _times.Peek() + window - now : null;
    }

    /// <summary>The time, with the failures that have left the window dropped.</summary>
    private DateTimeOffset Now()
    {
        var now = Time.GetUtcNow();
        while (_times.Count > 0 && _times.Peek() <= now - window)
        {
            _times.Dequeue();
        }

        return now;
    }
}
