using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// An address's share of a poll's counted votes, as moderators see it: a salted hash, never the address.
/// <see cref="NewIdentities"/>: identities this node issued to the address in the last <see cref="VoteOrigins.BurstWindow"/>.
/// </summary>
public sealed record VoteOrigin(string Origin, int Votes, int NewIdentities, DateTimeOffset First, DateTimeOffset Last);

/// <summary>A flagged batch: one address's counted votes on a poll (their journal positions) in a time window.</summary>
public sealed record VoteBatch(string Origin, IReadOnlyList<long> Positions, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Votes per client address and poll, and new identities per address, for the moderators' "suspicious" view (issue
/// 11, "open" mode): a script that mints identities on one laptop shows as one address with a burst of new identities
/// and many votes, and a moderator can discard that batch (<see cref="LiveEvent.DiscardVotes"/>). Addresses are never
/// stored: the key is a keyed hash (HMAC-SHA256 with a random salt of this process, per address as the audience
/// limits count it, IPv6 per /64), shortened to eight hex digits, and it lives in memory on this node only (a restart
/// forgets it, another node counts its own viewers). Nothing of it is journaled: a discarded batch is journaled as
/// the votes' positions. Memory: one entry per vote, and per address the identities of the last ten minutes.
/// </summary>
public sealed class VoteOrigins([FromKeyedServices(HubLimits.ClockKey)] TimeProvider time)
{
    /// <summary>How far back "new identities" reach.</summary>
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(10);

    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<(Guid Poll, string Origin), List<(long Position, DateTimeOffset At)>> _votes = new();
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _identities = new();

    public VoteOrigins()
        : this(TimeProvider.System)
    {
    }

    /// <summary>The hub limits' clock (a test's fake clock moves it).</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>A new vote (not a resend) on <paramref name="pollId"/> from <paramref name="address"/>, journaled at <paramref name="position"/>.</summary>
    public void Record(Guid pollId, IPAddress? address, long position)
    {
        var votes = _votes.GetOrAdd((pollId, Origin(address)), _ => []);
        lock (votes)
        {
            votes.Add((position, time.GetUtcNow()));
        }
    }

    /// <summary>The server issued a new viewer identity to <paramref name="address"/>.</summary>
    public void IdentityIssued(IPAddress? address)
    {
        var issued = _identities.GetOrAdd(Origin(address), _ => new Queue<DateTimeOffset>());
        lock (issued)
        {
            issued.Enqueue(time.GetUtcNow());
            Prune(issued);
        }
    }

    /// <summary>Identities issued to an address (by its hash) in the last <see cref="BurstWindow"/>.</summary>
    public int NewIdentities(string origin)
    {
        if (!_identities.TryGetValue(origin, out var issued))
        {
            return 0;
        }

        lock (issued)
        {
            Prune(issued);
            return issued.Count;
        }
    }

    /// <summary>
    /// The addresses with the most counted votes on a poll on this node, most first; only votes still counted (not
    /// discarded) and, with <paramref name="window"/>, cast in that last stretch of time.
    /// </summary>
    public IReadOnlyList<VoteOrigin> Top(Poll poll, int count, TimeSpan? window = null) => _votes
        .Where(v => v.Key.Poll == poll.Id)
        .Select(v => Batch(poll, v.Key.Origin, window))
        .OfType<VoteBatch>()
        .Select(b => new VoteOrigin(b.Origin, b.Positions.Count, NewIdentities(b.Origin), b.From, b.To))
        .OrderByDescending(v => v.Votes)
        .ThenBy(v => v.Origin, StringComparer.Ordinal)
        .Take(count)
        .ToList();

    /// <summary>One address's counted votes on a poll (in the last <paramref name="window"/>, or all), or null if none.</summary>
    public VoteBatch? Batch(Poll poll, string origin, TimeSpan? window = null)
    {
        if (!_votes.TryGetValue((poll.Id, origin), out var votes))
        {
            return null;
        }

        var since = window is { } w ? time.GetUtcNow() - w : DateTimeOffset.MinValue;
        List<(long Position, DateTimeOffset At)> counted;
        lock (votes)
        {
            counted = votes.Where(v => v.At >= since && poll.VoteAt.ContainsKey(v.Position)).ToList();
        }

        return counted.Count == 0 ? null : new VoteBatch(origin, [.. counted.Select(v => v.Position)], counted.Min(v => v.At), counted.Max(v => v.At));
    }

    /// <summary>What an address is called in the view: eight hex digits of its salted hash.</summary>
    public string Origin(IPAddress? address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(AudienceLimits.Key(address))))[..8];

    private void Prune(Queue<DateTimeOffset> issued)
    {
        var since = time.GetUtcNow() - BurstWindow;
        while (issued.Count > 0 && issued.Peek() < since)
        {
            issued.Dequeue();
        }
    }
}
