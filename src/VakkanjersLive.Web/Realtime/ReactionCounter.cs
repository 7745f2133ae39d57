using System.Collections.Concurrent;
using StackExchange.Redis;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Applause and other reactions are counted and sent as totals plus the burst since the last frame: thousands of taps
/// a second become two small messages a second. They are not journaled (ephemeral by design).
/// </summary>
public interface IReactionCounter
{
    void Add(Guid eventId, Guid teamId, string kind);

    /// <summary>Snapshots of events whose counts moved since the last call.</summary>
    Task<IReadOnlyList<(Guid EventId, ReactionSnapshot Snapshot)>> DrainAsync();

    /// <summary>An event's totals so far (bursts 0), for a viewer who joins: it sees the counts before the next tap.</summary>
    Task<ReactionSnapshot> TotalsAsync(Guid eventId);
}

public static class ReactionKinds
{
    public static readonly string[] All = ["applause", "heart", "wow"];
}

/// <summary>One node: counts in memory.</summary>
public sealed class ReactionCounter : IReactionCounter
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<(Guid TeamId, string Kind), Counts>> _events = new();

    public void Add(Guid eventId, Guid teamId, string kind)
    {
        var counts = _events.GetOrAdd(eventId, _ => new()).GetOrAdd((teamId, kind), _ => new Counts());
        Interlocked.Increment(ref counts.Total);
        Interlocked.Increment(ref counts.Burst);
    }

    public Task<IReadOnlyList<(Guid EventId, ReactionSnapshot Snapshot)>> DrainAsync()
    {
        var drained = new List<(Guid, ReactionSnapshot)>();
        foreach (var (eventId, teams) in _events)
        {
            var bursts = teams.Select(t => (t.Key, Total: Interlocked.Read(ref t.Value.Total), Burst: Interlocked.Exchange(ref t.Value.Burst, 0))).ToList();
            if (bursts.Any(b => b.Burst > 0))
            {
                drained.Add((eventId, new ReactionSnapshot(bursts.Select(b => new ReactionCount(b.Key.TeamId, b.Key.Kind, b.Total, b.Burst)).ToList())));
            }
        }

        return Task.FromResult<IReadOnlyList<(Guid, ReactionSnapshot)>>(drained);
    }

    public Task<ReactionSnapshot> TotalsAsync(Guid eventId) =>
        Task.FromResult(new ReactionSnapshot(_events.TryGetValue(eventId, out var teams)
            ? teams.Select(t => new ReactionCount(t.Key.TeamId, t.Key.Kind, Interlocked.Read(ref t.Value.Total), 0)).ToList()
            : []));

    private sealed class Counts
    {
        public long Total;
        public int Burst;
    }
}

/// <summary>
/// Several nodes: every node adds to a Redis hash per event (fire and forget), the lease holder reads the totals and
/// sends what changed.
/// </summary>
public sealed class RedisReactionCounter(IConnectionMultiplexer redis, IConfiguration configuration) : IReactionCounter
{
    private readonly string _prefix = Journal.JournalSetup.RedisPrefix(configuration);
    private readonly ConcurrentDictionary<(Guid EventId, string Field), long> _seen = new();

    public void Add(Guid eventId, Guid teamId, string kind)
    {
        var db = redis.GetDatabase();
        db.HashIncrement(Key(eventId), $"{teamId:N}:{kind}", 1, CommandFlags.FireAndForget);
        db.SetAdd(ActiveKey, eventId.ToString("N"), CommandFlags.FireAndForget);
    }

    public async Task<IReadOnlyList<(Guid EventId, ReactionSnapshot Snapshot)>> DrainAsync()
    {
        var db = redis.GetDatabase();
        var drained = new List<(Guid, ReactionSnapshot)>();
        foreach (var member in await db.SetMembersAsync(ActiveKey))
        {
            if (!Guid.TryParseExact((string?)member, "N", out var eventId))
            {
                continue;
            }

            var counts = new List<ReactionCount>();
            foreach (var entry in await db.HashGetAllAsync(Key(eventId)))
            {
                var field = (string)entry.Name!;
                var total = (long)entry.Value;
                var before = _seen.GetValueOrDefault((eventId, field), total);
                _seen[(eventId, field)] = total;
                var parts = field.Split(':');
                if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var teamId))
                {
                    counts.Add(new ReactionCount(teamId, parts[1], total, (int)Math.Min(int.MaxValue, total - before)));
                }
            }

            if (counts.Any(c => c.Burst > 0))
            {
                drained.Add((eventId, new ReactionSnapshot(counts)));
            }
        }

        return drained;
    }

    public async Task<ReactionSnapshot> TotalsAsync(Guid eventId)
    {
        HashEntry[] entries;
        try
        {
            entries = await redis.GetDatabase().HashGetAllAsync(Key(eventId));
        }
        catch (RedisException)
        {
            // Counts are a nicety: a joining phone then shows 0 until the next totals, as before.
            return new ReactionSnapshot([]);
        }

        var counts = new List<ReactionCount>();
        foreach (var entry in entries)
        {
            var parts = ((string)entry.Name!).Split(':');
            if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var teamId))
            {
                counts.Add(new ReactionCount(teamId, parts[1], (long)entry.Value, 0));
            }
        }

        return new ReactionSnapshot(counts);
    }

    private RedisKey ActiveKey => $"{_prefix}:reactions:events";

    private RedisKey Key(Guid eventId) => $"{_prefix}:reactions:{eventId:N}";
}
