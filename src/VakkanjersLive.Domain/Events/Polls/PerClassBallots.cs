namespace VakkanjersLive.Domain.Events;

/// <summary>What one class's ballot gives one option.</summary>
public sealed record BallotAward(Guid OptionId, int Votes, int Points);

/// <summary>One class's ballot: its votes and the points they award, best first.</summary>
public sealed record ClassBallot(Guid ClassId, int Votes, IReadOnlyList<BallotAward> Awards);

/// <summary>An option's total in a per-class poll: its points, how many ballots gave it points, its place (1-based).</summary>
public sealed record PointStanding(Guid OptionId, int Points, int Ballots, int Place);

/// <summary>
/// The per-class publieksprijs (issue 11): each class's votes become one ballot in the Eurovision style. Pure functions
/// of a poll's tallies, which are folded from the journal's votes, so the result is always a read of the facts.
/// <list type="bullet">
/// <item>A class ranks the options it voted for by votes, most first; options without a vote of the class get
/// nothing. Ties inside a class go to the option that reached that number of votes first (the earlier journal
/// position), so the order never depends on how options were listed.</item>
/// <item>The ranked options get the poll's points in order (12, 10, 8, 7, 6, 5, 4, 3, 2, 1 by default); a class that
/// voted for fewer options than there are points awards only the first ones.</item>
/// <item>Totals: most points first; a tie goes to the option with more ballots giving it points, then the one with
/// more of the highest award (12s), then of the next (10s), and so on; what is still tied keeps the poll's option
/// order and shares the place.</item>
/// </list>
/// docs/audience.md has worked examples.
/// </summary>
public static class PerClassBallots
{
    public static readonly IReadOnlyList<int> DefaultPoints = [12, 10, 8, 7, 6, 5, 4, 3, 2, 1];

    public const int MaxPoints = 12;
    public const int MaxPointValue = 99;

    /// <summary>The ballot of one class's tally.</summary>
    public static ClassBallot Ballot(Poll poll, Guid classId, ClassTally tally)
    {
        var ranked = Enumerable.Range(0, poll.Options.Count)
            .Where(i => tally.Counts[i] > 0)
            .OrderByDescending(i => tally.Counts[i])
            .ThenBy(i => tally.ReachedAt[i])
            .ThenBy(i => i)
            .Take(poll.Points.Count)
            .Select((option, place) => new BallotAward(poll.Options[option].Id, tally.Counts[option], poll.Points[place]))
            .ToList();
        return new ClassBallot(classId, tally.Votes, ranked);
    }

    /// <summary>Every class's ballot, the class with the most votes first (then by id, so the order is stable).</summary>
    public static IReadOnlyList<ClassBallot> Ballots(Poll poll) => poll.ClassTallies
        .Select(t => Ballot(poll, t.Key, t.Value))
        .OrderByDescending(b => b.Votes)
        .ThenBy(b => b.ClassId)
        .ToList();

    /// <summary>The standings of a per-class poll, every option, best first (see the class summary for ties).</summary>
    public static IReadOnlyList<PointStanding> Standings(Poll poll)
    {
        var awards = Ballots(poll).SelectMany(b => b.Awards).ToLookup(a => a.OptionId);
        var rows = poll.Options.Select((o, index) => (
            Option: o.Id,
            Index: index,
            Points: awards[o.Id].Sum(a => a.Points),
            Ballots: awards[o.Id].Count(),
            Profile: poll.Points.Select(p => awards[o.Id].Count(a => a.Points == p)).ToList())).ToList();
        var ordered = rows.OrderByDescending(r => r.Points).ThenByDescending(r => r.Ballots).ThenBy(r => r.Profile, ProfileOrder.Instance).ThenBy(r => r.Index).ToList();
        var standings = new List<PointStanding>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            var tied = i > 0 && Same(ordered[i - 1], r);
            standings.Add(new PointStanding(r.Option, r.Points, r.Ballots, tied ? standings[i - 1].Place : i + 1));
        }

        return standings;

        static bool Same((Guid, int, int Points, int Ballots, List<int> Profile) a, (Guid, int, int Points, int Ballots, List<int> Profile) b) =>
            a.Points == b.Points && a.Ballots == b.Ballots && a.Profile.SequenceEqual(b.Profile);
    }

    /// <summary>
    /// Points a moderator may set: 1–12 values of 1–99, strictly descending (a ballot never gives two places the same).
    /// </summary>
    public static IReadOnlyList<int> Check(IReadOnlyList<int>? points)
    {
        if (points is null)
        {
            return DefaultPoints;
        }

        var valid = points.Count is >= 1 and <= MaxPoints
            && points.All(p => p is >= 1 and <= MaxPointValue)
            && points.Zip(points.Skip(1)).All(pair => pair.First > pair.Second);
        return valid ? [.. points] : throw new DomainException("poll.points.invalid", MaxPoints, MaxPointValue);
    }

    /// <summary>More of the highest award first.</summary>
    private sealed class ProfileOrder : IComparer<List<int>>
    {
        public static readonly ProfileOrder Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return y[i].CompareTo(x[i]);
                }
            }

            return 0;
        }
    }
}
