using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class JudgingTests
{
    // ---- declared rules per category ---------------------------------------------------------------------------

    private ScoringRules Trimmed => RulesPresets.TrimmedMean(_event.RulesOf(_techniek).Criteria);

    /// <summary>Both Techniek judges score De Bouwers; only Jansen De Makers (Pietersen is conflicted for it).</summary>
    private LiveEvent ScoredTechniek(LiveEvent e)
    {
        e = Opened(Opened(e, _bouwers), _makers);
        e = Scored(e, _jansen, _bouwers, 8, 3);
        e = Scored(e, _pietersen, _bouwers, 6, 2);
        return Scored(e, _jansen, _makers, 9, 4);
    }

    [Fact]
    public void RulesOf_WithoutDeclaredRules_IsTheEventsMethodAsRules()
    {
        var e = _event.Then(_event.SetScoringRules(AggregationMethod.Median, [new TieBreakRule(TieBreakKind.MostFirstPlaces)]));

        Assert.False(e.HasDeclaredRules(_techniek));
        Assert.Equal(RulesPresets.FromRubric(e.RubricLines(), AggregationMethod.Median, e.TieBreaks), e.RulesOf(_techniek));
    }

    [Fact]
    public void Standings_WithoutDeclaredRules_RankAsTheResultsDo()
    {
        var e = ScoredTechniek(_event);

        var standings = e.Standings(_techniek).Standings;
        var results = e.Results(_techniek);

        Assert.Equal(results.Select(r => (r.TeamId.ToString("D"), r.Rank)), standings.Select(s => (s.Team, s.Rank)));
        Assert.All(results.Zip(standings), p => Assert.Equal(p.First.Score!.Value, (double)p.Second.Total!.Value, 9));
    }

    [Fact]
    public void DeclareCategoryRules_ThenApply_RanksThatCategoryOnlyWithTheDeclaredRules()
    {
        var rules = Trimmed with { Panel = new PanelRules(MinJudges: 2) };

        var fact = _event.DeclareCategoryRules(_techniek, rules);
        var e = ScoredTechniek(_event.Then(fact));

        Assert.Equal(_techniek, fact.CategoryId);
        Assert.Equal(rules, RulesJson.Read(fact.Rules));
        Assert.True(e.HasDeclaredRules(_techniek));
        Assert.Equal(rules, e.RulesOf(_techniek));
        Assert.False(e.HasDeclaredRules(_zorg));
        var makers = Assert.Single(e.Standings(_techniek).Standings, s => s.Team == _makers.ToString("D"));
        Assert.True(makers.Incomplete);
        Assert.Null(makers.Rank);
        Assert.Equal(1, e.Standings(_techniek).Standings.Single(s => s.Team == _bouwers.ToString("D")).Rank);
    }

    [Fact]
    public void DeclareCategoryRules_IsOnTheJudgingAuditTrail()
    {
        var fact = _event.DeclareCategoryRules(_techniek, Trimmed);

        var line = FactCatalog.Describe(_event, fact);

        Assert.NotNull(line);
        Assert.Equal(AuditTrail.Judging, line.Trail);
        Assert.Equal("category rules declared", line.Action);
        Assert.Contains("Techniek", line.Values, StringComparison.Ordinal);
        Assert.Contains("dropHighest=1", line.Values, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclareCategoryRules_WithNull_GoesBackToTheEventsMethod()
    {
        var e = _event.Then(_event.DeclareCategoryRules(_techniek, Trimmed));

        var fact = e.DeclareCategoryRules(_techniek, null);
        e = e.Then(fact);

        Assert.Equal(string.Empty, fact.Rules);
        Assert.False(e.HasDeclaredRules(_techniek));
        Assert.Equal("category rules reset", FactCatalog.Describe(e, fact)?.Action);
        Rejected.With("rules.already-default", () => e.DeclareCategoryRules(_techniek, null));
    }

    [Fact]
    public void DeclareCategoryRules_WithInvalidRules_IsRejectedWithTheRulesCode()
    {
        Rejected.With("category.unknown", () => _event.DeclareCategoryRules(Guid.NewGuid(), Trimmed));
        Rejected.With("rules.panel.min-judges", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Panel = new PanelRules(MinJudges: 0) }));
        Rejected.With("rules.rounding.decimals", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Rounding = new RoundingRules(11, RoundingMode.HalfUp, [RoundingStage.Total]) }));
    }

    [Fact]
    public void DeclareCategoryRules_ThatTheScorecardsCannotCarry_IsRejected()
    {
        var criteria = Trimmed.Criteria;
        Rejected.With("rules.web.criterion-unknown", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Criteria = [.. criteria, new RulesCriterion("extra", 0, 10, 1, 1)] }));
        Rejected.With("rules.web.criterion-differs", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Criteria = [criteria[0] with { Max = 20 }, criteria[1]] }));
        Rejected.With("rules.web.criterion-differs", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Criteria = [criteria[0] with { Weight = 5 }, criteria[1]] }));
        Rejected.With("rules.web.criterion-missing", () => _event.DeclareCategoryRules(_techniek, Trimmed with { Criteria = [criteria[0]] }));
    }

    [Fact]
    public void DeclareCategoryRules_AfterARealReveal_IsRejected_AfterARehearsalAccepted()
    {
        var e = ScoredTechniek(_event);
        var rehearsed = e.Then(e.PrepareReveal(_techniek, rehearsal: true));
        _ = rehearsed.DeclareCategoryRules(_techniek, Trimmed);

        e = e.Then(e.LockRound(_eventId));

        // The readiness checklist (method not chosen) is overridden: this test is about what a freeze fixes.
        e = e.Then(e.PrepareReveal(_techniek, rehearsal: false, overrideReason: "test"));

        Rejected.With("rules.reveal-frozen", () => e.DeclareCategoryRules(_techniek, Trimmed));
        Rejected.With("rules.reveal-frozen", () => e.DeclareCategoryRules(_techniek, null));
        _ = e.DeclareCategoryRules(_zorg, RulesPresets.TrimmedMean(e.RulesOf(_zorg).Criteria));
    }

    [Fact]
    public void PrepareReveal_UsesTheDeclaredRules()
    {
        var e = _event.Then(_event.DeclareCategoryRules(_techniek, Trimmed with { Panel = new PanelRules(MinJudges: 2) }));
        e = ScoredTechniek(e);

        var reveal = e.PrepareReveal(_techniek, rehearsal: true);

        Assert.Equal(_bouwers, Assert.Single(reveal.Entries).TeamId);
    }

    [Fact]
    public void SubmitScore_OffTheDeclaredStep_IsRejected()
    {
        var criteria = Trimmed.Criteria;
        var e = _event.Then(_event.DeclareCategoryRules(_techniek, Trimmed with { Criteria = [criteria[0], criteria[1] with { Step = 2 }] }));
        e = Opened(e, _bouwers);

        Rejected.With("score.value.off-step", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null));
        _ = e.SubmitScore(_jansen, _bouwers, Values(8, 4), null, null);
    }

    private LiveEvent HalfPoints(decimal step = 0.5m)
    {
        var criteria = Trimmed.Criteria;
        return _event.Then(_event.DeclareCategoryRules(_techniek, RulesPresets.VakkanjersDefault([criteria[0] with { Step = step }, criteria[1] with { Step = step }])));
    }

    private List<CriterionScore> Values(decimal idee, decimal presentatie) =>
        [new CriterionScore(_idee, idee, ""), new CriterionScore(_presentatie, presentatie, "")];

    [Theory]
    [InlineData(0.5, 7.5, 2.5)]
    [InlineData(0.25, 7.75, 0.25)]
    [InlineData(0.1, 9.9, 3.7)]
    public void SubmitScore_WithADeclaredStepOffTheWholeNumber_KeepsTheDecimalValue(double step, double idee, double presentatie)
    {
        var e = Opened(HalfPoints((decimal)step), _bouwers);

        var fact = e.SubmitScore(_jansen, _bouwers, Values((decimal)idee, (decimal)presentatie), null, null);
        e = e.Then(fact);

        Assert.Equal([(decimal)idee, (decimal)presentatie], fact.Scores.Select(s => s.Value));
        Assert.Equal((decimal)idee, e.ScorecardOf(_jansen, _bouwers)!.Scores[0].Value);
        Assert.Contains($"Idee={((decimal)idee).ToString(System.Globalization.CultureInfo.InvariantCulture)}", FactCatalog.Describe(e, fact)!.Values, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitScore_OffAHalfPointStep_IsRejected_AndWithoutDeclaredRulesOnlyWholeNumbersCount()
    {
        var e = Opened(HalfPoints(), _bouwers);

        Rejected.With("score.value.off-step", () => e.SubmitScore(_jansen, _bouwers, Values(7.3m, 2), null, null));
        Rejected.With("score.value.off-step", () => e.SubmitScore(_jansen, _bouwers, Values(7.25m, 2), null, null));
        Rejected.With("score.value.out-of-range", () => e.SubmitScore(_jansen, _bouwers, Values(10.5m, 2), null, null));
        Rejected.With("score.value.off-step", () => Opened(_event, _bouwers).SubmitScore(_jansen, _bouwers, Values(7.5m, 2), null, null));
        Rejected.With("score.value.off-step", () => Opened(_event, _bouwers).EnterPaperScore(_jansen, _bouwers, Values(7, 2.5m), null));
    }

    [Fact]
    public void Standings_WithHalfPoints_RankOnTheDecimalValues()
    {
        var e = Opened(Opened(HalfPoints(), _bouwers), _makers);
        e = e.Then(e.SubmitScore(_jansen, _bouwers, Values(7.5m, 2), null, null));
        e = e.Then(e.SubmitScore(_jansen, _makers, Values(7, 2.5m), null, null));

        var standings = e.Standings(_techniek).Standings;

        // Idee 3 × (v − 1) / 9, Presentatie 1 × v / 4, over 4, × 100: 7.5 and 2 → (3 × 6.5/9 + 0.5) / 4 × 100 = 66.666…
        Assert.Equal(_bouwers.ToString("D"), standings[0].Team);
        Assert.Equal(66.6667m, Math.Round(standings[0].Total!.Value, 4));
        Assert.Equal(7.5m, e.MarksOf(_techniek).First(m => m.Team == _bouwers.ToString("D") && m.Criterion == _idee.ToString("D")).Value);
        Assert.Equal(66.6667, Math.Round(e.Results(_techniek)[0].Score!.Value, 4));
    }

    [Fact]
    public void EnterPaperScore_IsAScorecardMarkedFromPaper_OnTheAuditTrail()
    {
        var e = Opened(_event, _bouwers);

        var fact = e.EnterPaperScore(_jansen, _bouwers, Values(8, 3), null);
        e = e.Then(fact);

        Assert.True(fact.FromPaper);
        Assert.False(fact.IsCorrection);
        Assert.NotNull(e.ScorecardOf(_jansen, _bouwers));
        Assert.Equal("score submitted from paper", FactCatalog.Describe(e, fact)?.Action);
        Rejected.With("score.reason.required", () => e.EnterPaperScore(_jansen, _bouwers, Values(7, 3), null));
        Assert.Equal("score corrected from paper", FactCatalog.Describe(e, e.EnterPaperScore(_jansen, _bouwers, Values(7, 3), "Papieren formulier"))?.Action);
        Rejected.With("score.conflicted", () => Opened(e, _makers).EnterPaperScore(_pietersen, _makers, Values(7, 3), null));
    }
}
