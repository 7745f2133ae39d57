using System.Threading.RateLimiting;

namespace VakkanjersLive.Web.Limits;

/// <summary>
/// A partition of a <see cref="Partitions{TKey, TLimiter}"/>: a <see cref="RateLimiter"/> that reads time only from a
/// <see cref="TimeProvider"/> (the framework's own limiters read <c>Stopwatch</c> and run their own timers, even with
/// <c>AutoReplenishment = false</c>, so a test clock cannot drive them). It never queues: a caller that is over the
/// limit is refused at once. <see cref="IdleDuration"/> is what lets the partitioned limiter forget the key: a
/// partition reports idle only while forgetting it changes nothing (a full bucket, a log with nothing left in it).
/// </summary>
public abstract class ClockLimiter(TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _touched = time.GetTimestamp();
    private Action? _disposed;
    private Action? _checked;

    protected TimeProvider Time { get; } = time;

    public bool IsDisposed { get; private set; }

    public sealed override TimeSpan? IdleDuration
    {
        get
        {
            _checked?.Invoke();
            lock (_lock)
            {
                // Handed out a moment ago (Partitions.Get): not idle, whatever its state says.
                var sinceTouched = Time.GetElapsedTime(_touched);
                return IdleFor() is { } idle && idle > TimeSpan.Zero ? (idle < sinceTouched ? idle : sinceTouched) : null;
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> under this partition's lock.</summary>
    public T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }

    /// <summary>How long forgetting this partition has been harmless, or null while it holds something that counts.</summary>
    protected abstract TimeSpan? IdleFor();

    /// <summary>Under the lock: takes <paramref name="permits"/> if it can (0 only asks), with the wait otherwise.</summary>
    protected abstract (bool Acquired, TimeSpan RetryAfter) TryTake(int permits);

    protected abstract long AvailablePermits();

    internal void Track(Action disposed, Action idleChecked)
    {
        _disposed = disposed;
        _checked = idleChecked;
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = AvailablePermits() };
        }
    }

    /// <summary>On a zero-permit lease: the partition that answered (<see cref="Partitions{TKey, TLimiter}.Get"/>).</summary>
    internal static MetadataName<ClockLimiter> PartitionMetadata { get; } = MetadataName.Create<ClockLimiter>("vkl.partition");

    protected sealed override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var (acquired, retryAfter) = TryTake(permitCount);
            if (permitCount == 0)
            {
                // Asked for the partition itself: it is busy from now on, so the sweep leaves it while it is used.
                _touched = Time.GetTimestamp();
                return new Lease(acquired, acquired ? null : retryAfter, this);
            }

            return acquired ? Lease.Acquired : new Lease(false, retryAfter);
        }
    }

    protected sealed override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        lock (_lock)
        {
            if (IsDisposed)
            {
                return;
            }

            IsDisposed = true;
        }

        _disposed?.Invoke();
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter, ClockLimiter? partition = null) : RateLimitLease
    {
        public static Lease Acquired { get; } = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            [.. retryAfter is null ? [] : new[] { MetadataName.RetryAfter.Name }, .. partition is null ? [] : new[] { PartitionMetadata.Name }];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter
                : metadataName == PartitionMetadata.Name ? partition
                : null;
            return metadata is not null;
        }
    }
}
