using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class JudgingTests
{
    // ---- several performances per team, each with a factor -------------------------------------------------------

    /// <summary>Techniek with three performances, raw scale, summed, the panel's mean per performance times its factor.</summary>
    private LiveEvent ThreeDives()
    {
        var criteria = Trimmed.Criteria;
        var rules = RulesPresets.VakkanjersDefault(criteria) with
        {
            Scale = ScoreScale.Raw,
            Performances = new PerformanceRules(PerformanceCombine.Sum, 3),
            Rounding = new RoundingRules(2, RoundingMode.HalfUp, [RoundingStage.Performance, RoundingStage.Total]),
        };
        var e = _event.Then(_event.DeclareCategoryRules(_techniek, rules));
        return Opened(Opened(e, _bouwers), _makers);
    }

    private static LiveEvent Dive(LiveEvent e, Guid judge, Guid team, string performance, int idee, int presentatie) =>
        e.Then(e.SubmitScore(judge, team, [new CriterionScore(e.Rubric[0].Id, idee, ""), new CriterionScore(e.Rubric[1].Id, presentatie, "")], null, null, performance: performance));

    [Fact]
    public void DeclareCategoryRules_WithSeveralPerformances_IsAccepted_AndTheCountIsInTheRulesFile()
    {
        var e = ThreeDives();

        Assert.Equal(["1", "2", "3"], e.PerformancesOf(_techniek));
        Assert.Equal([string.Empty], e.PerformancesOf(_zorg));
        Assert.Contains("\"count\": 3", RulesJson.Write(e.RulesOf(_techniek)), StringComparison.Ordinal);
        Assert.DoesNotContain("\"count\"", RulesJson.Write(e.RulesOf(_zorg)), StringComparison.Ordinal);
        Rejected.With("rules.performances.count", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Performances = new PerformanceRules(Count: 21) }));
        Rejected.With("rules.performances.count", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Performances = new PerformanceRules(Count: 0) }));
    }

    [Fact]
    public void SubmitScore_WithSeveralPerformances_NeedsOneOfThem_AndKeepsACardPerPerformance()
    {
        var e = ThreeDives();

        Rejected.With("score.performance.unknown", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null));
        Rejected.With("score.performance.unknown", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null, performance: "4"));
        Rejected.With("score.performance.unknown", () => _event.Then(_event.OpenJudging(_bouwers)).SubmitScore(_jansen, _bouwers, Values(8, 3), null, null, performance: "1"));
        var fact = e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null, performance: " 2 ");
        e = e.Then(fact);
        e = Dive(e, _jansen, _bouwers, "1", 6, 2);

        Assert.Equal("2", fact.Performance);
        Assert.Equal(8m, e.PerformanceCardOf(_jansen, _bouwers, "2")!.Scores[0].Value);
        Assert.Equal(6m, e.PerformanceCardOf(_jansen, _bouwers, "1")!.Scores[0].Value);
        Assert.Null(e.ScorecardOf(_jansen, _bouwers));
        Assert.Contains(_jansen, e.MissingScorecards(_bouwers).Select(j => j.Id));
        Assert.Equal("performance 2: Idee=8, Presentatie=3", FactCatalog.Describe(e, fact)!.Values);

        // A correction of one performance needs a reason; the other performances stay.
        Rejected.With("score.reason.required", () => e.SubmitScore(_jansen, _bouwers, Values(9, 3), null, null, performance: "2"));
        e = e.Then(e.SubmitScore(_jansen, _bouwers, Values(9, 3), null, "typfout", performance: "2"));
        Assert.Equal(2, e.PerformanceCardOf(_jansen, _bouwers, "2")!.Revision);
        Assert.Equal(1, e.PerformanceCardOf(_jansen, _bouwers, "1")!.Revision);

        // Once every performance is scored the judge's whole card exists: the mean per criterion.
        e = Dive(e, _jansen, _bouwers, "3", 7, 4);
        var whole = e.ScorecardOf(_jansen, _bouwers)!;
        Assert.Equal([(6m + 9m + 7m) / 3m, 3m], whole.Scores.Select(s => s.Value));
        Assert.Equal(4, whole.Revision);
        Assert.DoesNotContain(_jansen, e.MissingScorecards(_bouwers).Select(j => j.Id));
        Assert.Single(e.CountedScores(_techniek));
    }

    [Fact]
    public void SetPerformanceFactor_IsValidated_AndReachesTheEngine()
    {
        var e = ThreeDives();

        Rejected.With("factor.out-of-range", () => e.SetPerformanceFactor(_bouwers, "1", 0m));
        Rejected.With("factor.out-of-range", () => e.SetPerformanceFactor(_bouwers, "1", -1.5m));
        Rejected.With("factor.out-of-range", () => e.SetPerformanceFactor(_bouwers, "1", 1000.5m));
        Rejected.With("factor.performance.unknown", () => e.SetPerformanceFactor(_bouwers, "7", 2m));
        Rejected.With("factor.performance.unknown", () => e.SetPerformanceFactor(_zorgdragers, "1", 2m));
        Rejected.With("team.unknown", () => e.SetPerformanceFactor(Guid.NewGuid(), "1", 2m));
        var fact = e.SetPerformanceFactor(_bouwers, "2", 3.2m);
        e = e.Then(fact);
        Rejected.With("factor.unchanged", () => e.SetPerformanceFactor(_bouwers, "2", 3.2m));
        Assert.Equal(3.2m, e.FactorOf(_bouwers, "2"));
        Assert.Null(e.FactorOf(_makers, "2"));
        Assert.Equal("performance factor set", FactCatalog.Describe(e, fact)!.Action);
        Assert.Equal("performance 2: 3.2", FactCatalog.Describe(e, fact)!.Values);

        foreach (var judge in new[] { _jansen, _pietersen })
        {
            e = Dive(Dive(Dive(e, judge, _bouwers, "1", 7, 2), judge, _bouwers, "2", 8, 3), judge, _bouwers, "3", 6, 4);
        }

        e = Dive(Dive(Dive(e, _jansen, _makers, "1", 10, 4), _jansen, _makers, "2", 10, 4), _jansen, _makers, "3", 10, 4);

        var marks = e.MarksOf(_techniek);
        Assert.All(marks.Where(m => m.Team == _bouwers.ToString("D") && m.Performance == "2"), m => Assert.Equal(3.2m, m.Factor));
        Assert.All(marks.Where(m => m.Performance != "2"), m => Assert.Null(m.Factor));

        // Raw relative weights 3 : 1 per card: (3 · idee + presentatie) / 4. Bouwers, mean of two equal cards:
        // 1: (21 + 2) / 4 = 5.75; 2: (24 + 3) / 4 = 6.75 × 3.2 = 21.60; 3: (18 + 4) / 4 = 5.50 → 32.85.
        // Makers: (30 + 4) / 4 = 8.50 three times → 25.50.
        var standings = e.Standings(_techniek);
        var bouwers = standings.Standings[0];
        Assert.Equal(_bouwers.ToString("D"), bouwers.Team);
        Assert.Equal(32.85m, bouwers.Total);
        Assert.Equal(21.60m, bouwers.Performances["2"]);
        Assert.Contains(bouwers.Trail, t => t.Kind == TrailKind.Factor && t.Performance == "2" && t.Value == 21.6m);
        Assert.Equal(25.50m, standings.Standings[1].Total);
        Assert.Equal(["1", "2", "3"], standings.Performances);

        // Taking the factor back to 1.
        e = e.Then(e.SetPerformanceFactor(_bouwers, "2", null));
        Assert.Equal(18m, e.Standings(_techniek).Standings.Single(s => s.Team == _bouwers.ToString("D")).Total);
    }

    [Fact]
    public void ScoresOfOnePerformanceCategory_DoNotCountOnceTheRulesDeclareSeveral_AndOtherCategoriesAreUnchanged()
    {
        var e = ScoredTechniek(_event);
        var before = e.Standings(_techniek);

        var several = e.Then(e.DeclareCategoryRules(_techniek, Trimmed with { Performances = new PerformanceRules(Count: 2) }));

        Assert.Empty(several.MarksOf(_techniek));
        Assert.All(several.Standings(_techniek).Standings, s => Assert.Null(s.Total));
        Assert.Equal(before.Standings.Select(s => s.Total), several.Then(several.DeclareCategoryRules(_techniek, null)).Standings(_techniek).Standings.Select(s => s.Total));
    }
}
