using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>Sign-off per category and the readiness checklist before a freeze (issue 13, items 5 and 6).</summary>
public sealed partial class JudgingTests
{
    // ---- sign-off per category ---------------------------------------------------------------------------------

    [Fact]
    public void LockCategory_StopsScoringInThatCategoryOnly()
    {
        var e = Opened(Opened(_event, _bouwers), _zorgdragers);
        var fact = e.LockCategory(_techniek);
        e = e.Then(fact);

        Assert.Equal(new CategoryLocked(_eventId, _techniek), fact);
        Assert.True(e.IsCategoryLocked(_techniek));
        Assert.False(e.IsCategoryLocked(_zorg));
        Rejected.With("score.category-locked", () => e.SubmitScore(_jansen, _bouwers, Values(7, 2), null, null));
        Rejected.With("score.category-locked", () => e.DeclareConflict(_jansen, _bouwers, null));
        Rejected.With("score.category-locked", () => e.OpenJudging(_makers));
        Rejected.With("category.locked", () => e.LockCategory(_techniek));
        e = Scored(e, _deVries, _zorgdragers, 7, 2);
        Assert.NotNull(e.ScorecardOf(_deVries, _zorgdragers));
    }

    [Fact]
    public void JudgingStatus_OfALockedCategorysTeams_IsLocked_NotOpen()
    {
        var e = Opened(Opened(_event, _bouwers), _zorgdragers);
        e = e.Then(e.LockCategory(_techniek));

        Assert.Equal(JudgingState.Locked, e.JudgingStatusOf(_bouwers));
        Assert.Equal(JudgingState.Locked, e.JudgingStatusOf(_makers));
        Assert.Equal(JudgingState.Open, e.JudgingStatusOf(_zorgdragers));
        Assert.Equal(JudgingState.Open, e.JudgingOf(_bouwers));
    }

    [Fact]
    public void LockCategoryAsChair_OnlyTheChair_LocksOnlyTheirOwnCategory()
    {
        Rejected.With("category.lock.chair-only", () => _event.LockCategoryAsChair(_pietersen));
        Rejected.With("judge.unknown", () => _event.LockCategoryAsChair(Guid.NewGuid()));

        Assert.Equal(new CategoryLocked(_eventId, _techniek), _event.LockCategoryAsChair(_jansen));
        Assert.Equal(new CategoryLocked(_eventId, _zorg), _event.LockCategoryAsChair(_deVries));
    }

    [Fact]
    public void UnlockCategory_ReopensScoring_ButNotAfterTheFreeze()
    {
        var e = Opened(_event, _bouwers);
        Rejected.With("category.not-locked", () => e.UnlockCategory(_techniek));
        e = e.Then(e.LockCategory(_techniek));
        e = e.Then(e.UnlockCategory(_techniek));
        Assert.False(e.IsCategoryLocked(_techniek));
        e = Scored(Scored(e, _jansen, _bouwers, 7, 2), _pietersen, _bouwers, 7, 2);

        e = e.Then(e.LockCategory(_techniek));
        e = e.Then(e.PrepareReveal(_techniek, rehearsal: false, overrideReason: "De Makers deden niet mee"));
        Rejected.With("reveal.already", () => e.UnlockCategory(_techniek));
    }

    [Fact]
    public void RoundLock_StillLocksEveryCategory()
    {
        var e = Opened(_event, _zorgdragers);
        e = e.Then(e.LockRound(_eventId));

        Assert.True(e.IsCategoryLocked(_techniek));
        Assert.True(e.IsCategoryLocked(_zorg));
        Assert.Equal(JudgingState.Locked, e.JudgingStatusOf(_zorgdragers));
        Rejected.With("round.locked", () => e.LockCategory(_zorg));
        Rejected.With("score.round-locked", () => e.SubmitScore(_deVries, _zorgdragers, Values(7, 2), null, null));
    }

    [Fact]
    public void CategoryLock_IsPerRound()
    {
        var (voorronde, finale) = (Guid.NewGuid(), Guid.NewGuid());
        var e = _event.Then(_event.AddRound(voorronde, "Voorronde"));
        e = e.Then(e.AddRound(finale, "Finale"));
        e = Opened(e, _bouwers);
        e = e.Then(e.LockCategory(_techniek));
        Assert.Equal(voorronde, Assert.Single(e.Judging.LockedCategories).Round);
        e = e.Then(e.LockRound(voorronde));

        Assert.False(e.IsCategoryLocked(_techniek));
        e = Scored(e, _jansen, _bouwers, 7, 2);
        Assert.Equal(finale, e.ScorecardOf(_jansen, _bouwers)!.RoundId);
    }

    // ---- readiness ---------------------------------------------------------------------------------------------

