using System.Collections.Concurrent;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Token buckets in memory, per key (a viewer id or connection id; never stored). A flood from one viewer is cut off
/// here before it reaches the journal.
/// </summary>
public sealed class RateGate(TimeProvider time, double perSecond, int burst)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryTake(string key)
    {
        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(burst, now));
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * perSecond));
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    public void Forget(string key) => _buckets.TryRemove(key, out _);

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
