using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Tests.Scoring;

public sealed class ScoreMathTests
{
    private static Dictionary<Guid, decimal> Values(int a, int b) => new() { [Rubric.A] = a, [Rubric.B] = b };

    [Fact]
    public void Total_AllMinimumValues_IsZero()
    {
        // A: (1-1)/9 = 0, B: 0/4 = 0.
        Assert.Equal(0.0, ScoreMath.Total(Rubric.Lines, Values(1, 0)), precision: 6);
    }

    [Fact]
    public void Total_AllMaximumValues_IsHundred()
    {
        // (3 * 9/9 + 1 * 4/4) / 4 * 100 = 4/4 * 100.
        Assert.Equal(100.0, ScoreMath.Total(Rubric.Lines, Values(10, 4)), precision: 6);
    }

    [Theory]
    [InlineData(7, 2, 62.5)] // (3 * 6/9 + 1 * 2/4) / 4 * 100 = (2 + 0.5) / 4 * 100 = 62.5
    [InlineData(4, 4, 50.0)] // (3 * 3/9 + 1 * 4/4) / 4 * 100 = (1 + 1) / 4 * 100 = 50
    [InlineData(10, 0, 75.0)] // (3 * 9/9 + 0) / 4 * 100 = 75
    [InlineData(5, 1, 39.583333)] // (3 * 4/9 + 1/4) / 4 * 100 = (4/3 + 1/4) * 25 = 19/12 * 25 = 39.58333...
    public void Total_NormalisesEachCriterionToItsScale_ThenWeighs(int a, int b, double expected)
    {
        Assert.Equal(expected, ScoreMath.Total(Rubric.Lines, Values(a, b)), precision: 6);
    }

    [Fact]
    public void Total_WeightsAreRelative_ScalingThemChangesNothing()
    {
        // 75 : 25 is the same ratio as 3 : 1, so (7,2) is still 62.5.
        IReadOnlyList<RubricLine> scaled = [new RubricLine(Rubric.A, 75m, 1, 10), new RubricLine(Rubric.B, 25m, 0, 4)];

        Assert.Equal(62.5, ScoreMath.Total(scaled, Values(7, 2)), precision: 6);
    }

    [Fact]
    public void Total_CriterionWithZeroWeight_DoesNotCount()
    {
        // Only A counts: (7-1)/9 * 100 = 66.666...; B = 4 would otherwise pull the total up.
        IReadOnlyList<RubricLine> onlyA = [new RubricLine(Rubric.A, 1m, 1, 10), new RubricLine(Rubric.B, 0m, 0, 4)];

        Assert.Equal(66.666667, ScoreMath.Total(onlyA, Values(7, 4)), precision: 6);
    }

    [Fact]
    public void Total_IgnoresValuesForCriteriaOutsideTheRubric()
    {
        var values = Values(7, 2);
        values[Guid.NewGuid()] = 1000;

        Assert.Equal(62.5, ScoreMath.Total(Rubric.Lines, values), precision: 6);
    }

    [Fact]
    public void Total_MissingCriterion_IsRejected()
    {
        var onlyA = new Dictionary<Guid, decimal> { [Rubric.A] = 7 };

        var exception = Assert.Throws<ArgumentException>(() => ScoreMath.Total(Rubric.Lines, onlyA));

        Assert.Contains(Rubric.B.ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)] // A below its minimum 1
    [InlineData(11, 2)] // A above its maximum 10
    [InlineData(7, -1)] // B below its minimum 0
    [InlineData(7, 5)] // B above its maximum 4
    public void Total_ValueOutsideItsScale_IsRejected(int a, int b)
    {
        Assert.Throws<ArgumentException>(() => ScoreMath.Total(Rubric.Lines, Values(a, b)));
    }

    [Theory]
    [InlineData(1, 1)] // Max == Min: every value would divide by zero
    [InlineData(5, 1)] // Max < Min
    public void Total_RubricLineWithoutRange_IsRejected(int min, int max)
    {
        IReadOnlyList<RubricLine> rubric = [new RubricLine(Rubric.A, 1m, min, max)];

        Assert.Throws<ArgumentException>(() => ScoreMath.Total(rubric, new Dictionary<Guid, decimal> { [Rubric.A] = 1 }));
    }

