using System.Net;
using Microsoft.Extensions.Options;
using VakkanjersLive.Web.Limits;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>
/// Counts wrong sign-ins per client address in a sliding window; past the limit every attempt from that address is
/// refused until the oldest failure has left the window. Addresses stay in memory only (we store no IP addresses),
/// and only while they have failures in the window: the partitioned limiter forgets the others.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly Partitions<string, FailureLog> _failures;

    public SignInThrottle(IOptions<SignInOptions> options, TimeProvider time) =>
        _failures = new(_ => new FailureLog(time, options.Value.Window, options.Value.MaxFailures), StringComparer.Ordinal);

    /// <summary>How many addresses are remembered now.</summary>
    public int Remembered => _failures.Count;

    /// <summary>How often the sweep has looked at an address (diagnostics).</summary>
    public long Checks => _failures.IdleChecks;

    /// <summary>How long the address must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(IPAddress? address) => _failures.Get(Key(address)).RetryAfter();

    public void RecordFailure(IPAddress? address) => _failures.Get(Key(address)).Record();

    public void Reset(IPAddress? address) => _failures.Get(Key(address)).Clear();

    public void Dispose() => _failures.Dispose();

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";
}
