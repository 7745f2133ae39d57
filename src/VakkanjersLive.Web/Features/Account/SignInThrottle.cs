using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>
/// Counts wrong sign-ins per client address in a sliding window; past the limit every attempt from that address is
/// refused until the window has passed. Addresses stay in memory only (we store no IP addresses).
/// </summary>
public sealed class SignInThrottle(IOptions<SignInOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the address must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(IPAddress? address)
    {
        if (!_failures.TryGetValue(Key(address), out var failures))
        {
            return null;
        }

        lock (failures)
        {
            var now = time.GetUtcNow();
            failures.Prune(now - options.Value.Window);
            return failures.Count >= options.Value.MaxFailures ? failures.Oldest + options.Value.Window - now : null;
        }
    }

    public void RecordFailure(IPAddress? address)
    {
        var failures = _failures.GetOrAdd(Key(address), _ => new Failures());
        lock (failures)
        {
            var now = time.GetUtcNow();
            failures.Prune(now - options.Value.Window);
            failures.Add(now);
        }

        if (_failures.Count > 10_000)
        {
            Sweep();
        }
    }

    public void Reset(IPAddress? address) => _failures.TryRemove(Key(address), out _);

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - options.Value.Window;
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                failures.Prune(cutoff);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public int Count => _times.Count;

        public DateTimeOffset Oldest => _times.Peek();

        public void Add(DateTimeOffset at) => _times.Enqueue(at);

        public void Prune(DateTimeOffset cutoff)
        {
            while (_times.Count > 0 && _times.Peek() <= cutoff)
            {
                _times.Dequeue();
            }
        }
    }
}
