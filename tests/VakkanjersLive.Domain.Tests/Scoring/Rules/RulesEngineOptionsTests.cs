using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>The options and refusals of <see cref="RulesEngine"/> that the hand-worked tables do not cover.</summary>
public sealed class RulesEngineOptionsTests
{
    private static readonly RulesCriterion Show = new("show", 0m, 10m, 1m, 1m);

    private static readonly ScoringRules RawMean = RulesPresets.VakkanjersDefault([Show]) with { Scale = ScoreScale.Raw };

    private static IReadOnlyList<string> Codes(ScoringRules rules, IReadOnlyList<Mark> marks, IReadOnlyList<string>? teams = null) =>
        [.. RulesEngine.Check(rules, marks, teams).Select(p => $"{p.Index}:{p.Code}")];

    [Fact]
    public void Check_FindsProblemsAcrossMarks()
    {
        var twoCriteria = RawMean with { Criteria = [Show, new RulesCriterion("tech", 0m, 10m, 1m, 1m)] };
        Mark[] marks =
        [
            new("A", "J1", "show", 7m, "1", 2m),
            new("A", "J1", "show", 8m, "1"),
            new("A", "J2", "show", 7.5m, "1"),
            new("A", "J2", "tech", 6m, "1", 2.5m),
            new("B", "J1", "show", 7m, Panel: "jury"),
        ];

        Assert.Equal(
            ["0:rules.mark.missing-criterion", "1:rules.mark.duplicate", "2:rules.mark.step", "3:rules.mark.factor-differs", "4:rules.mark.panel-undeclared", "4:rules.mark.unknown-team", "4:rules.mark.missing-criterion"],
            Codes(twoCriteria, marks, ["A"]));
    }

    [Fact]
    public void Check_RefusesARankGivenTwice_AndARankThatIsNoWholeNumber()
    {
        var rules = RulesPresets.EurovisionRankedBallots();
        Mark[] marks =
        [
            new("A", "J1", string.Empty, 1m, Panel: "jury"),
            new("B", "J1", string.Empty, 1m, Panel: "jury"),
            new("C", "J1", string.Empty, 2.5m, Panel: "jury"),
            new("D", "J1", "show", 3m, Panel: "public"),
        ];

        Assert.Equal(["1:rules.mark.rank-duplicate", "2:rules.mark.rank", "3:rules.mark.rank-criterion"], Codes(rules, marks));
        Assert.Equal("rules.mark.rank-duplicate", Assert.Throws<DomainException>(() => RulesEngine.Compute(rules, marks)).Code);
    }

    [Fact]
    public void Compute_RefusesInvalidRules_AndATeamListedTwice()
    {
        Assert.Equal("rules.criteria.required", Assert.Throws<DomainException>(() => RulesEngine.Compute(RawMean with { Criteria = [] }, [])).Code);
        Assert.Equal("rules.team.duplicate", Assert.Throws<DomainException>(() => RulesEngine.Compute(RawMean, [], ["A", "A"])).Code);
    }

