using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed class JudgingRegressionTests
{
    private readonly Guid _category = Guid.NewGuid();
    private readonly Guid _criterion = Guid.NewGuid();
    private readonly Guid _team = Guid.NewGuid();
    private readonly Guid _judge = Guid.NewGuid();
    private readonly LiveEvent _event;

    public JudgingRegressionTests()
    {
        var e = Scenario.NewEvent();
        var school = Guid.NewGuid();
        e = e.Then(e.AddCategory(_category, "Junior", string.Empty));
        e = e.Then(e.AddSchool(school, "De Regenboog", "Zwolle"));
        e = e.Then(e.AddCriterion(_criterion, "Idee", 1, 1, 10, string.Empty));
        e = e.Then(e.RegisterTeam(_team, "De Bouwers", school, _category, "Kas", ["Daan"]));
        _event = e.Then(e.AppointJudge(_judge, "Marieke", _category, null, true));
    }

    [Fact]
    public void RemoveCriterion_UsedByATieBreak_IsRefused()
    {
        var e = _event.Then(_event.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, _criterion)]));
        Rejected.With("criterion.in-tie-break", () => e.RemoveCriterion(_criterion));
    }

    [Fact]
    public void DeclareConflict_AfterTheRoundIsLocked_IsRefused()
    {
        var e = _event.Then(_event.LockRound(_event.CurrentRoundId));
        Rejected.With("score.round-locked", () => e.DeclareConflict(_judge, _team, null));
    }

    [Fact]
    public void LockRound_WithTheEventId_WhenRealRoundsExist_IsRefused()
    {
        var e = _event.Then(_event.AddRound(Guid.NewGuid(), "Finale"));
        Rejected.With("round.unknown", () => e.LockRound(e.Id));
    }

    [Fact]
    public void SetScoringRules_WithoutAList_MeansNoTieBreaks_AndMostFirstPlacesIgnoresACriterion()
    {
        Assert.Empty(_event.SetScoringRules(AggregationMethod.Median, null).TieBreaks);
        Rejected.With("scoring.tie-break.duplicate", () => _event.SetScoringRules(
            AggregationMethod.Median,
            [new TieBreakRule(TieBreakKind.MostFirstPlaces), new TieBreakRule(TieBreakKind.MostFirstPlaces, _criterion)]));
    }

    [Fact]
    public void WithdrawingATeam_TakesItOffStage_AndWithdrawsItsAwards()
    {
        var e = _event.Then(_event.SetStage(_category, _team));
        e = e.Then(e.GrantAward(Guid.NewGuid(), _category, _team, AwardKind.First, null));

        e = e.Then(e.WithdrawTeam(_team));

        Assert.Null(e.OnStage(_category));
        Assert.False(e.Show.Stage.ContainsKey(_category));
        Assert.Empty(e.Awards);
    }
}
