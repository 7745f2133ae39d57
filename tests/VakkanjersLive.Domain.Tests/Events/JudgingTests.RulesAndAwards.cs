using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class JudgingTests
{
    // ---- scoring rules -----------------------------------------------------------------------------------------

    [Fact]
    public void ScoringRules_ByDefault_AreTheWeightedMeanWithoutTieBreaks()
    {
        Assert.Equal(AggregationMethod.WeightedMean, _event.Aggregation);
        Assert.Empty(_event.TieBreaks);
    }

    [Fact]
    public void SetScoringRules_ThenApply_StoresMethodAndTieBreaksInOrder()
    {
        var fact = _event.SetScoringRules(AggregationMethod.Median, [new TieBreakRule(TieBreakKind.HighestCriterion, _idee), new TieBreakRule(TieBreakKind.MostFirstPlaces)]);
        var e = _event.Then(fact);

        Assert.Equal(AggregationMethod.Median, fact.Method);
        Assert.Equal(AggregationMethod.Median, e.Aggregation);
        Assert.Equal([new TieBreakRule(TieBreakKind.HighestCriterion, _idee), new TieBreakRule(TieBreakKind.MostFirstPlaces)], e.TieBreaks);
    }

    [Fact]
    public void SetScoringRules_WithoutTieBreaks_ClearsEarlierTieBreaks()
    {
        var e = _event.Then(_event.SetScoringRules(AggregationMethod.Median, [new TieBreakRule(TieBreakKind.MostFirstPlaces)]));

        e = e.Then(e.SetScoringRules(AggregationMethod.TrimmedMean, []));

        Assert.Equal(AggregationMethod.TrimmedMean, e.Aggregation);
        Assert.Empty(e.TieBreaks);
    }

    [Fact]
    public void SetScoringRules_WithHighestCriterionWithoutCriterion_IsRejected()
    {
        Rejected.With("scoring.tie-break.invalid", () => _event.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion)]));
    }

    [Fact]
    public void SetScoringRules_WithHighestCriterionOfUnknownCriterion_IsRejected()
    {
        Rejected.With("scoring.tie-break.invalid", () => _event.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, Guid.NewGuid())]));
    }

    [Fact]
    public void SetScoringRules_WithUndefinedTieBreakKind_IsRejected()
    {
        Rejected.With("scoring.tie-break.invalid", () => _event.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule((TieBreakKind)42)]));
    }

    [Fact]
    public void SetScoringRules_WithUndefinedMethod_IsRejected()
    {
        Rejected.With("scoring.method.invalid", () => _event.SetScoringRules((AggregationMethod)42, []));
    }

    [Fact]
    public void SetScoringRules_WithTheSameRuleTwice_IsRejected()
    {
        Rejected.With("scoring.tie-break.duplicate", () => _event.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.MostFirstPlaces), new TieBreakRule(TieBreakKind.MostFirstPlaces)]));
        Rejected.With("scoring.tie-break.duplicate", () => _event.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, _idee), new TieBreakRule(TieBreakKind.HighestCriterion, _idee)]));
    }

    [Fact]
    public void SetScoringRules_WithHighestCriterionOnTwoDifferentCriteria_IsAccepted()
    {
        var fact = _event.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, _idee), new TieBreakRule(TieBreakKind.HighestCriterion, _presentatie)]);

        Assert.Equal(2, fact.TieBreaks.Count);
    }

    // ---- awards ------------------------------------------------------------------------------------------------

    [Fact]
    public void GrantAward_ThenApply_AddsTheAward()
    {
        var id = Guid.NewGuid();

        var fact = _event.GrantAward(id, _techniek, _bouwers, AwardKind.First, "  Beste project ");
        var e = _event.Then(fact);

        Assert.Equal(new AwardGranted(id, _techniek, _bouwers, AwardKind.First, "Beste project"), fact);
        Assert.Equal(new Award(id, _techniek, _bouwers, AwardKind.First, "Beste project"), Assert.Single(e.Awards));
    }

    [Fact]
    public void GrantAward_ForAPlaceWithoutTitle_IsAccepted()
    {
        Assert.Equal(string.Empty, _event.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.Second, null).Title);
    }

    [Fact]
    public void GrantAward_ForAPlaceAlreadyTaken_IsRejected()
    {
        var e = _event.Then(_event.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.First, null));

        Rejected.With("award.place-taken", () => e.GrantAward(Guid.NewGuid(), _techniek, _makers, AwardKind.First, null));
    }

    [Fact]
    public void GrantAward_ForTheSamePlaceInAnotherCategory_IsAccepted()
    {
        var e = _event.Then(_event.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.First, null));

        e = e.Then(e.GrantAward(Guid.NewGuid(), _zorg, _zorgdragers, AwardKind.First, null));

        Assert.Equal(2, e.Awards.Count);
    }

    [Fact]
    public void GrantAward_ASecondPlaceToAnAlreadyPlacedTeam_IsRejected()
    {
        var e = _event.Then(_event.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.First, null));

        Rejected.With("award.team-already-placed", () => e.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.Second, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void GrantAward_SpecialMentionWithoutTitle_IsRejected(string? title)
    {
        Rejected.With("award.title.required", () => _event.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.SpecialMention, title));
    }

    [Fact]
    public void GrantAward_SeveralSpecialMentions_AreAllowedEvenForAPlacedTeam()
    {
        var e = _event.Then(_event.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.First, null));
        e = e.Then(e.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.SpecialMention, "Publieksprijs"));
        e = e.Then(e.GrantAward(Guid.NewGuid(), _techniek, _makers, AwardKind.SpecialMention, "Duurzaamheid"));

        e = e.Then(e.GrantAward(Guid.NewGuid(), _techniek, _makers, AwardKind.Second, null));

        Assert.Equal(
            [(_bouwers, AwardKind.First), (_bouwers, AwardKind.SpecialMention), (_makers, AwardKind.SpecialMention), (_makers, AwardKind.Second)],
            e.Awards.Select(a => (a.TeamId, a.Kind)));
    }

    [Fact]
    public void GrantAward_ToTeamOfAnotherCategory_IsRejected()
    {
        Rejected.With("award.team-not-in-category", () => _event.GrantAward(Guid.NewGuid(), _techniek, _zorgdragers, AwardKind.First, null));
    }

    [Fact]
    public void GrantAward_InUnknownCategory_IsRejected()
    {
        Rejected.With("category.unknown", () => _event.GrantAward(Guid.NewGuid(), Guid.NewGuid(), _bouwers, AwardKind.First, null));
    }

    [Fact]
    public void GrantAward_WithUndefinedKind_IsRejected()
    {
        Rejected.With("award.kind.invalid", () => _event.GrantAward(Guid.NewGuid(), _techniek, _bouwers, (AwardKind)42, "Titel"));
    }

    [Fact]
    public void GrantAward_WithEmptyOrExistingId_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.GrantAward(id, _techniek, _bouwers, AwardKind.SpecialMention, "Publieksprijs"));

        Rejected.With("id.invalid", () => e.GrantAward(Guid.Empty, _techniek, _makers, AwardKind.First, null));
        Rejected.With("id.invalid", () => e.GrantAward(id, _techniek, _makers, AwardKind.First, null));
    }

    [Fact]
    public void WithdrawAward_OfUnknownAward_IsRejected()
    {
        Rejected.With("award.unknown", () => _event.WithdrawAward(Guid.NewGuid()));
    }

    [Fact]
    public void WithdrawAward_ThenApply_FreesThePlace()
    {
        var first = Guid.NewGuid();
        var e = _event.Then(_event.GrantAward(first, _techniek, _bouwers, AwardKind.First, null));

        var fact = e.WithdrawAward(first);
        e = e.Then(fact);
        Assert.Equal(new AwardWithdrawn(first), fact);
        Assert.Empty(e.Awards);

        var again = Guid.NewGuid();
        e = e.Then(e.GrantAward(again, _techniek, _makers, AwardKind.First, null));
        Assert.Equal(_makers, Assert.Single(e.Awards).TeamId);
        Rejected.With("award.unknown", () => e.WithdrawAward(first));
    }

    [Fact]
    public void WithdrawAward_FreesTheTeamForAnotherPlace()
    {
        var first = Guid.NewGuid();
        var e = _event.Then(_event.GrantAward(first, _techniek, _bouwers, AwardKind.First, null));
        e = e.Then(e.WithdrawAward(first));

        e = e.Then(e.GrantAward(Guid.NewGuid(), _techniek, _bouwers, AwardKind.Second, null));

        Assert.Equal(AwardKind.Second, Assert.Single(e.Awards).Kind);
    }
}
