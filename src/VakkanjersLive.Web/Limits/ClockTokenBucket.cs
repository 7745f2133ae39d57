using System.Threading.RateLimiting;

namespace VakkanjersLive.Web.Limits;

/// <summary>
/// A token bucket that fills continuously (<see cref="TokenBucketRateLimiterOptions.TokensPerPeriod"/> per
/// <see cref="TokenBucketRateLimiterOptions.ReplenishmentPeriod"/>, up to
/// <see cref="TokenBucketRateLimiterOptions.TokenLimit"/>), on a <see cref="TimeProvider"/>. The options are the
/// framework's; the queue options are ignored (nothing waits). Kept exactly, as the moment it will be full again
/// (each token taken pushes that moment one token's time on): no rounding of fractional tokens. Idle once full.
/// </summary>
public sealed class ClockTokenBucket : ClockLimiter
{
    private readonly long _origin;
    private readonly TimeSpan _perToken;
    private readonly TimeSpan _capacity;
    private TimeSpan _fullAt;

    public ClockTokenBucket(TimeProvider time, TokenBucketRateLimiterOptions options)
        : base(time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TokenLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TokensPerPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReplenishmentPeriod, TimeSpan.Zero);
        _origin = time.GetTimestamp();
        _perToken = options.ReplenishmentPeriod / options.TokensPerPeriod;
        _capacity = _perToken * options.TokenLimit;
    }

    private TimeSpan Now => Time.GetElapsedTime(_origin);

    protected override (bool Acquired, TimeSpan RetryAfter) TryTake(int permits)
    {
        var now = Now;
        var start = _fullAt > now ? _fullAt : now;
        var over = start - now + (_perToken * Math.Max(permits, 1)) - _capacity;
        if (over > TimeSpan.Zero)
        {
            return (false, over);
        }

        _fullAt = start + (_perToken * permits);
        return (true, TimeSpan.Zero);
    }

    protected override long AvailablePermits()
    {
        var now = Now;
        return (_capacity - (_fullAt > now ? _fullAt - now : TimeSpan.Zero)).Ticks / _perToken.Ticks;
    }

    protected override TimeSpan? IdleFor() => Now - _fullAt;
}
