using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class JudgingTests
{
    // ---- conflicts of interest ---------------------------------------------------------------------------------

    [Fact]
    public void DeclareConflict_ThenApply_MakesTheJudgeConflicted()
    {
        Assert.False(_event.IsConflicted(_jansen, _bouwers));

        var fact = _event.DeclareConflict(_jansen, _bouwers, "  Tante van Bo ");
        var e = _event.Then(fact);

        Assert.Equal(new ConflictDeclared(_jansen, _bouwers, "Tante van Bo"), fact);
        Assert.Equal(new DeclaredConflict(_jansen, _bouwers, "Tante van Bo"), Assert.Single(e.DeclaredConflicts));
        Assert.True(e.IsConflicted(_jansen, _bouwers));
        Assert.False(e.IsConflicted(_jansen, _makers));
        Assert.False(e.IsConflicted(_pietersen, _bouwers));
    }

    [Fact]
    public void DeclareConflict_WithoutReason_IsAccepted()
    {
        Assert.Equal(string.Empty, _event.DeclareConflict(_jansen, _bouwers, null).Reason);
    }

    [Fact]
    public void DeclareConflict_Twice_IsRejected()
    {
        var e = _event.Then(_event.DeclareConflict(_jansen, _bouwers, null));

        Rejected.With("conflict.already", () => e.DeclareConflict(_jansen, _bouwers, "Nogmaals"));
    }

    [Fact]
    public void DeclareConflict_WhenConflictedBySchool_IsRejected()
    {
        Rejected.With("conflict.already", () => _event.DeclareConflict(_pietersen, _makers, null));
    }

    [Fact]
    public void DeclareConflict_ForTeamOfAnotherPanel_IsRejected()
    {
        Rejected.With("score.not-in-panel", () => _event.DeclareConflict(_deVries, _bouwers, null));
    }

    [Fact]
    public void DeclareConflict_ByUnknownJudge_IsRejected()
    {
        Rejected.With("judge.unknown", () => _event.DeclareConflict(Guid.NewGuid(), _bouwers, null));
    }

    [Fact]
    public void DeclareConflict_ForUnknownTeam_IsRejected()
    {
        Rejected.With("team.unknown", () => _event.DeclareConflict(_jansen, Guid.NewGuid(), null));
    }

    [Fact]
    public void DeclareConflict_AfterScoring_TakesTheScorecardOutOfTheCountButKeepsIt()
    {
        var e = Opened(_event, _bouwers);
        e = Scored(e, _jansen, _bouwers, 10, 4);
        e = Scored(e, _pietersen, _bouwers, 6, 2);
        Assert.Equal(2, e.CountedScores(_techniek).Count);

        e = e.Then(e.DeclareConflict(_jansen, _bouwers, "Buurman"));

        Assert.Equal(_pietersen, Assert.Single(e.CountedScores(_techniek)).JudgeId);
        Assert.Equal(2, e.Scorecards.Count);
        var result = Assert.Single(e.Results(_techniek), r => r.TeamId == _bouwers);
        Assert.Equal(1, result.JudgeCount);
        Assert.Equal(1, result.Rank);

        // (6, 2): 3 * 5/9 + 1 * 2/4 = 13/6, divided by weight 4, times 100.
        Assert.Equal(325.0 / 6, result.Score!.Value, 9);
    }

    // ---- rounds ------------------------------------------------------------------------------------------------

    [Fact]
    public void CurrentRound_WithoutRounds_IsTheImplicitRoundNamedAfterTheEvent()
    {
        Assert.Empty(_event.Rounds);
        Assert.Equal(_eventId, _event.CurrentRoundId);
        Assert.False(_event.IsCurrentRoundLocked);
    }

    [Fact]
    public void LockRound_OfTheImplicitRound_LocksIt()
    {
        var fact = _event.LockRound(_eventId);
        var e = _event.Then(fact);

        Assert.Equal(new RoundLocked(_eventId), fact);
        Assert.Equal(_eventId, Assert.Single(e.LockedRounds));
        Assert.Equal(_eventId, e.CurrentRoundId);
        Assert.True(e.IsCurrentRoundLocked);
    }

    [Fact]
    public void LockRound_OfUnknownRound_IsRejected()
    {
        Rejected.With("round.unknown", () => _event.LockRound(Guid.NewGuid()));
    }

    [Fact]
    public void LockRound_Twice_IsRejected()
    {
        var e = _event.Then(_event.LockRound(_eventId));

        Rejected.With("round.locked", () => e.LockRound(_eventId));
    }

    [Fact]
    public void LockRound_WithTwoRounds_MovesScoringToTheSecondRound()
    {
        var voorronde = Guid.NewGuid();
        var finale = Guid.NewGuid();
        var e = _event.Then(_event.AddRound(voorronde, "Voorronde"));
        e = e.Then(e.AddRound(finale, "Finale"));
        Assert.Equal(voorronde, e.CurrentRoundId);
        e = Scored(Opened(e, _bouwers), _jansen, _bouwers, 8, 3);

        e = e.Then(e.LockRound(voorronde));

        Assert.Equal(finale, e.CurrentRoundId);
        Assert.False(e.IsCurrentRoundLocked);
        Assert.Null(e.ScorecardOf(_jansen, _bouwers));
        var fact = e.SubmitScore(_jansen, _bouwers, Values(5, 1), null, null);
        Assert.Equal(finale, fact.RoundId);
        Assert.False(fact.IsCorrection);
        e = e.Then(fact);
        Assert.Equal(2, e.Scorecards.Count);
        Assert.Equal(1, e.ScorecardOf(_jansen, _bouwers)?.Revision);
        Assert.Equal(Values(8, 3), e.ScorecardOf(_jansen, _bouwers, voorronde)?.Scores);
        Assert.Equal(Values(5, 1), e.ScorecardOf(_jansen, _bouwers, finale)?.Scores);
    }

    [Fact]
    public void LockRound_OfTheLastRound_StopsAllScoring()
    {
        var voorronde = Guid.NewGuid();
        var finale = Guid.NewGuid();
        var e = _event.Then(_event.AddRound(voorronde, "Voorronde"));
        e = e.Then(e.AddRound(finale, "Finale"));
        e = Opened(e, _bouwers);
        e = e.Then(e.LockRound(voorronde));

        e = e.Then(e.LockRound(finale));

        Assert.Equal(finale, e.CurrentRoundId);
        Assert.True(e.IsCurrentRoundLocked);
        Rejected.With("score.round-locked", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null));
    }

    [Fact]
    public void LockRound_OfALaterRoundFirst_KeepsScoringInTheEarlierRound()
    {
        var voorronde = Guid.NewGuid();
        var finale = Guid.NewGuid();
        var e = _event.Then(_event.AddRound(voorronde, "Voorronde"));
        e = e.Then(e.AddRound(finale, "Finale"));

        e = e.Then(e.LockRound(finale));

        Assert.Equal(voorronde, e.CurrentRoundId);
        Assert.False(e.IsCurrentRoundLocked);
    }
}
