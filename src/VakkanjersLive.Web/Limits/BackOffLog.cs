namespace VakkanjersLive.Web.Limits;

/// <summary>
/// One key's failures within a sliding window with a growing wait (wrong passwords for one account): the first
/// <c>free</c> failures cost nothing; from then on the key waits <c>firstWait</c> after its latest failure, doubling
/// with every further failure up to <c>maxWait</c>. Asking (<see cref="RetryAfter"/>) takes nothing; only
/// <see cref="Record"/> counts. Idle while it holds no failure in the window.
/// </summary>
public sealed class BackOffLog(TimeProvider time, TimeSpan window, int free, TimeSpan firstWait, TimeSpan maxWait) : ClockLimiter(time)
{
    private readonly Queue<DateTimeOffset> _times = new();
    private DateTimeOffset _latest;

    /// <summary>How long the key must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter() => Locked(Wait);

    public void Record() => Locked(() =>
    {
        _latest = Now();
        _times.Enqueue(_latest);
        return _times.Count;
    });

    public void Clear() => Locked(() =>
    {
        _times.Clear();
        return 0;
    });

    protected override (bool Acquired, TimeSpan RetryAfter) TryTake(int permits) =>
        Wait() is { } wait ? (false, wait) : (true, TimeSpan.Zero);

    protected override long AvailablePermits() => Wait() is null ? 1 : 0;

    protected override TimeSpan? IdleFor()
    {
        Now();
        return _times.Count == 0 ? TimeSpan.MaxValue : null;
    }

    private TimeSpan? Wait()
    {
        var now = Now();
        if (_times.Count < free)
        {
            return null;
        }

        // Doubled once per failure past the free ones, stopping at the cap (so it cannot overflow).
        var backOff = firstWait;
        for (var i = free; i < _times.Count && backOff < maxWait; i++)
        {
            backOff += backOff;
        }

        var wait = _latest + (backOff < maxWait ? backOff : maxWait) - now;
        return wait > TimeSpan.Zero ? wait : null;
    }

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
