using VakkanjersLive.Domain.Scoring;
using static VakkanjersLive.Domain.Tests.Scoring.Rubric;

namespace VakkanjersLive.Domain.Tests.Scoring;

/// <summary>
/// Each aggregation method on hand-worked panels. Totals come from the table in <see cref="Rubric"/>.
/// </summary>
public sealed class RankingAggregationTests
{
    private static readonly Guid J1 = Id(1);
    private static readonly Guid J2 = Id(2);
    private static readonly Guid J3 = Id(3);
    private static readonly Guid J4 = Id(4);

    private static readonly Guid Alpha = Id(101);
    private static readonly Guid Bravo = Id(102);
    private static readonly Guid Charlie = Id(103);
    private static readonly Guid Delta = Id(104);
    private static readonly Guid Echo = Id(105);
    private static readonly Guid Foxtrot = Id(106);
    private static readonly Guid Golf = Id(107);

    // Three-judge panel. Delta (listed first) has no scorecards; Charlie misses J3.
    //            J1            J2            J3            mean       trimmed/median (n=3: middle value)
    // Alpha   (10,4) 100    (7,0)  50     (4,2)  37.5   187.5/3  = 62.5       50
    // Bravo   (7,3)  68.75  (7,4)  75     (4,4)  50     193.75/3 = 64.5833    68.75
    // Charlie (10,0) 75     (4,2)  37.5   -             112.5/2  = 56.25      56.25 (two cards: plain mean / mean of both)
    private static readonly IReadOnlyList<Guid> ThreeJudgeTeams = [Delta, Alpha, Bravo, Charlie];

    private static readonly IReadOnlyList<JudgeScore> ThreeJudgeScores =
    [
        Card(J1, Alpha, 10, 4), Card(J2, Alpha, 7, 0), Card(J3, Alpha, 4, 2),
        Card(J1, Bravo, 7, 3), Card(J2, Bravo, 7, 4), Card(J3, Bravo, 4, 4),
        Card(J1, Charlie, 10, 0), Card(J2, Charlie, 4, 2),
    ];

    // Four-judge panel. Golf has no scorecards; Foxtrot misses J2.
    //            J1            J2            J3           J4            mean              trimmed          median
    // Echo    (10,4) 100    (7,2) 62.5    (7,0) 50     (4,0) 25      237.5/4 = 59.375  (62.5+50)/2      (62.5+50)/2 = 56.25
    // Foxtrot (7,2)  62.5   -             (4,4) 50     (7,2) 62.5    175/3 = 58.3333   drop 62.5 & 50   62.5
    // J1's 100 for Echo wins the mean for Echo; trimming it away hands the win to Foxtrot.
    private static readonly IReadOnlyList<Guid> FourJudgeTeams = [Golf, Echo, Foxtrot];

    private static readonly IReadOnlyList<JudgeScore> FourJudgeScores =
    [
        Card(J1, Echo, 10, 4), Card(J2, Echo, 7, 2), Card(J3, Echo, 7, 0), Card(J4, Echo, 4, 0),
        Card(J1, Foxtrot, 7, 2), Card(J3, Foxtrot, 4, 4), Card(J4, Foxtrot, 7, 2),
    ];

    private static void AssertPlaced(TeamResult result, Guid team, int rank, double score, int judgeCount)
    {
        Assert.Equal(team, result.TeamId);
        Assert.Equal(rank, result.Rank);
        Assert.NotNull(result.Score);
        Assert.Equal(score, result.Score.Value, precision: 6);
        Assert.Equal(judgeCount, result.JudgeCount);
        Assert.False(result.SharedRank);
    }

    private static void AssertUnplaced(TeamResult result, Guid team)
    {
        Assert.Equal(team, result.TeamId);
        Assert.Null(result.Rank);
        Assert.Null(result.Score);
        Assert.Equal(0, result.JudgeCount);
        Assert.Empty(result.CriterionMeans);
        Assert.False(result.SharedRank);
    }

