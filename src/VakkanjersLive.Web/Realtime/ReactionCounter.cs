using System.Collections.Concurrent;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Applause and other reactions are counted in memory and sent as totals plus the burst since the last frame:
/// thousands of taps a second become two small messages a second. They are not journaled (ephemeral by design).
/// </summary>
public sealed class ReactionCounter
{
    public static readonly string[] Kinds = ["applause", "heart", "wow"];

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<(Guid TeamId, string Kind), Counts>> _events = new();

    public void Add(Guid eventId, Guid teamId, string kind)
    {
        var counts = _events.GetOrAdd(eventId, _ => new()).GetOrAdd((teamId, kind), _ => new Counts());
        Interlocked.Increment(ref counts.Total);
        Interlocked.Increment(ref counts.Burst);
    }

    /// <summary>Snapshots of events that had reactions since the last call, with their bursts reset.</summary>
    public IEnumerable<(Guid EventId, ReactionSnapshot Snapshot)> Drain()
    {
        foreach (var (eventId, teams) in _events)
        {
            var bursts = teams.Select(t => (t.Key, Total: Interlocked.Read(ref t.Value.Total), Burst: Interlocked.Exchange(ref t.Value.Burst, 0))).ToList();
            if (bursts.Any(b => b.Burst > 0))
            {
                yield return (eventId, new ReactionSnapshot(bursts.Select(b => new ReactionCount(b.Key.TeamId, b.Key.Kind, b.Total, b.Burst)).ToList()));
            }
        }
    }

    public ReactionSnapshot Current(Guid eventId) =>
        new(_events.TryGetValue(eventId, out var teams)
            ? teams.Select(t => new ReactionCount(t.Key.TeamId, t.Key.Kind, Interlocked.Read(ref t.Value.Total), 0)).ToList()
            : []);

    private sealed class Counts
    {
        public long Total;
        public int Burst;
    }
}
