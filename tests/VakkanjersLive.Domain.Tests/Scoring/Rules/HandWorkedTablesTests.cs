using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>
/// The hand-worked tables of the "Rules model" section of docs/scoring.md, one test per table, named after it and
/// using exactly its numbers.
/// </summary>
public sealed class HandWorkedTablesTests
{
    private static RulesCriterion Criterion(string id, decimal min, decimal max, decimal step, decimal weight = 1m) => new(id, min, max, step, weight);

    private static IEnumerable<Mark> Judges(string team, string criterion, IEnumerable<decimal> values, string performance = "", decimal? factor = null, string panel = "", string prefix = "J") =>
        values.Select((v, i) => new Mark(team, $"{prefix}{i + 1}", criterion, v, performance, factor, panel));

    private static TeamStanding Team(RulesResult result, string team) => result.Standings.Single(s => s.Team == team);

    private static void AssertOrder(RulesResult result, params (string Team, int? Rank, decimal? Total)[] expected) =>
        Assert.Equal(expected, result.Standings.Select(s => (s.Team, s.Rank, s.Total)));

    /// <summary>Table "Half-point steps".</summary>
    [Fact]
    public void HalfPointSteps()
    {
        var rules = RulesPresets.VakkanjersDefault([Criterion("show", 0m, 10m, 0.5m)]) with
        {
            Scale = ScoreScale.Raw,
            Rounding = new RoundingRules(2, RoundingMode.HalfUp, [RoundingStage.Total]),
        };
        Mark[] marks =
        [
            .. Judges("Alpha", "show", [7.5m, 8m, 8.5m]),
            .. Judges("Bravo", "show", [9m, 6.5m, 7m]),
            .. Judges("Charlie", "show", [8.5m, 8.5m, 7.5m]),
        ];

        var result = RulesEngine.Compute(rules, marks);

        AssertOrder(result, ("Charlie", 1, 8.17m), ("Alpha", 2, 8.00m), ("Bravo", 3, 7.50m));
        Assert.Contains(Team(result, "Charlie").Trail, s => s is { Kind: TrailKind.Rounded, Detail: "total", Value: 8.17m } && s.Before > 8.1666m && s.Before < 8.1667m);
        foreach (var (value, code) in new[] { (7.3m, "rules.mark.step"), (7.25m, "rules.mark.step"), (10.5m, "rules.mark.range"), (-0.5m, "rules.mark.range") })
        {
            var problem = Assert.Single(RulesEngine.CheckMark(rules, new Mark("Alpha", "J1", "show", value)));
            Assert.Equal(code, problem.Code);
        }

        Assert.Equal("rules.mark.step", Assert.Throws<DomainException>(() => RulesEngine.Compute(rules, [.. marks, new Mark("Alpha", "J4", "show", 7.3m)])).Code);
    }

    private static readonly decimal[][] AnnaDives =
    [
        [7m, 7.5m, 6.5m, 7m, 8m, 6m, 7m],
        [8m, 8.5m, 8m, 9m, 7.5m, 8m, 8.5m],
        [6m, 5.5m, 6.5m, 6m, 7m, 5m, 6m],
        [9m, 9.5m, 8.5m, 9m, 10m, 9m, 8m],
        [7.5m, 7m, 8m, 7.5m, 7m, 6.5m, 8.5m],
        [4m, 5m, 4.5m, 3.5m, 5.5m, 4.5m, 4m],
    ];

