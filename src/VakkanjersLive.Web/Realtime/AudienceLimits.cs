using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using VakkanjersLive.Web.Limits;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Limits per client address for the audience (<c>Audience:*</c>, docs/hub.md "Limits per address"). The defaults let
/// a school behind one NAT address bring 500 pupils who all arrive within a minute, with room for reloads and a
/// Wi-Fi blip, and stop one address from opening thousands or guessing join codes quickly.
/// </summary>
public sealed class AudienceLimitOptions
{
    /// <summary>New viewer identities (first visits) one address may get at once.</summary>
    [Range(1, 100_000)]
    public int IdentityBurst { get; set; } = 600;

    /// <summary>New viewer identities per minute per address once the burst is used.</summary>
    [Range(1, 100_000)]
    public int IdentitiesPerMinute { get; set; } = 300;

    /// <summary>Joins (hub <c>Join</c> and join-code look-ups on <c>/live?code=</c>, known or unknown codes alike) at once.</summary>
    [Range(1, 100_000)]
    public int JoinBurst { get; set; } = 1200;

    /// <summary>Joins per minute per address once the burst is used.</summary>
    [Range(1, 100_000)]
    public int JoinsPerMinute { get; set; } = 600;

    /// <summary>Open hub connections per address.</summary>
    [Range(1, 100_000)]
    public int ConnectionsPerAddress { get; set; } = 1500;
}

/// <summary>The per-address allowances; every node keeps its own (two nodes: twice the numbers).</summary>
public sealed class AudienceLimits : IDisposable
{
    private readonly Partitions<(bool Join, string Address), ClockTokenBucket> _buckets;
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);
    private readonly AudienceLimitOptions _options;

    public AudienceLimits([FromKeyedServices(HubLimits.ClockKey)] TimeProvider time, Microsoft.Extensions.Options.IOptions<AudienceLimitOptions> options)
    {
        _options = options.Value;
        _buckets = new(key => new ClockTokenBucket(time, key.Join
            ? Bucket(_options.JoinBurst, _options.JoinsPerMinute)
            : Bucket(_options.IdentityBurst, _options.IdentitiesPerMinute)));
    }

    /// <summary>May this address get a new viewer identity now?</summary>
    public bool TryIssueIdentity(IPAddress? address) => _buckets.TryAcquire((false, Key(address)));

    /// <summary>May this address join (or look up a join code) now? Known and unknown codes cost the same.</summary>
    public bool TryJoin(IPAddress? address) => _buckets.TryAcquire((true, Key(address)));

    /// <summary>Counts an open connection; false (and not counted) when the address already has its maximum.</summary>
    public bool TryConnect(IPAddress? address)
    {
        var key = Key(address);
        while (true)
        {
            var current = _connections.GetValueOrDefault(key);
            if (current >= _options.ConnectionsPerAddress)
            {
                return false;
            }

            if (current == 0 ? _connections.TryAdd(key, 1) : _connections.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Disconnected(IPAddress? address)
    {
        var key = Key(address);
        while (_connections.TryGetValue(key, out var current))
        {
            if (current <= 1 ? _connections.TryRemove(new KeyValuePair<string, int>(key, current)) : _connections.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }

    /// <summary>Open connections of the address (diagnostics and tests).</summary>
    public int Connections(IPAddress? address) => _connections.GetValueOrDefault(Key(address));

    public void Dispose() => _buckets.Dispose();

    // IPv6 clients often get a whole /64 each: they are counted per /64, so rotating addresses inside it gains nothing.
    internal static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes).ToString();
        }

        return address.ToString();
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}
