using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>The long scores format: columns by header name, optional columns, decimal comma, errors per row.</summary>
public sealed class ScoresCsvTests
{
    private static readonly ScoringRules HalfPoints = RulesPresets.VakkanjersDefault([new RulesCriterion("A", 0m, 10m, 0.5m, 1m)]);

    [Fact]
    public void Read_TakesColumnsByName_InAnyOrder_WithOptionalColumnsAbsent()
    {
        var file = ScoresCsv.Read("Value;Judge;Team;Criterion\n7,5;J1;Alpha;A\n\n8.0;J2;Alpha;A\n", HalfPoints);

        Assert.Equal([new Mark("Alpha", "J1", "A", 7.5m), new Mark("Alpha", "J2", "A", 8.0m)], file.Marks);
        Assert.Equal([2, 4], file.Lines);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameMarks()
    {
        IReadOnlyList<Mark> marks =
        [
            new Mark("Team; \"one\"", "J1", "A", 7.5m, "dive 1", 3.2m, string.Empty),
            new Mark("Two", "J2", "A", 10m),
        ];

        var text = ScoresCsv.Write(marks);

        Assert.StartsWith("team;performance;factor;panel;judge;criterion;value\n", text, StringComparison.Ordinal);
        Assert.Equal(marks, ScoresCsv.Read(text).Marks);
    }

    [Fact]
    public void Read_ReportsEveryErrorOfARow_WithItsLine()
    {
        const string Text = "team;judge;criterion;value;factor\nAlpha;J1;A;7.5;\n;J1;A;seven;1.2.3\nAlpha;J2;A;7.3;\nAlpha;J3;Z;11;\n";

        var errors = Assert.Throws<RulesFileException>(() => ScoresCsv.Read(Text, HalfPoints)).Errors;

        Assert.Equal(
            [(3, "team"), (3, "factor"), (3, "value"), (4, "value"), (5, "criterion")],
            errors.Select(e => (e.Line, e.Location)));
        Assert.Equal("criterion 'A': 7.3 is not on the step 0.5", errors[3].Reason);
        Assert.Equal("data.csv:4: value: criterion 'A': 7.3 is not on the step 0.5", errors[3].Format("data.csv"));
    }

    [Fact]
    public void Read_RefusesAMissingOrUnknownColumn_OnTheHeaderLine()
    {
        var errors = Assert.Throws<RulesFileException>(() => ScoresCsv.Read("team;judge;score\nAlpha;J1;7\n")).Errors;

        Assert.Equal([(1, "score"), (1, "criterion"), (1, "value")], errors.Select(e => (e.Line, e.Location)));
    }

    [Theory]
    [InlineData("7.5", true)]
    [InlineData("7,5", true)]
    [InlineData(" -1 ", true)]
    [InlineData("1.234,5", false)]
    [InlineData("1e3", false)]
    [InlineData("", false)]
    public void TryParseNumber_AcceptsPointOrComma(string text, bool ok)
    {
        Assert.Equal(ok, ScoresCsv.TryParseNumber(text, out _));
    }
}
