using VakkanjersLive.Domain.Scoring;
using static VakkanjersLive.Domain.Tests.Scoring.Rubric;

namespace VakkanjersLive.Domain.Tests.Scoring;

/// <summary>Equal scores, the tie-break rules and shared ranks. Totals come from the table in <see cref="Rubric"/>.</summary>
public sealed class RankingTieBreakTests
{
    private static readonly Guid J1 = Id(1);
    private static readonly Guid J2 = Id(2);
    private static readonly Guid J3 = Id(3);

    private static readonly Guid P = Id(301);
    private static readonly Guid Q = Id(302);
    private static readonly Guid R = Id(303);
    private static readonly Guid S = Id(304);

    private static readonly TieBreakRule ByA = new(TieBreakKind.HighestCriterion, A);
    private static readonly TieBreakRule ByB = new(TieBreakKind.HighestCriterion, B);
    private static readonly TieBreakRule ByFirstPlaces = new(TieBreakKind.MostFirstPlaces);

    // P: (7,0) 50 twice -> 50, A mean 7, B mean 0.   Q: (4,4) 50 twice -> 50, A mean 4, B mean 4.
    private static readonly IReadOnlyList<JudgeScore> EqualTotalsDifferentCriteria =
    [
        Card(J1, P, 7, 0), Card(J2, P, 7, 0),
        Card(J1, Q, 4, 4), Card(J2, Q, 4, 4),
    ];

    private static void AssertRank(TeamResult result, Guid team, int rank, bool shared)
    {
        Assert.Equal(team, result.TeamId);
        Assert.Equal(rank, result.Rank);
        Assert.Equal(shared, result.SharedRank);
    }

    [Fact]
    public void EqualScores_WithoutTieBreakRules_ShareTheRankInTeamListOrder()
    {
        var results = Ranking.Rank(Lines, [Q, P], EqualTotalsDifferentCriteria, AggregationMethod.WeightedMean, NoTieBreaks);

        AssertRank(results[0], Q, 1, shared: true);
        AssertRank(results[1], P, 1, shared: true);
    }

    [Fact]
    public void HighestCriterion_BreaksTieInFavourOfHigherCriterionMean()
    {
        // Q is listed first, so P only comes first because its A mean (7) beats Q's (4).
        var results = Ranking.Rank(Lines, [Q, P], EqualTotalsDifferentCriteria, AggregationMethod.WeightedMean, [ByA]);

        AssertRank(results[0], P, 1, shared: false);
        AssertRank(results[1], Q, 2, shared: false);
        Assert.Equal(results[0].Score!.Value, results[1].Score!.Value, precision: 6);
    }

    [Fact]
    public void HighestCriterion_UsesTheNamedCriterion()
    {
        // On B, Q (mean 4) beats P (mean 0): the opposite winner from the A rule.
        var results = Ranking.Rank(Lines, [P, Q], EqualTotalsDifferentCriteria, AggregationMethod.WeightedMean, [ByB]);

        AssertRank(results[0], Q, 1, shared: false);
        AssertRank(results[1], P, 2, shared: false);
    }

    [Fact]
    public void TieBreaks_OnlyApplyAmongEqualScores()
    {
        // R (10,0) 75 twice -> 75 with A mean 10 stays above P; S (1,4) 25 twice -> 25 with B mean 4 stays below Q,
        // even though a B rule would prefer S over P.
        IReadOnlyList<JudgeScore> scores =
        [
            .. EqualTotalsDifferentCriteria,
            Card(J1, R, 10, 0), Card(J2, R, 10, 0),
            Card(J1, S, 1, 4), Card(J2, S, 1, 4),
        ];

        var results = Ranking.Rank(Lines, [S, Q, P, R], scores, AggregationMethod.WeightedMean, [ByB]);

        AssertRank(results[0], R, 1, shared: false);
        AssertRank(results[1], Q, 2, shared: false);
        AssertRank(results[2], P, 3, shared: false);
        AssertRank(results[3], S, 4, shared: false);
    }