    /// <summary>Table "Diving: drop 2 + 2 of 7 judges, sum the middle 3, times the difficulty, six rounds".</summary>
    [Fact]
    public void Diving_Drop2Plus2Of7Judges_SumTheMiddle3_TimesDifficulty3Point2_SixRounds()
    {
        var rules = RulesPresets.SumOfPanel([Criterion("dive", 0m, 10m, 0.5m)]);
        var marks = new List<Mark>();
        for (var round = 0; round < 6; round++)
        {
            marks.AddRange(Judges("Anna", "dive", AnnaDives[round], $"{round + 1}", 3.2m));
            marks.AddRange(Judges("Bo", "dive", [7m, 7m, 7m, 7m, 7m, 10m, 2m], $"{round + 1}", 3.2m));
        }

        var result = RulesEngine.Compute(rules, marks);

        AssertOrder(result, ("Bo", 1, 403.20m), ("Anna", 2, 401.60m));
        var anna = Team(result, "Anna");
        Assert.Equal([67.20m, 78.40m, 57.60m, 86.40m, 70.40m, 41.60m], anna.Performances.Values);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], result.Performances);

        // Round 1: 6 6.5 | 7 7 7 | 7.5 8 → 21 × 3.2 = 67.2.
        var round1 = anna.Trail.Where(s => s.Performance == "1").ToList();
        Assert.Equal([6m, 6.5m, 7.5m, 8m], round1.Where(s => s.Kind == TrailKind.Dropped).Select(s => s.Value));
        Assert.Equal(["J6", "J3", "J2", "J5"], round1.Where(s => s.Kind == TrailKind.Dropped).Select(s => s.Judge));
        Assert.Contains(round1, s => s is { Kind: TrailKind.PanelValue, Value: 21m });
        Assert.Contains(round1, s => s is { Kind: TrailKind.Factor, Before: 21m, Value: 67.2m, Detail: "3.2" });
        Assert.Equal(401.6m, anna.Panels[string.Empty]);
    }

    /// <summary>Table "Per-criterion trimmed mean of 9 judges, times an absolute factor of 0.8".</summary>
    [Fact]
    public void PerCriterionTrimmedMeanOf9Judges_Rounded_TimesAbsolute0Point8_RoundedAgain_Summed()
    {
        var rules = new ScoringRules(
            [Criterion("composition", 0m, 10m, 0.25m, 0.8m), Criterion("presentation", 0m, 10m, 0.25m, 0.8m)],
            WeightMode.Absolute,
            new PanelRules(PanelMethod.Mean, 1, 1, TrimMode.PerCriterion),
            ScoreScale.Raw,
            new PerformanceRules(),
            new RoundingRules(2, RoundingMode.HalfUp, [RoundingStage.Panel, RoundingStage.Criterion, RoundingStage.Total]),
            null,
            null,
            []);
        Mark[] marks =
        [
            .. Judges("Cato", "composition", [7.25m, 7.50m, 7.75m, 7.00m, 8.00m, 7.50m, 7.25m, 6.75m, 7.50m]),
            .. Judges("Cato", "presentation", [8.00m, 7.75m, 8.25m, 8.00m, 7.50m, 8.50m, 8.00m, 7.75m, 9.00m]),
            .. Judges("Dana", "composition", Enumerable.Repeat(7.00m, 9)),
            .. Judges("Dana", "presentation", Enumerable.Repeat(8.00m, 9)),
        ];

        var result = RulesEngine.Compute(rules, marks);

        AssertOrder(result, ("Cato", 1, 12.34m), ("Dana", 2, 12.00m));
        var cato = Team(result, "Cato").Trail;
        Assert.Equal(
            [("composition", 6.75m), ("composition", 8.00m), ("presentation", 7.50m), ("presentation", 9.00m)],
            cato.Where(s => s.Kind == TrailKind.Dropped).Select(s => (s.Criterion, s.Value)));
        Assert.Equal(
            [("composition", 7.39m), ("composition", 5.91m), ("presentation", 8.04m), ("presentation", 6.43m)],
            cato.Where(s => s.Kind == TrailKind.Rounded && s.Criterion.Length > 0).Select(s => (s.Criterion, s.Value)));
        Assert.Contains(cato, s => s is { Kind: TrailKind.Weighted, Criterion: "composition", Before: 7.39m, Value: 5.912m, Detail: "0.8" });
    }

    private static IEnumerable<Mark> Ballot(string panel, string judge, params string[] teamsInRankOrder) =>
        teamsInRankOrder.Select((team, i) => new Mark(team, judge, string.Empty, i + 1, Panel: panel));

    private static readonly IReadOnlyList<string> FiveTeams = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"];

    private static readonly Mark[] TwoPanelBallots =
    [
        .. Ballot("jury", "J1", "Alpha", "Bravo", "Charlie"),
        .. Ballot("jury", "J2", "Bravo", "Alpha", "Delta"),
        .. Ballot("jury", "J3", "Charlie", "Alpha", "Bravo"),
        .. Ballot("public", "pupils", "Bravo", "Alpha", "Echo"),
        .. Ballot("public", "parents", "Charlie", "Delta", "Echo"),
    ];

    /// <summary>Table "Ranked ballots from two panels, tie broken by the public's points".</summary>
    [Fact]
    public void RankedBallotsFromTwoPanels_12_10_8Points_Summed_TieBrokenByThePublicPanel()
    {
        var result = RulesEngine.Compute(RulesPresets.EurovisionRankedBallots(), TwoPanelBallots, FiveTeams);

        AssertOrder(result, ("Bravo", 1, 42m), ("Alpha", 2, 42m), ("Charlie", 3, 32m), ("Delta", 4, 18m), ("Echo", 5, 16m));
        Assert.Equal(
            [(30m, 12m), (32m, 10m), (20m, 12m), (8m, 10m), (0m, 16m)],
            result.Standings.Select(s => (s.Panels["jury"], s.Panels["public"])));
        Assert.All(result.Standings, s => Assert.False(s.SharedRank));
        // Echo is on no jury ballot: 0 points from each of the 3 jurors; the public's ranks 3 and 3 give 8 + 8.
        var echo = Team(result, "Echo");
        Assert.Contains(echo.Trail, s => s is { Kind: TrailKind.PanelValue, Panel: "jury", Value: 0m });
        Assert.Equal([(3m, 8m), (3m, 8m)], echo.Trail.Where(s => s.Kind == TrailKind.Points).Select(s => (s.Before!.Value, s.Value)));
        Assert.Equal(2, echo.JudgeCount);

        // Without the declared tie-break Alpha and Bravo share first place, in team-list order.
        var untied = RulesEngine.Compute(RulesPresets.EurovisionRankedBallots() with { TieBreaks = [] }, TwoPanelBallots, FiveTeams);
        AssertOrder(untied, ("Alpha", 1, 42m), ("Bravo", 1, 42m), ("Charlie", 3, 32m), ("Delta", 4, 18m), ("Echo", 5, 16m));
        Assert.True(untied.Standings[0].SharedRank && untied.Standings[1].SharedRank);
    }

    /// <summary>Table "Jury 80 % / public 20 % blend".</summary>
    [Fact]
    public void Jury80Public20Blend()
    {
        var rules = RulesPresets.Jury80Public20([Criterion("show", 0m, 10m, 1m)]);
        Mark[] marks =
        [
            .. Judges("Alpha", "show", [8m, 6m], panel: "jury"),
            .. Judges("Bravo", "show", [9m, 9m], panel: "jury"),
            .. Judges("Charlie", "show", [4m, 6m], panel: "jury"),
            .. ClassBallot("4A", ("Alpha", 12m), ("Charlie", 7m), ("Bravo", 2m)),
            .. ClassBallot("4B", ("Alpha", 8m), ("Charlie", 5m), ("Bravo", 4m)),
        ];

        var result = RulesEngine.Compute(rules, marks);

        AssertOrder(result, ("Bravo", 1, 37.44m), ("Alpha", 2, 37.19m), ("Charlie", 3, 25.36m));
        Assert.Equal([(70m, 20m), (90m, 6m), (50m, 12m)], new[] { "Alpha", "Bravo", "Charlie" }.Select(t => (Team(result, t).Panels["jury"], Team(result, t).Panels["public"])));
        var alpha = Team(result, "Alpha");
        Assert.Equal(33.333333m, Math.Round(alpha.Shares["jury"], 6));
        Assert.Equal(52.631579m, Math.Round(alpha.Shares["public"], 6));
        Assert.Contains(alpha.Trail, s => s is { Kind: TrailKind.Rounded, Detail: "total", Value: 37.19m } && Math.Round(s.Before!.Value, 6) == 37.192982m);
    }

    private static IEnumerable<Mark> ClassBallot(string ballot, params (string Team, decimal Points)[] awards) =>
        awards.Select(a => new Mark(a.Team, ballot, string.Empty, a.Points, Panel: "public"));

    /// <summary>Table "minJudges".</summary>
    [Fact]
    public void MinJudges()
    {
        var rules = RulesPresets.VakkanjersDefault([Criterion("show", 0m, 10m, 1m)]) with
        {
            Scale = ScoreScale.Raw,
            Panel = new PanelRules(MinJudges: 3),
        };
        Mark[] marks =
        [
            .. Judges("Alpha", "show", [8m, 7m, 9m]),
            .. Judges("Bravo", "show", [10m, 10m]),
            .. Judges("Charlie", "show", [6m, 7m, 5m]),
        ];

        var result = RulesEngine.Compute(rules, marks, ["Alpha", "Bravo", "Charlie", "Delta"]);

        AssertOrder(result, ("Alpha", 1, 8m), ("Charlie", 2, 6m), ("Bravo", null, 10m), ("Delta", null, null));
        Assert.Equal([(3, false), (3, false), (2, true), (0, true)], result.Standings.Select(s => (s.JudgeCount, s.Incomplete)));
    }

    /// <summary>Table "Rounding on exact half-way values" (the engine part; <see cref="RoundingTests"/> has the helper).</summary>
    [Theory]
    [InlineData(RoundingMode.HalfUp, "0.15", "0.13")]
    [InlineData(RoundingMode.HalfEven, "0.14", "0.12")]
    public void RoundingOnExactHalfWayValues_InTheEngine(RoundingMode mode, string first, string second)
    {
        var rules = RulesPresets.VakkanjersDefault([Criterion("x", 0m, 1m, 0.01m)]) with
        {
            Scale = ScoreScale.Raw,
            Rounding = new RoundingRules(2, mode, [RoundingStage.Total]),
        };
        Mark[] marks = [.. Judges("P", "x", [0.14m, 0.15m]), .. Judges("Q", "x", [0.12m, 0.13m])];

        var result = RulesEngine.Compute(rules, marks);

        Assert.Equal(decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture), Team(result, "P").Total);
        Assert.Equal(decimal.Parse(second, System.Globalization.CultureInfo.InvariantCulture), Team(result, "Q").Total);
    }
}
