using System.Threading.RateLimiting;

namespace VakkanjersLive.Web.Limits;

/// <summary>
/// Per-key limiters owned by the framework's <see cref="PartitionedRateLimiter"/>: its sweep (every 100 ms) drops a
/// partition that has reported itself idle for more than 10 s, so memory is bounded by the keys in use, not by every
/// key ever seen. Keys are never stored anywhere else. <see cref="Count"/> is how many partitions are alive.
/// </summary>
public sealed class Partitions<TKey, TLimiter> : IDisposable
    where TKey : notnull
    where TLimiter : ClockLimiter
{
    private readonly PartitionedRateLimiter<TKey> _limiter;
    private int _count;
    private long _idleChecks;

    public Partitions(Func<TKey, TLimiter> create, IEqualityComparer<TKey>? comparer = null) =>
        _limiter = PartitionedRateLimiter.Create<TKey, TKey>(key => RateLimitPartition.Get(key, k => Track(create(k))), comparer);

    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// How often the sweep has asked a partition whether it is idle (diagnostics: once this has grown by twice
    /// <see cref="Count"/>, at least one whole sweep has run since).
    /// </summary>
    public long IdleChecks => Interlocked.Read(ref _idleChecks);

    /// <summary>Takes <paramref name="permits"/> from the key's limiter; false when it is over its limit.</summary>
    public bool TryAcquire(TKey key, int permits = 1)
    {
        using var lease = _limiter.AttemptAcquire(key, permits);
        return lease.IsAcquired;
    }

    /// <summary>
    /// The key's partition itself, for state a lease cannot carry (created when missing). One already disposed by the
    /// sweep is asked again. Not airtight: the framework's sweep may drop a partition that had been idle (for ten
    /// seconds and more) between this lookup and the caller's write, and the write is then lost with it. For the state
    /// kept here that costs at most one slow-mode wait or one counted wrong sign-in of a key that was idle anyway.
    /// </summary>
    public TLimiter Get(TKey key)
    {
        while (true)
        {
            using var lease = _limiter.AttemptAcquire(key, 0);
            if (lease.TryGetMetadata(ClockLimiter.PartitionMetadata, out var partition) && partition is TLimiter { IsDisposed: false } found)
            {
                return found;
            }
        }
    }

    public void Dispose() => _limiter.Dispose();

    private TLimiter Track(TLimiter limiter)
    {
        Interlocked.Increment(ref _count);
        limiter.Track(() => Interlocked.Decrement(ref _count), () => Interlocked.Increment(ref _idleChecks));
        return limiter;
    }
}
