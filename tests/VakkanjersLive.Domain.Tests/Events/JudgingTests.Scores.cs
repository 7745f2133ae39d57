using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class JudgingTests
{
    // ---- submitting ----------------------------------------------------------------------------------------------

    [Fact]
    public void SubmitScore_WithValidScorecard_ReturnsTrimmedFactForTheCurrentRound()
    {
        var e = Opened(_event, _bouwers);

        var fact = e.SubmitScore(
            _jansen,
            _bouwers,
            [new CriterionScore(_presentatie, 3, "  Duidelijk verteld "), new CriterionScore(_idee, 8, " Origineel ")],
            "  Goed gedaan  ",
            null);

        Assert.Equal(_eventId, e.CurrentRoundId);
        Assert.Equal(e.CurrentRoundId, fact.RoundId);
        Assert.Equal(_jansen, fact.JudgeId);
        Assert.Equal(_bouwers, fact.TeamId);
        Assert.Equal([new CriterionScore(_idee, 8, "Origineel"), new CriterionScore(_presentatie, 3, "Duidelijk verteld")], fact.Scores);
        Assert.Equal("Goed gedaan", fact.Comment);
        Assert.False(fact.IsCorrection);
        Assert.Equal(string.Empty, fact.Reason);
        Assert.False(fact.Late);
    }

    [Fact]
    public void SubmitScore_ThenApply_StoresTheFirstRevision()
    {
        var e = Opened(_event, _bouwers);

        e = e.Then(e.SubmitScore(_jansen, _bouwers, Values(8, 3), "Goed", null));

        var card = Assert.Single(e.Scorecards);
        Assert.Equal((_eventId, _jansen, _bouwers, "Goed", false, 1), (card.RoundId, card.JudgeId, card.TeamId, card.Comment, card.Late, card.Revision));
        Assert.Equal(Values(8, 3), card.Scores);
        Assert.Same(card, e.ScorecardOf(_jansen, _bouwers));
        Assert.Null(e.ScorecardOf(_pietersen, _bouwers));
    }

    [Fact]
    public void SubmitScore_WithAReasonOnTheFirstScorecard_IsNoCorrection()
    {
        var fact = Opened(_event, _bouwers).SubmitScore(_jansen, _bouwers, Values(8, 3), null, "  Eerste keer  ");

        Assert.False(fact.IsCorrection);
        Assert.Equal("Eerste keer", fact.Reason);
    }

    [Fact]
    public void SubmitScore_ByJudgeOfAnotherPanel_IsRejected()
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("score.not-in-panel", () => e.SubmitScore(_deVries, _bouwers, Values(8, 3), null, null));
    }

    [Fact]
    public void SubmitScore_ByUnknownJudge_IsRejected()
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("judge.unknown", () => e.SubmitScore(Guid.NewGuid(), _bouwers, Values(8, 3), null, null));
    }

    [Fact]
    public void SubmitScore_ForUnknownTeam_IsRejected()
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("team.unknown", () => e.SubmitScore(_jansen, Guid.NewGuid(), Values(8, 3), null, null));
    }

    [Fact]
    public void SubmitScore_WhenJudgingWasNeverOpened_IsRejected()
    {
        var e = Opened(_event, _makers);

        Rejected.With("score.judging-not-open", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null));
    }

    [Fact]
    public void SubmitScore_AfterJudgingClosed_IsAcceptedAsLate()
    {
        var e = Opened(_event, _bouwers);
        e = e.Then(e.CloseJudging(_bouwers));

        var fact = e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null);
        e = e.Then(fact);

        Assert.True(fact.Late);
        Assert.True(Assert.Single(e.Scorecards).Late);
    }

    [Fact]
    public void SubmitScore_AfterJudgingReopened_IsNotLate()
    {
        var e = Opened(_event, _bouwers);
        e = e.Then(e.CloseJudging(_bouwers));
        e = Opened(e, _bouwers);

        Assert.False(e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null).Late);
    }

    [Fact]
    public void SubmitScore_AfterTheRoundIsLocked_IsRejected()
    {
        var e = Opened(_event, _bouwers);
        e = e.Then(e.LockRound(_eventId));

        Rejected.With("score.round-locked", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null));
    }

    [Fact]
    public void Correction_AfterTheRoundIsLocked_IsRejected()
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);
        e = e.Then(e.LockRound(_eventId));

        Rejected.With("score.round-locked", () => e.SubmitScore(_jansen, _bouwers, Values(9, 3), null, "Typfout"));
    }

    [Fact]
    public void SubmitScore_ByJudgeOfTheTeamsSchool_IsRejectedAsConflicted()
    {
        var e = Opened(_event, _makers);

        Assert.True(e.IsConflicted(_pietersen, _makers));
        Rejected.With("score.conflicted", () => e.SubmitScore(_pietersen, _makers, Values(8, 3), null, null));
    }

    [Fact]
    public void SubmitScore_ByJudgeOfAnotherSchool_IsNotConflicted()
    {
        var e = Opened(_event, _bouwers);

        Assert.False(e.IsConflicted(_pietersen, _bouwers));
        Assert.Equal(_pietersen, e.SubmitScore(_pietersen, _bouwers, Values(8, 3), null, null).JudgeId);
    }

    [Fact]
    public void SubmitScore_AfterDeclaringAConflict_IsRejectedAsConflicted()
    {
        var e = Opened(_event, _bouwers);
        e = e.Then(e.DeclareConflict(_jansen, _bouwers, "Tante van Bo"));

        Rejected.With("score.conflicted", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), null, null));
    }

    // ---- checking the values -----------------------------------------------------------------------------------

    [Fact]
    public void SubmitScore_WithACriterionMissing_IsRejectedNamingIt()
    {
        var e = Opened(_event, _bouwers);

        var exception = Rejected.With("score.criterion.missing", () => e.SubmitScore(_jansen, _bouwers, [new CriterionScore(_idee, 8, "")], null, null));

        Assert.Equal("Presentatie", Assert.Single(exception.Arguments));
    }

    [Fact]
    public void SubmitScore_WithoutScores_IsRejectedAsMissing()
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("score.criterion.missing", () => e.SubmitScore(_jansen, _bouwers, null, null, null));
    }

    [Fact]
    public void SubmitScore_WithADuplicateCriterion_IsRejected()
    {
        var e = Opened(_event, _bouwers);
        List<CriterionScore> scores = [.. Values(8, 3), new CriterionScore(_idee, 9, "")];

        Rejected.With("score.criterion.duplicate", () => e.SubmitScore(_jansen, _bouwers, scores, null, null));
    }

    [Fact]
    public void SubmitScore_WithAnUnknownCriterion_IsRejected()
    {
        var e = Opened(_event, _bouwers);
        List<CriterionScore> scores = [.. Values(8, 3), new CriterionScore(Guid.NewGuid(), 5, "")];

        Rejected.With("score.criterion.unknown", () => e.SubmitScore(_jansen, _bouwers, scores, null, null));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(11, 2)]
    [InlineData(5, -1)]
    [InlineData(5, 5)]
    public void SubmitScore_WithAValueOutOfRange_IsRejected(int idee, int presentatie)
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("score.value.out-of-range", () => e.SubmitScore(_jansen, _bouwers, Values(idee, presentatie), null, null));
    }

    [Fact]
    public void SubmitScore_WithAValueOutOfRange_NamesTheCriterionAndItsScale()
    {
        var e = Opened(_event, _bouwers);

        var exception = Rejected.With("score.value.out-of-range", () => e.SubmitScore(_jansen, _bouwers, Values(11, 2), null, null));

        Assert.Equal(["Idee", 1, 10], exception.Arguments);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 4)]
    public void SubmitScore_WithValuesOnTheScaleBoundaries_IsAccepted(int idee, int presentatie)
    {
        var fact = Opened(_event, _bouwers).SubmitScore(_jansen, _bouwers, Values(idee, presentatie), null, null);

        Assert.Equal([idee, presentatie], fact.Scores.Select(s => s.Value));
    }

    // ---- comments ----------------------------------------------------------------------------------------------

    [Fact]
    public void SubmitScore_WithACriterionCommentOfMaximumLength_IsAccepted()
    {
        var e = Opened(_event, _bouwers);
        var comment = new string('c', LiveEvent.MaxCommentLength);

        var fact = e.SubmitScore(_jansen, _bouwers, [new CriterionScore(_idee, 8, comment), new CriterionScore(_presentatie, 3, "")], null, null);

        Assert.Equal(comment, fact.Scores[0].Comment);
    }

    [Fact]
    public void SubmitScore_WithATooLongCriterionComment_IsRejected()
    {
        var e = Opened(_event, _bouwers);
        var comment = new string('c', LiveEvent.MaxCommentLength + 1);

        var exception = Rejected.With("score.comment.too-long", () => e.SubmitScore(_jansen, _bouwers, [new CriterionScore(_idee, 8, comment), new CriterionScore(_presentatie, 3, "")], null, null));

        Assert.Equal(1000, Assert.Single(exception.Arguments));
    }

    [Fact]
    public void SubmitScore_WithAnOverallCommentOfTwiceTheCriterionLimit_IsAccepted()
    {
        var comment = new string('c', 2 * LiveEvent.MaxCommentLength);

        var fact = Opened(_event, _bouwers).SubmitScore(_jansen, _bouwers, Values(8, 3), comment, null);

        Assert.Equal(comment, fact.Comment);
    }

    [Fact]
    public void SubmitScore_WithATooLongOverallComment_IsRejected()
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("score.comment.too-long", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), new string('c', (2 * LiveEvent.MaxCommentLength) + 1), null));
    }

    [Theory]
    [InlineData("ok\u202Eevil")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("bell\u0007")]
    public void SubmitScore_WithForbiddenCharactersInACriterionComment_IsRejected(string comment)
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("score.comment.invalid-characters", () => e.SubmitScore(_jansen, _bouwers, [new CriterionScore(_idee, 8, comment), new CriterionScore(_presentatie, 3, "")], null, null));
    }

    [Fact]
    public void SubmitScore_WithABidiOverrideInTheOverallComment_IsRejected()
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("score.comment.invalid-characters", () => e.SubmitScore(_jansen, _bouwers, Values(8, 3), "ok\u202Eevil", null));
    }

    [Fact]
    public void SubmitScore_WithoutRubric_IsRejected()
    {
        var e = _event.Then(_event.RemoveCriterion(_idee));
        e = e.Then(e.RemoveCriterion(_presentatie));
        e = Opened(e, _bouwers);

        Rejected.With("score.no-rubric", () => e.SubmitScore(_jansen, _bouwers, [], null, null));
    }

    // ---- corrections -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Correction_WithoutReason_IsRejected(string? reason)
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);

        Rejected.With("score.reason.required", () => e.SubmitScore(_jansen, _bouwers, Values(9, 3), null, reason));
    }

    [Fact]
    public void Correction_WithTooLongReason_IsRejected()
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);

        Rejected.With("score.reason.too-long", () => e.SubmitScore(_jansen, _bouwers, Values(9, 3), null, new string('r', 301)));
    }

    [Fact]
    public void Correction_WithReason_ReplacesTheScorecardAsRevisionTwo()
    {
        var e = Opened(_event, _bouwers);
        e = Scored(e, _jansen, _bouwers, 8, 3);
        e = Scored(e, _pietersen, _bouwers, 5, 1);

        var fact = e.SubmitScore(_jansen, _bouwers, Values(9, 4), "Beter bekeken", "  Typfout  ");
        e = e.Then(fact);

        Assert.True(fact.IsCorrection);
        Assert.Equal("Typfout", fact.Reason);
        Assert.Equal(2, e.Scorecards.Count);
        var card = Assert.Single(e.Scorecards, s => s.JudgeId == _jansen && s.TeamId == _bouwers);
        Assert.Equal(2, card.Revision);
        Assert.Equal(Values(9, 4), card.Scores);
        Assert.Equal("Beter bekeken", card.Comment);
        var other = e.ScorecardOf(_pietersen, _bouwers);
        Assert.NotNull(other);
        Assert.Equal(1, other.Revision);
        Assert.Equal(Values(5, 1), other.Scores);
    }

    [Fact]
    public void SecondCorrection_CountsAsRevisionThree()
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);
        e = Scored(e, _jansen, _bouwers, 9, 3, "Typfout");

        e = Scored(e, _jansen, _bouwers, 9, 2, "Nogmaals");

        Assert.Equal(3, Assert.Single(e.Scorecards).Revision);
    }

    [Fact]
    public void Correction_AfterJudgingClosed_IsMarkedLate()
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);
        e = e.Then(e.CloseJudging(_bouwers));

        var fact = e.SubmitScore(_jansen, _bouwers, Values(9, 3), null, "Typfout");

        Assert.True(fact.IsCorrection);
        Assert.True(fact.Late);
    }

    // ---- the rubric is frozen once scoring started -------------------------------------------------------------

    [Fact]
    public void Rubric_WhileJudgingIsOpenButNothingIsScored_CanStillBeEdited()
    {
        var e = Opened(_event, _bouwers);

        e = e.Then(e.ChangeCriterion(_idee, "Idee", 5, 1, 10, ""));

        Assert.Equal(6m, e.TotalWeight);
    }

    [Fact]
    public void AddCriterion_AfterAScorecard_IsRejected()
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);

        Rejected.With("criterion.scoring-started", () => e.AddCriterion(Guid.NewGuid(), "Duurzaamheid", 1, 1, 5, ""));
    }

    [Fact]
    public void ChangeCriterion_AfterAScorecard_IsRejected()
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);

        Rejected.With("criterion.scoring-started", () => e.ChangeCriterion(_idee, "Idee", 5, 1, 10, ""));
    }

    [Fact]
    public void RemoveCriterion_AfterAScorecard_IsRejected()
    {
        var e = Scored(Opened(_event, _bouwers), _jansen, _bouwers, 8, 3);

        Rejected.With("criterion.scoring-started", () => e.RemoveCriterion(_presentatie));
    }
}