    /// <summary>Techniek fully scored (De Bouwers by both judges, De Makers by Jansen: Pietersen is of its school), the method chosen.</summary>
    private LiveEvent ReadyTechniek()
    {
        var e = Opened(Opened(_event, _bouwers), _makers);
        e = Scored(Scored(e, _jansen, _bouwers, 8, 2), _pietersen, _bouwers, 8, 3);
        e = Scored(e, _jansen, _makers, 5, 1);
        return e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));
    }

    [Fact]
    public void Readiness_OfAFullyScoredCategoryWithAChosenMethod_IsReady()
    {
        var readiness = ReadyTechniek().ReadinessOf(_techniek);

        Assert.True(readiness.IsReady, string.Join(", ", readiness.Issues));
    }

    [Fact]
    public void Readiness_ATeamWithFewerScorecardsThanNonConflictedJudges_IsNotReady()
    {
        var e = Opened(Opened(_event, _bouwers), _makers);
        e = Scored(e, _jansen, _bouwers, 8, 2);
        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));

        var issues = e.ReadinessOf(_techniek).Issues;

        // De Bouwers: 1 of 2 judges; De Makers: none of 1 (Pietersen is of its school, so not needed).
        Assert.Equal(
            [new ReadinessIssue(ReadinessRule.Scorecards, _bouwers, Have: 1, Need: 2), new ReadinessIssue(ReadinessRule.Scorecards, _makers, Have: 0, Need: 1)],
            issues);
    }

    [Fact]
    public void Readiness_TheMinimumIsConfigurablePerCategory()
    {
        var e = Opened(Opened(_event, _bouwers), _makers);
        e = Scored(Scored(e, _jansen, _bouwers, 8, 2), _jansen, _makers, 5, 1);
        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));
        Assert.False(e.ReadinessOf(_techniek).Passes(ReadinessRule.Scorecards));

        e = e.Then(e.SetMinimumScorecards(_techniek, 1));

        Assert.True(e.ReadinessOf(_techniek).IsReady);
        Assert.Equal(1, e.ConfiguredMinimumOf(_techniek));
        Rejected.With("readiness.minimum.out-of-range", () => e.SetMinimumScorecards(_techniek, 0));
        e = e.Then(e.SetMinimumScorecards(_techniek, null));
        Assert.False(e.ReadinessOf(_techniek).Passes(ReadinessRule.Scorecards));
    }

    [Fact]
    public void Readiness_TheMethodMustBeChosen()
    {
        var e = Opened(Opened(_event, _bouwers), _makers);
        e = Scored(Scored(e, _jansen, _bouwers, 8, 2), _pietersen, _bouwers, 8, 3);
        e = Scored(e, _jansen, _makers, 5, 1);

        Assert.Equal([new ReadinessIssue(ReadinessRule.Method)], e.ReadinessOf(_techniek).Issues);
        e = e.Then(e.ChooseMethod(AggregationMethod.Median));
        Assert.Equal(AggregationMethod.Median, e.Aggregation);
        Assert.True(e.ReadinessOf(_techniek).IsReady);
    }

    [Fact]
    public void Readiness_ATieTheTieBreaksDoNotResolve_IsNotReady_UntilOneDoes()
    {
        var e = Opened(Opened(_event, _bouwers), _makers);

        // All three totals are 50: De Bouwers (7,0) and (4,4), De Makers (7,0). Idee means 5.5 and 7.
        e = Scored(Scored(e, _jansen, _bouwers, 7, 0), _pietersen, _bouwers, 4, 4);
        e = Scored(e, _jansen, _makers, 7, 0);
        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));

        Assert.Equal([ReadinessRule.Ties, ReadinessRule.Ties], e.ReadinessOf(_techniek).Issues.Select(i => i.Rule));
        e = e.Then(e.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, _idee)]));
        Assert.True(e.ReadinessOf(_techniek).IsReady);
    }

    [Fact]
    public void Readiness_AnOutlier_MustBeAcknowledged_OrReChecked()
    {
        // Two more Techniek judges, so De Bouwers has four scorecards and De Makers three.
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var e = _event.Then(_event.AppointJudge(a, "Dhr. Ahmadi", _techniek, null, false));
        e = e.Then(e.AppointJudge(b, "Mevr. Bakker", _techniek, null, false));
        e = Opened(Opened(e, _bouwers), _makers);
        foreach (var judge in new[] { _jansen, _pietersen, a })
        {
            e = Scored(e, judge, _bouwers, 10, 0);
        }

        e = Scored(e, b, _bouwers, 1, 0); // 0 against three times 75: z ≈ −2.3
        foreach (var judge in new[] { _jansen, a, b })
        {
            e = Scored(e, judge, _makers, 7, 0);
        }

        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));
        Assert.Equal([new ReadinessIssue(ReadinessRule.Outliers, _bouwers, b)], e.ReadinessOf(_techniek).Issues);
        Rejected.With("outlier.unknown", () => e.AcknowledgeOutlier(a, _bouwers, null));

        var acknowledged = e.Then(e.AcknowledgeOutlier(b, _bouwers, "Heeft het nagerekend"));
        Assert.True(acknowledged.ReadinessOf(_techniek).IsReady);
        Rejected.With("outlier.already-acknowledged", () => acknowledged.AcknowledgeOutlier(b, _bouwers, null));

        // A correction is a new revision: checked again, and still standing out it needs a new acknowledgement.
        var stillOut = Scored(acknowledged, b, _bouwers, 1, 1, "Presentatie verkeerd");
        Assert.False(stillOut.ReadinessOf(_techniek).Passes(ReadinessRule.Outliers));

        // Re-checked: corrected so it no longer stands out.
        var corrected = Scored(e, b, _bouwers, 10, 0, "Verkeerde rij aangetikt");
        Assert.True(corrected.ReadinessOf(_techniek).IsReady);
    }

    // ---- the freeze --------------------------------------------------------------------------------------------

    [Fact]
    public void PrepareReveal_OfAnUnreadyCategory_IsRefused_UnlessOverriddenWithAReason()
    {
        var e = Opened(Opened(_event, _bouwers), _makers);
        e = Scored(Scored(e, _jansen, _bouwers, 8, 2), _jansen, _makers, 5, 1);
        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));
        e = e.Then(e.LockCategory(_techniek));

        Rejected.With("reveal.not-ready", () => e.PrepareReveal(_techniek, rehearsal: false));
        Rejected.With("reveal.not-ready", () => e.PrepareReveal(_techniek, rehearsal: false, overrideReason: "   "));
        Assert.True(e.PrepareReveal(_techniek, rehearsal: true).Rehearsal);

        var fact = e.PrepareReveal(_techniek, rehearsal: false, overrideReason: "Dhr. Pietersen is ziek naar huis");

        Assert.Equal("Dhr. Pietersen is ziek naar huis", fact.OverrideReason);
        Assert.Equal(["scorecards De Bouwers 1/2"], fact.Overridden);
        var line = FactCatalog.Describe(e, fact)!;
        Assert.Equal(AuditTrail.Judging, line.Trail);
        Assert.Equal("results frozen with override", line.Action);
        Assert.Equal("Dhr. Pietersen is ziek naar huis", line.Reason);
        Assert.Equal("Techniek; scorecards De Bouwers 1/2", line.Values);
    }

    [Fact]
    public void PrepareReveal_OfAReadyLockedCategory_NeedsNoOverride_WhileOthersStillJudge()
    {
        var e = ReadyTechniek();
        e = Opened(e, _zorgdragers);
        Rejected.With("reveal.round-not-locked", () => e.PrepareReveal(_techniek, rehearsal: false));
        e = e.Then(e.LockCategory(_techniek));

        var fact = e.PrepareReveal(_techniek, rehearsal: false);
        e = e.Then(fact);

        Assert.Equal(string.Empty, fact.OverrideReason);
        Assert.Null(fact.Overridden);
        Assert.Equal("results frozen", FactCatalog.Describe(e, fact)!.Action);
        e = Scored(e, _deVries, _zorgdragers, 6, 1);
        Assert.NotNull(e.ScorecardOf(_deVries, _zorgdragers));
        Assert.Null(FactCatalog.Describe(e, e.PrepareReveal(_zorg, rehearsal: true)));
    }

    [Fact]
    public void TheOfficialMethod_CannotChange_AfterAFreeze()
    {
        var e = ReadyTechniek();
        e = e.Then(e.LockCategory(_techniek));
        e = e.Then(e.PrepareReveal(_techniek, rehearsal: false));

        Rejected.With("scoring.frozen", () => e.ChooseMethod(AggregationMethod.TrimmedMean));
        Rejected.With("scoring.frozen", () => e.SetScoringRules(AggregationMethod.TrimmedMean, []));
        Rejected.With("reveal.already", () => e.SetMinimumScorecards(_techniek, 1));
    }

    [Fact]
    public void ChoosingTheMethod_IsOnTheJudgingAuditTrail()
    {
        var fact = _event.ChooseMethod(AggregationMethod.TrimmedMean);

        var line = FactCatalog.Describe(_event, fact)!;
        Assert.Equal(AuditTrail.Judging, line.Trail);
        Assert.Equal("official method chosen", line.Action);
        Assert.Equal("TrimmedMean", line.Values);
    }
}
