using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>The rules file: keys as in the issue, defaults for missing keys, errors with line, JSON path and reason.</summary>
public sealed class RulesJsonTests
{
    private static readonly IReadOnlyList<RulesCriterion> Criteria = [new RulesCriterion("A", 1m, 10m, 0.5m, 3m), new RulesCriterion("B", 0m, 4m, 1m, 1m)];

    [Fact]
    public void EveryPreset_SurvivesWriteAndRead()
    {
        foreach (var name in RulesPresets.Names)
        {
            var rules = RulesPresets.ByName(name, Criteria)!;
            var read = RulesJson.Read(RulesJson.Write(rules));

            Assert.Equal(rules, read);
            Assert.Equal(RulesJson.Write(rules), RulesJson.Write(read));
            Assert.Equal(rules.Panel, read.Panel);
            Assert.Equal(rules.Criteria, read.Criteria);
        }
    }

    [Fact]
    public void Write_UsesTheKeysOfTheIssue()
    {
        var json = RulesJson.Write(RulesPresets.EurovisionRankedBallots() with { Rounding = new RoundingRules(2, RoundingMode.HalfEven, [RoundingStage.Total]) });

        foreach (var key in new[] { "criteria", "weights", "panel", "scale", "performances", "rounding", "ranks", "panels", "tieBreaks", "dropHighest", "dropLowest", "minJudges", "\"half-even\"", "\"per-card\"" })
        {
            Assert.Contains(key, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_FillsDefaults_ForAMinimalFile()
    {
        var rules = RulesJson.Read("""{ "criteria": [ { "id": "A", "min": 0, "max": 10 } ] }""");

        Assert.Equal(RulesPresets.VakkanjersDefault([new RulesCriterion("A", 0m, 10m, 1m, 1m)]), rules);
        Assert.Empty(rules.TieBreaks);
    }

    [Fact]
    public void Read_RefusesAStepThatDoesNotDivideTheRange_WithLineAndPath()
    {
        const string Text = """
            {
              "criteria": [
                { "id": "A", "min": 0, "max": 10, "step": 0.5 },
                { "id": "B", "min": 0, "max": 1,
                  "step": 0.3 }
              ]
            }
            """;

        var error = Assert.Single(Assert.Throws<RulesFileException>(() => RulesJson.Read(Text)).Errors);

        Assert.Equal(5, error.Line);
        Assert.Equal("$.criteria[1].step", error.Location);
        Assert.Contains("step 0.3", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReportsEveryTypeError_AndUnknownKeys()
    {
        const string Text = """
            {
              "criteria": [ { "id": "A", "min": "zero", "max": 10 } ],
              "panel": { "method": "average", "dropHighest": 1.5 },
              "scael": "raw"
            }
            """;

        var errors = Assert.Throws<RulesFileException>(() => RulesJson.Read(Text)).Errors;

        Assert.Equal(
            [(2, "$.criteria[0].min"), (3, "$.panel.method"), (3, "$.panel.dropHighest"), (4, "$.scael")],
            errors.Select(e => (e.Line, e.Location)));
        Assert.Contains("\"zscore\"", errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefusesBrokenJson_WithTheLine()
    {
        var error = Assert.Single(Assert.Throws<RulesFileException>(() => RulesJson.Read("{\n  \"criteria\": [\n    { \"id\": \"A\" \n  ]\n}")).Errors);

        Assert.Equal(4, error.Line);
        Assert.StartsWith("not valid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefusesTieBreakOnUnknownPanel_AtItsLine()
    {
        const string Text = """
            {
              "ranks": {},
              "panels": { "combine": "sum", "list": [ { "id": "jury" } ] },
              "tieBreaks": [
                { "panel": "public" }
              ]
            }
            """;

        var error = Assert.Single(Assert.Throws<RulesFileException>(() => RulesJson.Read(Text)).Errors);

        Assert.Equal((5, "$.tieBreaks[0].panel"), (error.Line, error.Location));
        Assert.Equal("tie-break on unknown panel 'public'", error.Reason);
        Assert.Equal(RankRules.DefaultPoints, RulesJson.Read(Text.Replace("public", "jury", StringComparison.Ordinal)).Ranks!.Points);
    }
}