    [Fact]
    public void Total_RubricWithoutAnyWeight_IsRejected()
    {
        IReadOnlyList<RubricLine> rubric = [new RubricLine(Rubric.A, 0m, 1, 10), new RubricLine(Rubric.B, 0m, 0, 4)];

        Assert.Throws<ArgumentException>(() => ScoreMath.Total(rubric, Values(7, 2)));
    }

    [Fact]
    public void Total_NegativeWeight_IsRejected()
    {
        IReadOnlyList<RubricLine> rubric = [new RubricLine(Rubric.A, 3m, 1, 10), new RubricLine(Rubric.B, -1m, 0, 4)];

        Assert.Throws<ArgumentException>(() => ScoreMath.Total(rubric, Values(7, 2)));
    }

    [Fact]
    public void Total_EmptyRubric_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ScoreMath.Total([], Values(7, 2)));
    }

    [Fact]
    public void Total_CriterionListedTwice_IsRejected()
    {
        IReadOnlyList<RubricLine> rubric = [new RubricLine(Rubric.A, 1m, 1, 10), new RubricLine(Rubric.A, 1m, 1, 10)];

        Assert.Throws<ArgumentException>(() => ScoreMath.Total(rubric, Values(7, 2)));
    }

    [Fact]
    public void Mean_IsSumDividedByCount()
    {
        // (25 + 50 + 100) / 3 = 58.333...
        Assert.Equal(58.333333, ScoreMath.Mean([25.0, 50.0, 100.0]), precision: 6);
    }

    [Fact]
    public void Mean_OfNothing_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ScoreMath.Mean([]));
    }

    [Fact]
    public void Median_OddCount_IsTheMiddleValueAfterSorting()
    {
        Assert.Equal(50.0, ScoreMath.Median([100.0, 25.0, 50.0]), precision: 6);
    }

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheMiddleTwo()
    {
        // sorted 12.5, 25, 75, 100 -> (25 + 75) / 2 = 50
        Assert.Equal(50.0, ScoreMath.Median([75.0, 100.0, 12.5, 25.0]), precision: 6);
    }

    [Fact]
    public void Median_DoesNotReorderTheInput()
    {
        double[] values = [75.0, 100.0, 12.5];

        ScoreMath.Median(values);

        Assert.Equal([75.0, 100.0, 12.5], values);
    }

    [Fact]
    public void Median_OfNothing_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ScoreMath.Median([]));
    }

    [Fact]
    public void StandardDeviation_IsThePopulationDeviation()
    {
        // mean 5; squared deviations 9,1,1,1,0,0,4,16 sum to 32; 32 / 8 = 4 (population); sqrt 4 = 2.
        // (The sample deviation, dividing by 7, would be 2.138.)
        Assert.Equal(2.0, ScoreMath.StandardDeviation([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]), precision: 6);
    }

    [Fact]
    public void StandardDeviation_OfTwoValues_IsHalfTheirDistance()
    {
        // mean 50; deviations -25 and +25; sqrt((625 + 625) / 2) = 25.
        Assert.Equal(25.0, ScoreMath.StandardDeviation([25.0, 75.0]), precision: 6);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 42.0 })]
    public void StandardDeviation_OfFewerThanTwoValues_IsZero(double[] values)
    {
        Assert.Equal(0.0, ScoreMath.StandardDeviation(values), precision: 6);
    }

    [Fact]
    public void TrimmedMean_OfFiveValues_DropsOneHighestAndOneLowest()
    {
        // sorted 25, 50, 50, 62.5, 100 -> drop 25 and 100 -> (50 + 50 + 62.5) / 3 = 54.1666...
        Assert.Equal(54.166667, ScoreMath.TrimmedMean([100.0, 62.5, 50.0, 50.0, 25.0]), precision: 6);
    }

    [Fact]
    public void TrimmedMean_DropsOnlyOneOfEqualExtremes()
    {
        // sorted 50, 50, 50, 100 -> drop one 50 and the 100 -> (50 + 50) / 2 = 50
        Assert.Equal(50.0, ScoreMath.TrimmedMean([50.0, 100.0, 50.0, 50.0]), precision: 6);
    }

    [Fact]
    public void TrimmedMean_OfTwoValues_IsThePlainMean()
    {
        Assert.Equal(56.25, ScoreMath.TrimmedMean([75.0, 37.5]), precision: 6);
    }
}
