using VakkanjersLive.Domain.Scoring;
using static VakkanjersLive.Domain.Tests.Scoring.Rubric;

namespace VakkanjersLive.Domain.Tests.Scoring;

/// <summary>Judge statistics and outlier detection. Totals come from the table in <see cref="Rubric"/>.</summary>
public sealed class ConsistencyTests
{
    private static readonly Guid J1 = Id(1);
    private static readonly Guid J2 = Id(2);
    private static readonly Guid J3 = Id(3);

    private static readonly Guid X = Id(401);
    private static readonly Guid Y = Id(402);
    private static readonly Guid Z = Id(403);
    private static readonly Guid W = Id(404);

    // J3 scores X far below J1 and J2; everyone agrees on Y and Z; only J1 scored W.
    //        J1            J2            J3          team mean   d = total - team mean
    // X   (10,0) 75     (10,0) 75     (1,0) 0      50          +25, +25, -50
    // Y   (7,0)  50     (7,0)  50     (7,0) 50     50          0, 0, 0
    // Z   (7,0)  50     (7,0)  50     (7,0) 50     50          0, 0, 0
    // W   (10,4) 100    -             -            (one scorecard: not compared)
    // S^2 = (25^2 + 25^2 + 50^2 + 6 * 0) / 9 = 3750 / 9.
    // J3 on X: z = -50 / S, z^2 = 2500 * 9 / 3750 = 6 -> z = -sqrt(6) = -2.449490.
    // J1, J2 on X: z = 25 / S, z^2 = 625 * 9 / 3750 = 1.5 -> z = +sqrt(1.5) = +1.224745.
    private static readonly IReadOnlyList<JudgeScore> OneHarshCard =
    [
        Card(J1, X, 10, 0), Card(J2, X, 10, 0), Card(J3, X, 1, 0),
        Card(J1, Y, 7, 0), Card(J2, Y, 7, 0), Card(J3, Y, 7, 0),
        Card(J1, Z, 7, 0), Card(J2, Z, 7, 0), Card(J3, Z, 7, 0),
        Card(J1, W, 10, 4),
    ];

    [Fact]
    public void Analyse_FlagsJudgeScoringFarBelowThePanel_WithNegativeDeviation()
    {
        // Including W (d = 0 against its own single total) would make S^2 = 3750 / 10 and z = -2.58.
        var report = Consistency.Analyse(Lines, OneHarshCard);

        var outlier = Assert.Single(report.Outliers);
        Assert.Equal(J3, outlier.JudgeId);
        Assert.Equal(X, outlier.TeamId);
        Assert.Equal(-2.449490, outlier.Deviation, precision: 6);
    }

    [Fact]
    public void Analyse_LowerThreshold_AlsoReportsJudgesAboveThePanel_LargestDeviationFirst()
    {
        var report = Consistency.Analyse(Lines, OneHarshCard, threshold: 1.2);

        Assert.Equal(3, report.Outliers.Count);
        Assert.Equal((J3, X), (report.Outliers[0].JudgeId, report.Outliers[0].TeamId));
        Assert.Equal(-2.449490, report.Outliers[0].Deviation, precision: 6);
        Assert.Equal((J1, X), (report.Outliers[1].JudgeId, report.Outliers[1].TeamId));
        Assert.Equal(1.224745, report.Outliers[1].Deviation, precision: 6);
        Assert.Equal((J2, X), (report.Outliers[2].JudgeId, report.Outliers[2].TeamId));
        Assert.Equal(1.224745, report.Outliers[2].Deviation, precision: 6);
    }

    [Fact]
    public void Analyse_ThresholdAboveEveryDeviation_ReportsNoOutliers()
    {
        // The largest |z| is sqrt(6) = 2.449.
        Assert.Empty(Consistency.Analyse(Lines, OneHarshCard, threshold: 2.5).Outliers);
    }

    [Fact]
    public void Analyse_DescribesEachJudgeByTheirTotals()
    {
        // J1: 25 and 75 -> mean 50, population SD sqrt((25^2 + 25^2) / 2) = 25.  J2: one total 62.5 -> SD 0.
        IReadOnlyList<JudgeScore> scores = [Card(J1, X, 4, 0), Card(J2, X, 7, 2), Card(J1, Y, 10, 0)];

        var report = Consistency.Analyse(Lines, scores);

        Assert.Equal(2, report.Judges.Count);
        var first = report.Judges[0];
        Assert.Equal(J1, first.JudgeId);
        Assert.Equal(2, first.Count);
        Assert.Equal(50.0, first.Mean, precision: 6);
        Assert.Equal(25.0, first.StandardDeviation, precision: 6);
        Assert.Equal([25.0, 75.0], first.Totals);

        var second = report.Judges[1];
        Assert.Equal(J2, second.JudgeId);
        Assert.Equal(1, second.Count);
        Assert.Equal(62.5, second.Mean, precision: 6);
        Assert.Equal(0.0, second.StandardDeviation, precision: 6);
        Assert.Equal([62.5], second.Totals);
    }

    [Fact]
    public void Analyse_WhenEveryoneAgrees_ReportsNoOutliers()
    {
        // Every judge gives X (2,1) = 14.5833.., Y (5,3) = 52.0833.., Z (7,0) = 50: every d is 0 on paper.
        // In floating point the mean of three copies of 14.583333333333332 is 14.583333333333334, so the d values are
        // around 1e-15; that rounding noise must not turn into "outliers".
        IReadOnlyList<JudgeScore> scores =
        [
            Card(J1, X, 2, 1), Card(J2, X, 2, 1), Card(J3, X, 2, 1),
            Card(J1, Y, 5, 3), Card(J2, Y, 5, 3), Card(J3, Y, 5, 3),
            Card(J1, Z, 7, 0), Card(J2, Z, 7, 0), Card(J3, Z, 7, 0),
        ];

        var report = Consistency.Analyse(Lines, scores, threshold: 0.5);

        Assert.Empty(report.Outliers);
        Assert.Equal(3, report.Judges.Count);
    }

    [Fact]
    public void Analyse_WithoutScorecards_IsEmpty()
    {
        var report = Consistency.Analyse(Lines, []);

        Assert.Empty(report.Judges);
        Assert.Empty(report.Outliers);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Analyse_NegativeOrNaNThreshold_IsRejected(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Consistency.Analyse(Lines, OneHarshCard, threshold));
    }

    [Fact]
    public void Analyse_SecondScorecardOfOneJudgeForOneTeam_IsRejected()
    {
        IReadOnlyList<JudgeScore> doubled = [.. OneHarshCard, Card(J3, X, 10, 0)];

        Assert.Throws<ArgumentException>(() => Consistency.Analyse(Lines, doubled));
    }
}
