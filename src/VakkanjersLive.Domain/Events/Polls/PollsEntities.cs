namespace VakkanjersLive.Domain.Events;

public sealed record PollOption(Guid Id, string Text);

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
