using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class LiveEventTests
{
    // ---- rubric ------------------------------------------------------------------------------------------------

    [Fact]
    public void AddCriterion_WithValidInput_AddsItToTheRubric()
    {
        var id = Guid.NewGuid();

        var fact = _event.AddCriterion(id, " Creativiteit ", 12.5m, 1, 10, " Hoe origineel? ");
        var e = _event.Then(fact);

        Assert.Equal(new CriterionAdded(id, "Creativiteit", 12.5m, 1, 10, "Hoe origineel?"), fact);
        Assert.Equal(new Criterion(id, "Creativiteit", 12.5m, 1, 10, "Hoe origineel?"), Assert.Single(e.Rubric));
        Assert.Equal(12.5m, e.TotalWeight);
    }

    [Fact]
    public void TotalWeight_SumsAllCriteria()
    {
        var e = _event.Then(_event.AddCriterion(Guid.NewGuid(), "Creativiteit", 30, 1, 10, ""));
        e = e.Then(e.AddCriterion(Guid.NewGuid(), "Uitvoering", 45.5m, 1, 10, ""));

        Assert.Equal(75.5m, e.TotalWeight);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    [InlineData("101")]
    public void AddCriterion_WithWeightOutOfRange_IsRejected(string weight)
    {
        var exception = Rejected.With("criterion.weight.out-of-range", () => _event.AddCriterion(Guid.NewGuid(), "Creativiteit", decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), 1, 10, ""));

        Assert.Equal([0, 100], exception.Arguments);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("100")]
    public void AddCriterion_WithWeightInRange_IsAccepted(string weight)
    {
        var value = decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture);

        var fact = _event.AddCriterion(Guid.NewGuid(), "Creativiteit", value, 1, 10, "");

        Assert.Equal(value, fact.Weight);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    [InlineData(-1, 10)]
    [InlineData(0, 101)]
    [InlineData(100, 100)]
    public void AddCriterion_WithInvalidScale_IsRejected(int scaleMin, int scaleMax)
    {
        Rejected.With("criterion.scale.invalid", () => _event.AddCriterion(Guid.NewGuid(), "Creativiteit", 10, scaleMin, scaleMax, ""));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 100)]
    [InlineData(99, 100)]
    public void AddCriterion_WithScaleOnBoundaries_IsAccepted(int scaleMin, int scaleMax)
    {
        var fact = _event.AddCriterion(Guid.NewGuid(), "Creativiteit", 10, scaleMin, scaleMax, "");

        Assert.Equal((scaleMin, scaleMax), (fact.ScaleMin, fact.ScaleMax));
    }

    [Fact]
    public void AddCriterion_WithEmptyName_IsRejected()
    {
        Rejected.With("criterion.name.required", () => _event.AddCriterion(Guid.NewGuid(), "", 10, 1, 10, ""));
    }

    [Fact]
    public void AddCriterion_WithTooLongHelpText_IsRejected()
    {
        Rejected.With("criterion.help.too-long", () => _event.AddCriterion(Guid.NewGuid(), "Creativiteit", 10, 1, 10, new string('h', 1001)));
    }

    [Fact]
    public void AddCriterion_WithExistingId_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.AddCriterion(id, "Creativiteit", 10, 1, 10, ""));

        Rejected.With("id.invalid", () => e.AddCriterion(id, "Uitvoering", 10, 1, 10, ""));
    }

    [Fact]
    public void ChangeCriterion_ThenApply_ReplacesAllFields()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.AddCriterion(id, "Creativiteit", 10, 1, 10, ""));

        e = e.Then(e.ChangeCriterion(id, "Originaliteit", 20, 0, 5, "Nieuw"));

        Assert.Equal(new Criterion(id, "Originaliteit", 20, 0, 5, "Nieuw"), Assert.Single(e.Rubric));
        Assert.Equal(20m, e.TotalWeight);
    }

    [Fact]
    public void ChangeCriterion_WithInvalidWeight_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.AddCriterion(id, "Creativiteit", 10, 1, 10, ""));

        Rejected.With("criterion.weight.out-of-range", () => e.ChangeCriterion(id, "Creativiteit", 0, 1, 10, ""));
    }

    [Fact]
    public void ChangeCriterion_OfUnknownCriterion_IsRejected()
    {
        Rejected.With("criterion.unknown", () => _event.ChangeCriterion(Guid.NewGuid(), "Creativiteit", 10, 1, 10, ""));
    }

    [Fact]
    public void RemoveCriterion_ThenApply_RemovesIt()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.AddCriterion(id, "Creativiteit", 10, 1, 10, ""));

        e = e.Then(e.RemoveCriterion(id));

        Assert.Empty(e.Rubric);
        Assert.Equal(0m, e.TotalWeight);
    }

    [Fact]
    public void RemoveCriterion_OfUnknownCriterion_IsRejected()
    {
        Rejected.With("criterion.unknown", () => _event.RemoveCriterion(Guid.NewGuid()));
    }

    // ---- judges ------------------------------------------------------------------------------------------------

    [Fact]
    public void AppointJudge_WithValidInput_AddsJudgeWithoutCode()
    {
        var id = Guid.NewGuid();

        var fact = _event.AppointJudge(id, " Mevr. Jansen ", _techniek, _summa, true);
        var e = _event.Then(fact);

        Assert.Equal(new JudgeAppointed(id, "Mevr. Jansen", _techniek, _summa, true), fact);
        Assert.Equal(new Judge(id, "Mevr. Jansen", _techniek, _summa, true, null), e.FindJudge(id));
    }

    [Fact]
    public void AppointJudge_WithoutSchool_IsAccepted()
    {
        var fact = _event.AppointJudge(Guid.NewGuid(), "Mevr. Jansen", _techniek, null, false);

        Assert.Null(fact.SchoolId);
    }

    [Fact]
    public void AppointJudge_WithUnknownCategory_IsRejected()
    {
        Rejected.With("judge.category.unknown", () => _event.AppointJudge(Guid.NewGuid(), "Mevr. Jansen", Guid.NewGuid(), null, false));
    }

    [Fact]
    public void AppointJudge_WithUnknownSchool_IsRejected()
    {
        Rejected.With("judge.school.unknown", () => _event.AppointJudge(Guid.NewGuid(), "Mevr. Jansen", _techniek, Guid.NewGuid(), false));
    }

    [Fact]
    public void AppointJudge_WithEmptyName_IsRejected()
    {
        Rejected.With("judge.name.required", () => _event.AppointJudge(Guid.NewGuid(), " ", _techniek, null, false));
    }

    [Fact]
    public void AppointJudge_WithExistingId_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);

        Rejected.With("id.invalid", () => e.AppointJudge(id, "Dhr. Pietersen", _techniek, null, false));
    }

    [Fact]
    public void AppointJudge_AsSecondChairInSameCategory_IsRejected()
    {
        var e = WithJudge(_event, Guid.NewGuid(), "Mevr. Jansen", _techniek, isChair: true);

        Rejected.With("judge.chair.taken", () => e.AppointJudge(Guid.NewGuid(), "Dhr. Pietersen", _techniek, null, true));
    }

    [Fact]
    public void AppointJudge_AsChairInOtherCategory_IsAllowed()
    {
        var e = WithJudge(_event, Guid.NewGuid(), "Mevr. Jansen", _techniek, isChair: true);

        e = WithJudge(e, Guid.NewGuid(), "Dhr. Pietersen", _zorg, isChair: true);

        Assert.Equal(2, e.Judges.Count(j => j.IsChair));
    }

    [Fact]
    public void AppointJudge_AsNonChairNextToChair_IsAllowed()
    {
        var e = WithJudge(_event, Guid.NewGuid(), "Mevr. Jansen", _techniek, isChair: true);

        e = WithJudge(e, Guid.NewGuid(), "Dhr. Pietersen", _techniek);
        e = WithJudge(e, Guid.NewGuid(), "Mevr. de Boer", _techniek);

        Assert.Equal(3, e.Judges.Count);
    }

    [Fact]
    public void AppointJudge_AsChairAfterPreviousChairWasRemoved_IsAllowed()
    {
        var chair = Guid.NewGuid();
        var e = WithJudge(_event, chair, "Mevr. Jansen", _techniek, isChair: true);
        e = e.Then(e.RemoveJudge(chair));

        var fact = e.AppointJudge(Guid.NewGuid(), "Dhr. Pietersen", _techniek, null, true);

        Assert.True(fact.IsChair);
    }

    [Fact]
    public void ChangeJudge_OfChairStayingChair_IsAllowed()
    {
        var chair = Guid.NewGuid();
        var e = WithJudge(_event, chair, "Mevr. Jansen", _techniek, isChair: true);

        var fact = e.ChangeJudge(chair, "Mevr. Jansen-de Vries", _techniek, null, true);

        Assert.True(fact.IsChair);
    }

    [Fact]
    public void ChangeJudge_MakingSecondChairInCategory_IsRejected()
    {
        var member = Guid.NewGuid();
        var e = WithJudge(_event, Guid.NewGuid(), "Mevr. Jansen", _techniek, isChair: true);
        e = WithJudge(e, member, "Dhr. Pietersen", _techniek);

        Rejected.With("judge.chair.taken", () => e.ChangeJudge(member, "Dhr. Pietersen", _techniek, null, true));
    }

    [Fact]
    public void ChangeJudge_MovingChairIntoCategoryWithChair_IsRejected()
    {
        var chair = Guid.NewGuid();
        var e = WithJudge(_event, chair, "Mevr. Jansen", _techniek, isChair: true);
        e = WithJudge(e, Guid.NewGuid(), "Dhr. Pietersen", _zorg, isChair: true);

        Rejected.With("judge.chair.taken", () => e.ChangeJudge(chair, "Mevr. Jansen", _zorg, null, true));
    }

    [Fact]
    public void ChangeJudge_WithUnknownSchool_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);

        Rejected.With("judge.school.unknown", () => e.ChangeJudge(id, "Mevr. Jansen", _techniek, Guid.NewGuid(), false));
    }

    [Fact]
    public void ChangeJudge_OfUnknownJudge_IsRejected()
    {
        Rejected.With("judge.unknown", () => _event.ChangeJudge(Guid.NewGuid(), "Mevr. Jansen", _techniek, null, false));
    }

    [Fact]
    public void ChangeJudge_ThenApply_UpdatesJudgeAndKeepsIssuedCode()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);
        e = e.Then(e.IssueJudgeCodes([new JudgeCode(id, "ABCDE23456")]));

        e = e.Then(e.ChangeJudge(id, "Mevr. de Boer", _zorg, _daVinci, true));

        Assert.Equal(new Judge(id, "Mevr. de Boer", _zorg, _daVinci, true, SignInCodes.Hash("ABCDE23456")), e.FindJudge(id));
    }

    [Fact]
    public void RemoveJudge_ThenApply_RemovesOnlyThatJudge()
    {
        var gone = Guid.NewGuid();
        var stays = Guid.NewGuid();
        var e = WithJudge(_event, gone, "Mevr. Jansen", _techniek);
        e = WithJudge(e, stays, "Dhr. Pietersen", _techniek);

        e = e.Then(e.RemoveJudge(gone));

        Assert.Null(e.FindJudge(gone));
        Assert.Equal(stays, Assert.Single(e.Judges).Id);
    }

    [Fact]
    public void RemoveJudge_OfUnknownJudge_IsRejected()
    {
        Rejected.With("judge.unknown", () => _event.RemoveJudge(Guid.NewGuid()));
    }

    // ---- judge codes -------------------------------------------------------------------------------------------

    [Fact]
    public void IssueJudgeCodes_ThenApply_GivesEachJudgeTheirCode()
    {
        var jansen = Guid.NewGuid();
        var pietersen = Guid.NewGuid();
        var nobody = Guid.NewGuid();
        var e = WithJudge(_event, jansen, "Mevr. Jansen", _techniek);
        e = WithJudge(e, pietersen, "Dhr. Pietersen", _techniek);
        e = WithJudge(e, nobody, "Mevr. de Boer", _zorg);

        var fact = e.IssueJudgeCodes([new JudgeCode(jansen, "ABCDE23456"), new JudgeCode(pietersen, "FGHJK78923")]);
        e = e.Then(fact);

        Assert.Equal(2, fact.Codes.Count);
        Assert.Equal(SignInCodes.Hash("ABCDE23456"), e.FindJudge(jansen)?.CodeHash);
        Assert.Equal(SignInCodes.Hash("FGHJK78923"), e.FindJudge(pietersen)?.CodeHash);
        Assert.Null(e.FindJudge(nobody)?.CodeHash);
    }

    [Fact]
    public void SignOutJudge_ThenApply_MovesOnlyThatJudgesSessionStamp_AndKeepsTheCode()
    {
        var jansen = Guid.NewGuid();
        var pietersen = Guid.NewGuid();
        var e = WithJudge(WithJudge(_event, jansen, "Mevr. Jansen", _techniek), pietersen, "Dhr. Pietersen", _techniek);
        e = e.Then(e.IssueJudgeCodes([new JudgeCode(jansen, "ABCDE23456")]));
        var before = e.FindJudge(jansen)!.SessionStamp;

        var fact = e.SignOutJudge(jansen);
        e = e.Then(fact);

        Assert.Equal(new JudgeSignedOut(jansen), fact);
        Assert.NotEqual(before, e.FindJudge(jansen)!.SessionStamp);
        Assert.Equal(SignInCodes.Hash("ABCDE23456"), e.FindJudge(jansen)!.CodeHash);
        Assert.Equal(0, e.FindJudge(pietersen)!.SessionStamp);
        Rejected.With("judge.unknown", () => e.SignOutJudge(Guid.NewGuid()));
    }

    [Fact]
    public void IssueJudgeCodes_JournalsOnlyHashes_AndAnOldJournalsClearCodesFoldToTheSameHashes()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);

        var fact = e.IssueJudgeCodes([new JudgeCode(id, "ABCDE23456")]);
        var payload = VakkanjersLive.Domain.Journal.FactSerializer.ToAppend(fact, Guid.NewGuid(), "test").Payload;

        Assert.DoesNotContain("ABCDE23456", payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ABCDE-23456", payload, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SignInCodes.Hash("ABCDE23456"), Assert.Single(fact.Codes).Hash);
        Assert.Equal(SignInCodes.Hash("abcde-23456"), SignInCodes.Hash("ABCDE23456"));
        Assert.NotEqual(SignInCodes.Hash("ABCDE23457"), SignInCodes.Hash("ABCDE23456"));
        Assert.Equal(e.Then(fact).FindJudge(id), e.Then(new JudgeCodesIssued([new JudgeCode(id, "ABCDE23456")])).FindJudge(id));
    }

    [Fact]
    public void IssueJudgeCodes_WithGeneratedCode_IsAccepted()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);
        var code = SignInCodes.Generate();

        e = e.Then(e.IssueJudgeCodes([new JudgeCode(id, code)]));

        Assert.Equal(SignInCodes.Hash(code), e.FindJudge(id)?.CodeHash);
    }

    [Fact]
    public void IssueJudgeCodes_WithNoCodes_IsRejected()
    {
        Rejected.With("judge-code.none", () => _event.IssueJudgeCodes([]));
    }

    [Fact]
    public void IssueJudgeCodes_ForUnknownJudge_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);

        Rejected.With("judge.unknown", () => e.IssueJudgeCodes([new JudgeCode(id, "ABCDE23456"), new JudgeCode(Guid.NewGuid(), "FGHJK78923")]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDE2345")]
    [InlineData("ABCDE234567")]
    [InlineData("abcde23456")]
    [InlineData("ABCDE-23456")]
    [InlineData("ABCDE 2345")]
    [InlineData("ABCDE23450")]
    [InlineData("ABCDE23451")]
    [InlineData("ABCDEO3456")]
    [InlineData("ABCDEI3456")]
    [InlineData("ABCDEL3456")]
    public void IssueJudgeCodes_WithMalformedCode_IsRejected(string code)
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);

        Rejected.With("judge-code.invalid", () => e.IssueJudgeCodes([new JudgeCode(id, code)]));
    }

    [Fact]
    public void IssueJudgeCodes_WithSameCodeForTwoJudges_IsRejected()
    {
        var jansen = Guid.NewGuid();
        var pietersen = Guid.NewGuid();
        var e = WithJudge(_event, jansen, "Mevr. Jansen", _techniek);
        e = WithJudge(e, pietersen, "Dhr. Pietersen", _techniek);

        Rejected.With("judge-code.duplicate", () => e.IssueJudgeCodes([new JudgeCode(jansen, "ABCDE23456"), new JudgeCode(pietersen, "ABCDE23456")]));
    }

    [Fact]
    public void IssueJudgeCodes_WithCodeAlreadyHeldByAnotherJudge_IsRejected()
    {
        var jansen = Guid.NewGuid();
        var pietersen = Guid.NewGuid();
        var e = WithJudge(_event, jansen, "Mevr. Jansen", _techniek);
        e = WithJudge(e, pietersen, "Dhr. Pietersen", _techniek);
        e = e.Then(e.IssueJudgeCodes([new JudgeCode(jansen, "ABCDE23456")]));

        Rejected.With("judge-code.duplicate", () => e.IssueJudgeCodes([new JudgeCode(pietersen, "ABCDE23456")]));
    }

    [Fact]
    public void IssueJudgeCodes_WithSameJudgeTwice_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);

        Rejected.With("judge-code.duplicate", () => e.IssueJudgeCodes([new JudgeCode(id, "ABCDE23456"), new JudgeCode(id, "FGHJK78923")]));
    }

    [Fact]
    public void IssueJudgeCodes_Reissued_ReplacesTheOldCode()
    {
        var id = Guid.NewGuid();
        var e = WithJudge(_event, id, "Mevr. Jansen", _techniek);
        e = e.Then(e.IssueJudgeCodes([new JudgeCode(id, "ABCDE23456")]));

        e = e.Then(e.IssueJudgeCodes([new JudgeCode(id, "FGHJK78923")]));

        Assert.Equal(SignInCodes.Hash("FGHJK78923"), e.FindJudge(id)?.CodeHash);
        Assert.DoesNotContain(e.Judges, j => j.CodeHash == SignInCodes.Hash("ABCDE23456"));
    }

    [Fact]
    public void IssueJudgeCodes_ReissuedForOneJudge_KeepsOtherJudgesCodes()
    {
        var jansen = Guid.NewGuid();
        var pietersen = Guid.NewGuid();
        var e = WithJudge(_event, jansen, "Mevr. Jansen", _techniek);
        e = WithJudge(e, pietersen, "Dhr. Pietersen", _techniek);
        e = e.Then(e.IssueJudgeCodes([new JudgeCode(jansen, "ABCDE23456"), new JudgeCode(pietersen, "FGHJK78923")]));

        e = e.Then(e.IssueJudgeCodes([new JudgeCode(jansen, "MNPQR34567")]));

        Assert.Equal(SignInCodes.Hash("MNPQR34567"), e.FindJudge(jansen)?.CodeHash);
        Assert.Equal(SignInCodes.Hash("FGHJK78923"), e.FindJudge(pietersen)?.CodeHash);
    }

    [Fact]
    public void IssueJudgeCodes_CodeOfRemovedJudge_CanBeIssuedAgain()
    {
        var gone = Guid.NewGuid();
        var other = Guid.NewGuid();
        var e = WithJudge(_event, gone, "Mevr. Jansen", _techniek);
        e = WithJudge(e, other, "Dhr. Pietersen", _techniek);
        e = e.Then(e.IssueJudgeCodes([new JudgeCode(gone, "ABCDE23456")]));
        e = e.Then(e.RemoveJudge(gone));

        e = e.Then(e.IssueJudgeCodes([new JudgeCode(other, "ABCDE23456")]));

        Assert.Equal(SignInCodes.Hash("ABCDE23456"), e.FindJudge(other)?.CodeHash);
    }

    // ---- rounds ------------------------------------------------------------------------------------------------

    [Fact]
    public void AddRound_ThenApply_AddsTheRound()
    {
        var id = Guid.NewGuid();

        var fact = _event.AddRound(id, " Voorronde ");
        var e = _event.Then(fact);

        Assert.Equal(new RoundAdded(id, "Voorronde"), fact);
        Assert.Equal(new Round(id, "Voorronde"), Assert.Single(e.Rounds));
    }

    [Fact]
    public void AddRound_WithNameOfExistingRoundIgnoringCase_IsRejected()
    {
        var e = _event.Then(_event.AddRound(Guid.NewGuid(), "Voorronde"));

        Rejected.With("round.name.duplicate", () => e.AddRound(Guid.NewGuid(), "VOORRONDE"));
    }

    [Fact]
    public void AddRound_WithEmptyName_IsRejected()
    {
        Rejected.With("round.name.required", () => _event.AddRound(Guid.NewGuid(), ""));
    }

    [Fact]
    public void RenameRound_ThenApply_RenamesIt()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.AddRound(id, "Voorronde"));

        e = e.Then(e.RenameRound(id, "Finale"));

        Assert.Equal(new Round(id, "Finale"), Assert.Single(e.Rounds));
    }

    [Fact]
    public void RenameRound_ToNameOfAnotherRound_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.AddRound(id, "Voorronde"));
        e = e.Then(e.AddRound(Guid.NewGuid(), "Finale"));

        Rejected.With("round.name.duplicate", () => e.RenameRound(id, "finale"));
    }

    [Fact]
    public void RenameRound_KeepingItsOwnName_IsAllowed()
    {
        var id = Guid.NewGuid();
        var e = _event.Then(_event.AddRound(id, "Voorronde"));

        var fact = e.RenameRound(id, "VOORRONDE");

        Assert.Equal("VOORRONDE", fact.Name);
    }

    [Fact]
    public void RenameRound_OfUnknownRound_IsRejected()
    {
        Rejected.With("round.unknown", () => _event.RenameRound(Guid.NewGuid(), "Finale"));
    }
}