    [Fact]
    public void WeightedMean_ScoresTeamsByMeanOfJudgeTotals_OnThreeJudgePanel()
    {
        var results = Ranking.Rank(Lines, ThreeJudgeTeams, ThreeJudgeScores, AggregationMethod.WeightedMean, NoTieBreaks);

        Assert.Equal(4, results.Count);
        AssertPlaced(results[0], Bravo, 1, 64.583333, 3);
        AssertPlaced(results[1], Alpha, 2, 62.5, 3);
        AssertPlaced(results[2], Charlie, 3, 56.25, 2);
        AssertUnplaced(results[3], Delta);
    }

    [Fact]
    public void WeightedMean_MissingJudgeIsNotCountedAsZero_OnFourJudgePanel()
    {
        // Foxtrot: (62.5 + 50 + 62.5) / 3 = 58.3333; counting J2 as 0 would give 175 / 4 = 43.75.
        var results = Ranking.Rank(Lines, FourJudgeTeams, FourJudgeScores, AggregationMethod.WeightedMean, NoTieBreaks);

        Assert.Equal(3, results.Count);
        AssertPlaced(results[0], Echo, 1, 59.375, 4);
        AssertPlaced(results[1], Foxtrot, 2, 58.333333, 3);
        AssertUnplaced(results[2], Golf);
    }

    [Fact]
    public void CriterionMeans_AreMeanRawValuesOverTheCountedScorecards()
    {
        var results = Ranking.Rank(Lines, ThreeJudgeTeams, ThreeJudgeScores, AggregationMethod.WeightedMean, NoTieBreaks);

        // Bravo: A (7 + 7 + 4) / 3 = 6, B (3 + 4 + 4) / 3 = 3.6667.
        Assert.Equal(6.0, results[0].CriterionMeans[A], precision: 6);
        Assert.Equal(3.666667, results[0].CriterionMeans[B], precision: 6);

        // Charlie (no J3): A (10 + 4) / 2 = 7, B (0 + 2) / 2 = 1.
        Assert.Equal(7.0, results[2].CriterionMeans[A], precision: 6);
        Assert.Equal(1.0, results[2].CriterionMeans[B], precision: 6);
    }

    [Fact]
    public void TrimmedMean_DropsHighestAndLowest_WithThreeOrMoreJudges()
    {
        // Alpha 100, 50, 37.5 -> 50; Bravo 68.75, 75, 50 -> 68.75; Charlie has two cards -> plain mean 56.25.
        var results = Ranking.Rank(Lines, ThreeJudgeTeams, ThreeJudgeScores, AggregationMethod.TrimmedMean, NoTieBreaks);

        AssertPlaced(results[0], Bravo, 1, 68.75, 3);
        AssertPlaced(results[1], Charlie, 2, 56.25, 2);
        AssertPlaced(results[2], Alpha, 3, 50.0, 3);
        AssertUnplaced(results[3], Delta);
    }

    [Fact]
    public void TrimmedMean_DroppingOneExtremeJudge_ChangesTheWinner_OnFourJudgePanel()
    {
        // Echo 100, 62.5, 50, 25 -> (62.5 + 50) / 2 = 56.25; Foxtrot 62.5, 50, 62.5 -> 62.5 (mean order was Echo first).
        var results = Ranking.Rank(Lines, FourJudgeTeams, FourJudgeScores, AggregationMethod.TrimmedMean, NoTieBreaks);

        AssertPlaced(results[0], Foxtrot, 1, 62.5, 3);
        AssertPlaced(results[1], Echo, 2, 56.25, 4);
        AssertUnplaced(results[2], Golf);
    }

