namespace VakkanjersLive.Web.Limits;

/// <summary>
/// The times of one key's failures within a sliding window, for the sign-in limiters. It counts only what
/// <see cref="Record"/> records, never plain attempts; asking (<see cref="RetryAfter"/>) takes nothing. Idle while it
/// holds no failure in the window. How long a key must wait is the subclass's policy (<see cref="Wait"/>).
/// </summary>
public abstract class FailureWindow(TimeProvider time, TimeSpan window) : ClockLimiter(time)
{
    private readonly Queue<DateTimeOffset> _times = new();

    /// <summary>Failures still in the window.</summary>
    protected int Count => _times.Count;

    /// <summary>The oldest failure still in the window (only when <see cref="Count"/> &gt; 0).</summary>
    protected DateTimeOffset Oldest => _times.Peek();

    /// <summary>The latest failure recorded.</summary>
    protected DateTimeOffset Latest { get; private set; }

    /// <summary>How long the key must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter() => Locked(() => Wait(Now()));

    public void Record() => Locked(() =>
    {
        Latest = Now();
        _times.Enqueue(Latest);
        return _times.Count;
    });

    public void Clear() => Locked(() =>
    {
        _times.Clear();
        return 0;
    });

    /// <summary>Under the lock, with the failures that left the window dropped: the wait, or null.</summary>
    protected abstract TimeSpan? Wait(DateTimeOffset now);

    /// <summary>A permit is a sign-in attempt that may go ahead (taking one records nothing).</summary>
    protected override (bool Acquired, TimeSpan RetryAfter) TryTake(int permits) =>
        Wait(Now()) is { } wait ? (false, wait) : (true, TimeSpan.Zero);

    protected override TimeSpan? IdleFor()
    {
        Now();
        return _times.Count == 0 ? TimeSpan.MaxValue : null;
    }

    /// <summary>The time, with the failures that have left the window dropped.</summary>
    protected DateTimeOffset Now()
    {
        var now = Time.GetUtcNow();
        while (_times.Count > 0 && _times.Peek() <= now - window)
        {
            _times.Dequeue();
        }

        return now;
    }
}