    [Fact]
    public void MostFirstPlaces_BreaksTieThatHighestCriterionLeaves()
    {
        //        J1            J2            J3          mean   A mean
        // P   (7,2) 62.5    (7,2) 62.5    (4,0) 25     50     (7 + 7 + 4) / 3 = 6
        // Q   (7,0) 50      (7,0) 50      (4,4) 50     50     (7 + 7 + 4) / 3 = 6
        // First places: J1 -> P, J2 -> P, J3 -> Q: P 2, Q 1.
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, P, 7, 2), Card(J2, P, 7, 2), Card(J3, P, 4, 0),
            Card(J1, Q, 7, 0), Card(J2, Q, 7, 0), Card(J3, Q, 4, 4),
        ];

        var onlyA = Ranking.Rank(Lines, [Q, P], scores, AggregationMethod.WeightedMean, [ByA]);
        var aThenFirstPlaces = Ranking.Rank(Lines, [Q, P], scores, AggregationMethod.WeightedMean, [ByA, ByFirstPlaces]);

        AssertRank(onlyA[0], Q, 1, shared: true);
        AssertRank(onlyA[1], P, 1, shared: true);
        AssertRank(aThenFirstPlaces[0], P, 1, shared: false);
        AssertRank(aThenFirstPlaces[1], Q, 2, shared: false);
    }

    [Fact]
    public void MostFirstPlaces_CountsFirstPlacesOverAllTeamsTheJudgeScored()
    {
        //        J1             J2            J3             mean
        // R   (10,0) 75      (4,0) 25      (7,1) 56.25    156.25 / 3 = 52.0833
        // P   (7,2)  62.5    (7,2) 62.5    (4,0) 25       150 / 3 = 50
        // Q   (4,2)  37.5    (7,0) 50      (7,2) 62.5     150 / 3 = 50
        // First places: J1 -> R, J2 -> P, J3 -> Q. P 1, Q 1: still tied.
        // (Counting only among the tied teams would give J1's first place to P and wrongly separate them.)
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, R, 10, 0), Card(J1, P, 7, 2), Card(J1, Q, 4, 2),
            Card(J2, P, 7, 2), Card(J2, Q, 7, 0), Card(J2, R, 4, 0),
            Card(J3, Q, 7, 2), Card(J3, R, 7, 1), Card(J3, P, 4, 0),
        ];

        var results = Ranking.Rank(Lines, [Q, P, R], scores, AggregationMethod.WeightedMean, [ByFirstPlaces]);

        AssertRank(results[0], R, 1, shared: false);
        AssertRank(results[1], Q, 2, shared: true);
        AssertRank(results[2], P, 2, shared: true);
    }

    [Fact]
    public void MostFirstPlaces_EqualTopTotalsOfOneJudge_ShareThatJudgesFirstPlace()
    {
        //        J1            J2             mean
        // R   (7,2) 62.5    (10,0) 75      68.75
        // P   (7,2) 62.5    (7,0)  50      56.25
        // Q   (7,0) 50      (7,2)  62.5    56.25
        // J1 puts R and P jointly first; J2 puts R first. P 1, Q 0 -> P ahead of Q.
        // (Giving J1's first place only to the first of the equal teams, R, would leave P and Q tied at 0.)
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, R, 7, 2), Card(J1, P, 7, 2), Card(J1, Q, 7, 0),
            Card(J2, R, 10, 0), Card(J2, Q, 7, 2), Card(J2, P, 7, 0),
        ];

        var results = Ranking.Rank(Lines, [Q, R, P], scores, AggregationMethod.WeightedMean, [ByFirstPlaces]);

        AssertRank(results[0], R, 1, shared: false);
        AssertRank(results[1], P, 2, shared: false);
        AssertRank(results[2], Q, 3, shared: false);
    }

    [Fact]
    public void FullTie_SharesRankAndSkipsNextRank()
    {
        // R (10,0) 75 twice -> 75; P and Q (7,0) 50 twice -> 50 with identical criterion means and no first places
        // (both judges put R first); S (4,0) 25 twice -> 25. Ranks 1, 2, 2, 4; P and Q in team-list order (Q first).
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, R, 10, 0), Card(J2, R, 10, 0),
            Card(J1, P, 7, 0), Card(J2, P, 7, 0),
            Card(J1, Q, 7, 0), Card(J2, Q, 7, 0),
            Card(J1, S, 4, 0), Card(J2, S, 4, 0),
        ];

        var results = Ranking.Rank(Lines, [S, Q, R, P], scores, AggregationMethod.WeightedMean, [ByA, ByB, ByFirstPlaces]);

        AssertRank(results[0], R, 1, shared: false);
        AssertRank(results[1], Q, 2, shared: true);
        AssertRank(results[2], P, 2, shared: true);
        AssertRank(results[3], S, 4, shared: false);
    }

    [Fact]
    public void ScoresEqualUpToRounding_AreTied()
    {
        // P: (1,0) 0 and (4,0) 25 -> 12.5.  Q: (2,0) 8.333.. and (3,0) 16.666.. -> 12.5 exactly on paper, but
        // 12.499999999999998 in floating point. Within the 1e-9 tolerance they tie, so Q (listed first) stays first.
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, P, 1, 0), Card(J2, P, 4, 0),
            Card(J1, Q, 2, 0), Card(J2, Q, 3, 0),
        ];

        var results = Ranking.Rank(Lines, [Q, P], scores, AggregationMethod.WeightedMean, NoTieBreaks);

        AssertRank(results[0], Q, 1, shared: true);
        AssertRank(results[1], P, 1, shared: true);
    }

    [Fact]
    public void HighestCriterion_WithoutCriterion_IsRejected()
    {
        TieBreakRule[] rules = [new TieBreakRule(TieBreakKind.HighestCriterion)];

        Assert.Throws<ArgumentException>(
            () => Ranking.Rank(Lines, [P, Q], EqualTotalsDifferentCriteria, AggregationMethod.WeightedMean, rules));
    }

    [Fact]
    public void HighestCriterion_WithCriterionOutsideTheRubric_IsRejected()
    {
        TieBreakRule[] rules = [new TieBreakRule(TieBreakKind.HighestCriterion, Guid.NewGuid())];

        Assert.Throws<ArgumentException>(
            () => Ranking.Rank(Lines, [P, Q], EqualTotalsDifferentCriteria, AggregationMethod.WeightedMean, rules));
    }
}