    [Fact]
    public void TrimmedMean_WithFiveJudges_AveragesTheMiddleThree()
    {
        // (10,4) 100, (7,2) 62.5, (7,0) 50, (7,0) 50, (4,0) 25 -> drop 100 and 25 -> (62.5 + 50 + 50) / 3 = 54.1667.
        // (The median would be 50 and the mean 287.5 / 5 = 57.5.)
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, Alpha, 10, 4), Card(J2, Alpha, 7, 2), Card(J3, Alpha, 7, 0), Card(J4, Alpha, 7, 0), Card(Id(5), Alpha, 4, 0),
        ];

        var result = Assert.Single(Ranking.Rank(Lines, [Alpha], scores, AggregationMethod.TrimmedMean, NoTieBreaks));

        AssertPlaced(result, Alpha, 1, 54.166667, 5);
    }

    [Fact]
    public void Median_IsTheMiddleTotal_OnThreeJudgePanel()
    {
        // Alpha 37.5, 50, 100 -> 50; Bravo 50, 68.75, 75 -> 68.75; Charlie 37.5, 75 -> (37.5 + 75) / 2 = 56.25.
        var results = Ranking.Rank(Lines, ThreeJudgeTeams, ThreeJudgeScores, AggregationMethod.Median, NoTieBreaks);

        AssertPlaced(results[0], Bravo, 1, 68.75, 3);
        AssertPlaced(results[1], Charlie, 2, 56.25, 2);
        AssertPlaced(results[2], Alpha, 3, 50.0, 3);
        AssertUnplaced(results[3], Delta);
    }

    [Fact]
    public void Median_WithEvenCount_IsMeanOfTheMiddleTwo_OnFourJudgePanel()
    {
        // Echo sorted 25, 50, 62.5, 100 -> (50 + 62.5) / 2 = 56.25; Foxtrot 50, 62.5, 62.5 -> 62.5.
        var results = Ranking.Rank(Lines, FourJudgeTeams, FourJudgeScores, AggregationMethod.Median, NoTieBreaks);

        AssertPlaced(results[0], Foxtrot, 1, 62.5, 3);
        AssertPlaced(results[1], Echo, 2, 56.25, 4);
        AssertUnplaced(results[2], Golf);
    }

    [Fact]
    public void ZScoreNormalised_LenientAndStrictJudge_NormalisationChangesTheWinner()
    {
        // J1 is lenient with a wide spread, J2 and J3 are strict; J2 and J3 both prefer Y, J1 strongly prefers X.
        //        J1            J2            J3            mean
        // X   (10,2) 87.5   (4,0) 25      (4,3) 43.75   156.25/3 = 52.0833
        // Y   (7,0)  50     (4,3) 43.75   (7,0) 50      143.75/3 = 47.9167
        // Every judge scored two teams, so each judge's z values are +1 and -1:
        //   J1: mu 68.75, sigma 18.75 -> X +1, Y -1;  J2: mu 34.375, sigma 9.375 -> X -1, Y +1;
        //   J3: mu 46.875, sigma 3.125 -> X -1, Y +1.
        // z_X = (1 - 1 - 1) / 3 = -1/3, z_Y = +1/3.
        // Pooled totals 87.5, 50, 25, 43.75, 43.75, 50: mu_all = 300 / 6 = 50;
        // deviations 37.5, 0, -25, -6.25, -6.25, 0 -> squares 1406.25 + 625 + 39.0625 + 39.0625 = 2109.375;
        // / 6 = 351.5625 -> sigma_all = 18.75.
        // X = 50 - 18.75 / 3 = 43.75, Y = 50 + 18.75 / 3 = 56.25.
        var x = Id(201);
        var y = Id(202);
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, x, 10, 2), Card(J1, y, 7, 0),
            Card(J2, x, 4, 0), Card(J2, y, 4, 3),
            Card(J3, x, 4, 3), Card(J3, y, 7, 0),
        ];

        var byMean = Ranking.Rank(Lines, [x, y], scores, AggregationMethod.WeightedMean, NoTieBreaks);
        var byZ = Ranking.Rank(Lines, [x, y], scores, AggregationMethod.ZScoreNormalised, NoTieBreaks);

        AssertPlaced(byMean[0], x, 1, 52.083333, 3);
        AssertPlaced(byMean[1], y, 2, 47.916667, 3);
        AssertPlaced(byZ[0], y, 1, 56.25, 3);
        AssertPlaced(byZ[1], x, 2, 43.75, 3);
    }

    [Fact]
    public void ZScoreNormalised_OnFourJudgePanel_WithMissingJudgeAndUnscoredTeam()
    {
        // W has no scorecards; J4 scored only X.
        //        J1            J2           J3            J4
        // X   (1,2) 12.5    (7,0) 50     (4,2) 37.5    (10,0) 75
        // Y   (1,0) 0       (4,0) 25     (7,2) 62.5    -
        // J1: mu 6.25, sigma 6.25 -> X +1, Y -1.  J2: mu 37.5, sigma 12.5 -> X +1, Y -1.
        // J3: mu 50, sigma 12.5 -> X -1, Y +1.    J4: a single total, sigma 0 -> z 0.
        // z_X = (1 + 1 - 1 + 0) / 4 = 0.25, z_Y = (-1 - 1 + 1) / 3 = -1/3.
        // Pooled: 12.5 + 50 + 37.5 + 75 + 0 + 25 + 62.5 = 262.5, / 7 -> mu_all = 37.5;
        // deviations -25, 12.5, 0, 37.5, -37.5, -12.5, 25 -> squares 625 + 156.25 + 0 + 1406.25 + 1406.25 + 156.25 + 625
        // = 4375, / 7 = 625 -> sigma_all = 25.
        // X = 37.5 + 0.25 * 25 = 43.75, Y = 37.5 - 25 / 3 = 29.1667.
        var x = Id(201);
        var y = Id(202);
        var w = Id(203);
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, x, 1, 2), Card(J2, x, 7, 0), Card(J3, x, 4, 2), Card(J4, x, 10, 0),
            Card(J1, y, 1, 0), Card(J2, y, 4, 0), Card(J3, y, 7, 2),
        ];

        var results = Ranking.Rank(Lines, [w, y, x], scores, AggregationMethod.ZScoreNormalised, NoTieBreaks);

        AssertPlaced(results[0], x, 1, 43.75, 4);
        AssertPlaced(results[1], y, 2, 29.166667, 3);
        AssertUnplaced(results[2], w);
    }

    [Fact]
    public void ZScoreNormalised_JudgeWithZeroVariance_ContributesZero()
    {
        // J1 gives both teams 50: sigma 0, so z 0 for both (not a division by zero).
        //        J1           J2
        // X   (7,0) 50    (1,2) 12.5
        // Y   (7,0) 50    (7,2) 62.5
        // J2: mu 37.5, sigma 25 -> X -1, Y +1. z_X = (0 - 1) / 2 = -0.5, z_Y = +0.5.
        // Pooled 50, 50, 12.5, 62.5: mu_all = 175 / 4 = 43.75; deviations 6.25, 6.25, -31.25, 18.75 ->
        // squares 39.0625 + 39.0625 + 976.5625 + 351.5625 = 1406.25, / 4 = 351.5625 -> sigma_all = 18.75.
        // X = 43.75 - 0.5 * 18.75 = 34.375, Y = 43.75 + 9.375 = 53.125.
        var x = Id(201);
        var y = Id(202);
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, x, 7, 0), Card(J1, y, 7, 0),
            Card(J2, x, 1, 2), Card(J2, y, 7, 2),
        ];

        var results = Ranking.Rank(Lines, [x, y], scores, AggregationMethod.ZScoreNormalised, NoTieBreaks);

        AssertPlaced(results[0], y, 1, 53.125, 2);
        AssertPlaced(results[1], x, 2, 34.375, 2);
    }

    [Fact]
    public void ZScoreNormalised_ScoreAboveTheScale_IsClampedToHundred()
    {
        //        J1            J2
        // X   (10,4) 100    (10,4) 100    -> z +1 from both judges: z_X = 1
        // Y   (1,0)  0      (10,2) 87.5   -> z_Y = -1
        // Pooled 100, 0, 100, 87.5: mu_all = 287.5 / 4 = 71.875; deviations 28.125, -71.875, 28.125, 15.625 ->
        // squares 791.015625 + 5166.015625 + 791.015625 + 244.140625 = 6992.1875, / 4 = 1748.046875.
        // sigma_all = sqrt(1748.046875) ≈ 41.81 > 28.125, so X = mu_all + sigma_all > 100 -> clamped to 100.
        // Y = 71.875 - sqrt(1748.046875).
        var x = Id(201);
        var y = Id(202);
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, x, 10, 4), Card(J1, y, 1, 0),
            Card(J2, x, 10, 4), Card(J2, y, 10, 2),
        ];

        var results = Ranking.Rank(Lines, [x, y], scores, AggregationMethod.ZScoreNormalised, NoTieBreaks);

        AssertPlaced(results[0], x, 1, 100.0, 2);
        AssertPlaced(results[1], y, 2, 71.875 - Math.Sqrt(1748.046875), 2);
    }

    [Theory]
    [InlineData(AggregationMethod.WeightedMean)]
    [InlineData(AggregationMethod.TrimmedMean)]
    [InlineData(AggregationMethod.Median)]
    [InlineData(AggregationMethod.ZScoreNormalised)]
    public void TeamsWithoutScores_ComeLastInTeamListOrder(AggregationMethod method)
    {
        IReadOnlyList<Guid> teams = [Golf, Alpha, Delta, Bravo];

        var results = Ranking.Rank(Lines, teams, ThreeJudgeScores, method, NoTieBreaks);

        Assert.Equal(4, results.Count);
        Assert.NotNull(results[0].Rank);
        Assert.NotNull(results[1].Rank);
        AssertUnplaced(results[2], Golf);
        AssertUnplaced(results[3], Delta);
    }

    [Theory]
    [InlineData(AggregationMethod.WeightedMean)]
    [InlineData(AggregationMethod.TrimmedMean)]
    [InlineData(AggregationMethod.Median)]
    [InlineData(AggregationMethod.ZScoreNormalised)]
    public void NoScorecardsAtAll_LeavesEveryTeamUnplaced(AggregationMethod method)
    {
        var results = Ranking.Rank(Lines, [Alpha, Bravo], [], method, NoTieBreaks);

        AssertUnplaced(results[0], Alpha);
        AssertUnplaced(results[1], Bravo);
    }

    [Theory]
    [InlineData(AggregationMethod.WeightedMean)]
    [InlineData(AggregationMethod.ZScoreNormalised)]
    public void ScoresForTeamsNotInTheList_AreIgnored(AggregationMethod method)
    {
        // The unknown team's totals (0 from J1, 100 from J2) would shift J1's and J2's means and spreads, and the pooled
        // mean, if they took part in the z-score statistics.
        var unknown = Id(999);
        IReadOnlyList<JudgeScore> withUnknown = [.. ThreeJudgeScores, Card(J1, unknown, 1, 0), Card(J2, unknown, 10, 4)];

        var expected = Ranking.Rank(Lines, ThreeJudgeTeams, ThreeJudgeScores, method, NoTieBreaks);
        var actual = Ranking.Rank(Lines, ThreeJudgeTeams, withUnknown, method, NoTieBreaks);

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].TeamId, actual[i].TeamId);
            Assert.Equal(expected[i].Rank, actual[i].Rank);
            Assert.Equal(expected[i].Score ?? -1, actual[i].Score ?? -1, precision: 6);
            Assert.Equal(expected[i].JudgeCount, actual[i].JudgeCount);
        }
    }

    [Fact]
    public void Rank_TeamListedTwice_IsRejected()
    {
        Assert.Throws<ArgumentException>(
            () => Ranking.Rank(Lines, [Alpha, Alpha], ThreeJudgeScores, AggregationMethod.WeightedMean, NoTieBreaks));
    }

    [Fact]
    public void Rank_SecondScorecardOfOneJudgeForOneTeam_IsRejected()
    {
        IReadOnlyList<JudgeScore> doubled = [.. ThreeJudgeScores, Card(J1, Alpha, 1, 0)];

        Assert.Throws<ArgumentException>(
            () => Ranking.Rank(Lines, ThreeJudgeTeams, doubled, AggregationMethod.WeightedMean, NoTieBreaks));
    }

    [Fact]
    public void Rank_ScorecardWithValueOutOfRange_IsRejected()
    {
        IReadOnlyList<JudgeScore> invalid = [.. ThreeJudgeScores, Card(J3, Charlie, 11, 0)];

        Assert.Throws<ArgumentException>(
            () => Ranking.Rank(Lines, ThreeJudgeTeams, invalid, AggregationMethod.WeightedMean, NoTieBreaks));
    }
}
