using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>Table "Rounding on exact half-way values" in docs/scoring.md.</summary>
public sealed class RoundingTests
{
    [Theory]
    [InlineData("0.145", 2, RoundingMode.HalfUp, "0.15")]
    [InlineData("0.125", 2, RoundingMode.HalfUp, "0.13")]
    [InlineData("-0.145", 2, RoundingMode.HalfUp, "-0.15")]
    [InlineData("0.135", 2, RoundingMode.HalfUp, "0.14")]
    [InlineData("2.5", 0, RoundingMode.HalfUp, "3")]
    [InlineData("0.144999", 2, RoundingMode.HalfUp, "0.14")]
    [InlineData("0.125", 2, RoundingMode.HalfEven, "0.12")]
    [InlineData("0.135", 2, RoundingMode.HalfEven, "0.14")]
    [InlineData("0.145", 2, RoundingMode.HalfEven, "0.14")]
    [InlineData("-0.145", 2, RoundingMode.HalfEven, "-0.14")]
    [InlineData("2.5", 0, RoundingMode.HalfEven, "2")]
    [InlineData("0.1251", 2, RoundingMode.HalfEven, "0.13")]
    public void RoundingOnExactHalfWayValues(string value, int decimals, RoundingMode mode, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rounding.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals, mode));
    }

    [Fact]
    public void BinaryFloatingPoint_WouldRoundTheHalfWayValueDown()
    {
        // Why decimals: 0.145 as a double is 0.14499999999999999, so double rounding gives 0.14.
        Assert.Equal(0.14, Math.Round(0.145, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(0.15m, Rounding.Round(0.145m, 2, RoundingMode.HalfUp));
    }

    [Fact]
    public void At_RoundsOnlyAtTheDeclaredStages()
    {
        var rules = new RoundingRules(1, RoundingMode.HalfUp, [RoundingStage.Total]);

        Assert.Equal(0.2m, Rounding.At(rules, RoundingStage.Total, 0.15m));
        Assert.Equal(0.15m, Rounding.At(rules, RoundingStage.Panel, 0.15m));
        Assert.Equal(0.15m, Rounding.At(null, RoundingStage.Total, 0.15m));
    }
}
