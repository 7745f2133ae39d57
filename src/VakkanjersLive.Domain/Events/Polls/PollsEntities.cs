namespace VakkanjersLive.Domain.Events;

/// <summary>An option; in a per-class poll it names a team (<see cref="TeamId"/>), so no class votes for its own school.</summary>
public sealed record PollOption(Guid Id, string Text, Guid? TeamId = null);

/// <summary>
/// How a poll counts (issue 11): <see cref="Open"/> one vote per issued identity; <see cref="PerClass"/> each class's
/// votes become one ballot of Eurovision-style points (<see cref="PerClassBallots"/>).
/// </summary>
public enum PollMode
{
    Open,
    PerClass,
}

/// <summary>
/// One class's votes on a poll: a count per option (in the poll's option order) and the journal position at which each
/// option reached its count (ties inside the class are ranked by it: who got there first).
/// </summary>
public sealed record ClassTally(System.Collections.Immutable.ImmutableList<int> Counts, System.Collections.Immutable.ImmutableList<long> ReachedAt)
{
    public int Votes => Counts.Sum();
}

public enum PollState
{
    Draft,
    Open,
    Closed,
}

/// <summary>
/// A poll and its tally (derived from the votes). <see cref="Counts"/> follows the order of <see cref="Options"/>;
/// <see cref="Voters"/> holds who voted, so a second vote is refused, and is never shown to anyone.
/// </summary>
public sealed record Poll(
    Guid Id,
    string Question,
    IReadOnlyList<PollOption> Options,
    bool ResultsLive,
    PollState State,
    bool ResultsVisible,
    System.Collections.Immutable.ImmutableList<int> Counts,
    System.Collections.Immutable.ImmutableHashSet<Guid> Voters)
{
    public int TotalVotes => Counts.Sum();

    public PollMode Mode { get; init; } = PollMode.Open;

    /// <summary>The points a per-class ballot awards, best first (12, 10, 8, 7 … by default).</summary>
    public IReadOnlyList<int> Points { get; init; } = PerClassBallots.DefaultPoints;

    /// <summary>Each counted vote's journal position and option index (a discarded batch is taken out again).</summary>
    public System.Collections.Immutable.ImmutableDictionary<long, int> VoteAt { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<long, int>.Empty;

    /// <summary>How many votes moderators discarded (<see cref="VotesDiscarded"/>).</summary>
    public int DiscardedVotes { get; init; }

    /// <summary>Votes per class (per-class polls), folded from the votes.</summary>
    public System.Collections.Immutable.ImmutableDictionary<Guid, ClassTally> ClassTallies { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<Guid, ClassTally>.Empty;

    public int CountOf(Guid optionId) => Options.ToList().FindIndex(o => o.Id == optionId) is var i and >= 0 ? Counts[i] : 0;

    /// <summary>
    /// Whole percentages per option that add up to exactly 100 (largest remainder), so a bar chart never shows
    /// 33 + 33 + 33; all zero before the first vote.
    /// </summary>
    public IReadOnlyList<int> Percentages()
    {
        var total = TotalVotes;
        if (total == 0)
        {
            return Counts.Select(_ => 0).ToList();
        }

        var floors = Counts.Select(c => c * 100 / total).ToArray();
        var left = 100 - floors.Sum();
        foreach (var i in Enumerable.Range(0, Counts.Count).OrderByDescending(i => Counts[i] * 100 % total).ThenBy(i => i).Take(left))
        {
            floors[i]++;
        }

        return floors;
    }
}
