using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace VakkanjersLive.Web.Realtime;

/// <summary>An address's share of a poll's votes, as moderators see it: a salted hash, never the address.</summary>
public sealed record VoteOrigin(string Origin, int Votes);

/// <summary>
/// Votes per client address and poll, for the moderators' "suspicious" view (issue 11, "open" mode): a script that
/// mints identities on one laptop shows as one address with many votes. Addresses are never stored: the key is a
/// keyed hash (HMAC-SHA256 with a random salt of this process, per address as the audience limits count it, IPv6 per
/// /64), shortened to eight hex digits, and it lives in memory on this node only (a restart forgets it, another node
/// counts its own viewers). Nothing of it is journaled. Memory: one counter per poll and voting address.
/// </summary>
public sealed class VoteOrigins
{
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<(Guid Poll, string Origin), int> _votes = new();

    /// <summary>A new vote (not a resend) on <paramref name="pollId"/> from <paramref name="address"/>.</summary>
    public void Record(Guid pollId, IPAddress? address) => _votes.AddOrUpdate((pollId, Origin(address)), 1, (_, n) => n + 1);

    /// <summary>The addresses with the most votes on a poll on this node, most first.</summary>
    public IReadOnlyList<VoteOrigin> Top(Guid pollId, int count) => _votes
        .Where(v => v.Key.Poll == pollId)
        .Select(v => new VoteOrigin(v.Key.Origin, v.Value))
        .OrderByDescending(v => v.Votes)
        .ThenBy(v => v.Origin, StringComparer.Ordinal)
        .Take(count)
        .ToList();

    /// <summary>What an address is called in the view: eight hex digits of its salted hash.</summary>
    public string Origin(IPAddress? address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(AudienceLimits.Key(address))))[..8];
}