    [Theory]
    [InlineData(PerformanceCombine.Sum, "15")]
    [InlineData(PerformanceCombine.Mean, "7.5")]
    [InlineData(PerformanceCombine.Best, "9")]
    public void Performances_AreCombinedBySumMeanOrBest(PerformanceCombine combine, string expected)
    {
        var rules = RawMean with { Performances = new PerformanceRules(combine) };
        Mark[] marks = [new("A", "J1", "show", 6m, "try 1"), new("A", "J1", "show", 9m, "try 2")];

        var team = Assert.Single(RulesEngine.Compute(rules, marks).Standings);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), team.Total);
        Assert.Equal([("try 1", 6m), ("try 2", 9m)], team.Performances.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void ARankBeyondThePointsTable_EarnsNothing_ButCountsAsAFirstPlaceOnlyForRank1()
    {
        var rules = RulesPresets.EurovisionRankedBallots() with
        {
            Ranks = new RankRules([3m, 1m]),
            Panels = null,
            TieBreaks = [new RulesTieBreak(RulesTieBreakKind.MostFirstPlaces)],
        };
        Mark[] marks =
        [
            new("A", "J1", string.Empty, 1m), new("B", "J1", string.Empty, 2m), new("C", "J1", string.Empty, 3m),
            new("B", "J2", string.Empty, 1m), new("A", "J2", string.Empty, 2m),
            new("C", "J3", string.Empty, 1m), new("A", "J3", string.Empty, 2m), new("B", "J3", string.Empty, 3m),
        ];

        var result = RulesEngine.Compute(rules, marks);

        // A 3+1+1 = 5, B 1+3+0 = 4, C 0+0+3 = 3.
        Assert.Equal([("A", 1, 5m), ("B", 2, 4m), ("C", 3, 3m)], result.Standings.Select(s => (s.Team, s.Rank!.Value, s.Total!.Value)));
        Assert.All(result.Standings, s => Assert.Equal(3, s.JudgeCount));
    }

    [Fact]
    public void MostFirstPlaces_BreaksATieOfRankedBallots()
    {
        var rules = RulesPresets.EurovisionRankedBallots() with { Panels = null, TieBreaks = [new RulesTieBreak(RulesTieBreakKind.MostFirstPlaces)] };
        Mark[] marks =
        [
            new("A", "J1", string.Empty, 2m), new("B", "J1", string.Empty, 3m),
            new("B", "J2", string.Empty, 1m), new("A", "J2", string.Empty, 2m),
        ];

        var result = RulesEngine.Compute(rules, marks);

        // A 10 + 10 = 20, B 8 + 12 = 20; only J2 gave a first place, to B.
        Assert.Equal([("B", 1, 20m), ("A", 2, 20m)], result.Standings.Select(s => (s.Team, s.Rank!.Value, s.Total!.Value)));
    }

    [Fact]
    public void CriterionRounding_PerCard_RoundsEachWeightedTerm()
    {
        // Percent scale, relative weights 1 : 2: a = 1 of 0..3 → 33.33… % × 1/3 = 11.111…, b = 2 of 0..3 → 66.66… % × 2/3 = 44.444….
        var rules = RulesPresets.VakkanjersDefault([new RulesCriterion("a", 0m, 3m, 1m, 1m), new RulesCriterion("b", 0m, 3m, 1m, 2m)]) with
        {
            Rounding = new RoundingRules(1, RoundingMode.HalfUp, [RoundingStage.Criterion]),
        };

        var team = Assert.Single(RulesEngine.Compute(rules, [new("A", "J1", "a", 1m), new("A", "J1", "b", 2m)]).Standings);

        Assert.Equal(11.1m + 44.4m, team.Total);
        Assert.Equal([11.1m, 44.4m], team.Trail.Where(s => s.Kind == TrailKind.Rounded).Select(s => s.Value));
        Assert.Contains(team.Trail, s => s is { Kind: TrailKind.CardTotal, Judge: "J1", Value: 55.5m });
    }

    [Fact]
    public void AbsoluteWeights_OnThePercentScale_MultiplyAsGiven()
    {
        var rules = RulesPresets.VakkanjersDefault([new RulesCriterion("a", 0m, 10m, 1m, 0.5m), new RulesCriterion("b", 0m, 10m, 1m, 2m)]) with { Weights = WeightMode.Absolute };

        var team = Assert.Single(RulesEngine.Compute(rules, [new("A", "J1", "a", 10m), new("A", "J1", "b", 5m)]).Standings);

        Assert.Equal((0.5m * 100m) + (2m * 50m), team.Total);
    }

    [Fact]
    public void WeightedBlend_GivesEachPerformanceItsOwnShares()
    {
        var rules = RulesPresets.Jury80Public20([Show]) with { Rounding = null, Scale = ScoreScale.Raw };
        Mark[] marks =
        [
            new("A", "J", "show", 6m, "1", Panel: "jury"), new("B", "J", "show", 4m, "1", Panel: "jury"),
            new("A", "P", string.Empty, 5m, "1", Panel: "public"), new("B", "P", string.Empty, 5m, "1", Panel: "public"),
        ];

        var a = RulesEngine.Compute(rules, marks).Standings.Single(s => s.Team == "A");

        // Jury 6 of 10 = 60 %, public 5 of 10 = 50 %: 0.8 × 60 + 0.2 × 50 = 58.
        Assert.Equal(58m, a.Total);
        Assert.Equal(58m, a.Performances["1"]);
        Assert.Equal((60m, 50m), (a.Shares["jury"], a.Shares["public"]));
    }

    [Fact]
    public void Zscore_OnTheRawScale_IsNotClamped()
    {
        var rules = RawMean with { Criteria = [new RulesCriterion("show", 0m, 1000m, 1m, 1m)], Panel = new PanelRules(PanelMethod.Zscore) };
        Mark[] marks =
        [
            new("X", "J1", "show", 200m), new("Y", "J1", "show", 0m),
            new("X", "J2", "show", 200m), new("Y", "J2", "show", 0m),
        ];

        var result = RulesEngine.Compute(rules, marks);

        // Both judges: z = +1 for X, −1 for Y; pooled mean 100, SD 100 → 200 (not clamped to 100) and 0.
        Assert.Equal([("X", 200m), ("Y", 0m)], result.Standings.Select(s => (s.Team, Math.Round(s.Total!.Value, 20))));
    }
}
