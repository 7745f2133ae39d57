using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Live-judging decisions of <see cref="LiveEvent"/> (stage, judging, scorecards, conflicts, rounds, rules, awards).
/// Split over several files by topic; this part holds the shared starting state plus the stage and open/close tests.
/// </summary>
public sealed partial class JudgingTests
{
    private readonly Guid _eventId = Guid.NewGuid();
    private readonly Guid _techniek = Guid.NewGuid();
    private readonly Guid _zorg = Guid.NewGuid();
    private readonly Guid _daVinci = Guid.NewGuid();
    private readonly Guid _summa = Guid.NewGuid();

    /// <summary>Weight 3, scale 1..10.</summary>
    private readonly Guid _idee = Guid.NewGuid();

    /// <summary>Weight 1, scale 0..4.</summary>
    private readonly Guid _presentatie = Guid.NewGuid();

    /// <summary>Techniek, Da Vinci College.</summary>
    private readonly Guid _bouwers = Guid.NewGuid();

    /// <summary>Techniek, Summa College.</summary>
    private readonly Guid _makers = Guid.NewGuid();

    /// <summary>Zorg, Da Vinci College.</summary>
    private readonly Guid _zorgdragers = Guid.NewGuid();

    /// <summary>Techniek panel, no school.</summary>
    private readonly Guid _jansen = Guid.NewGuid();

    /// <summary>Techniek panel, Summa College (so conflicted for De Makers).</summary>
    private readonly Guid _pietersen = Guid.NewGuid();

    /// <summary>Zorg panel, no school.</summary>
    private readonly Guid _deVries = Guid.NewGuid();

    /// <summary>
    /// An event with two categories, two schools, a two-line rubric (Idee 3 × 1..10, Presentatie 1 × 0..4), three
    /// teams and three judges; no rounds, so scores go to the implicit round whose id is the event id.
    /// </summary>
    private readonly LiveEvent _event;

    public JudgingTests()
    {
        var e = Scenario.NewEvent(_eventId);
        e = e.Then(e.AddCategory(_techniek, "Techniek", ""));
        e = e.Then(e.AddCategory(_zorg, "Zorg", ""));
        e = e.Then(e.AddSchool(_daVinci, "Da Vinci College", "Dordrecht"));
        e = e.Then(e.AddSchool(_summa, "Summa College", "Eindhoven"));
        e = e.Then(e.AddCriterion(_idee, "Idee", 3, 1, 10, ""));
        e = e.Then(e.AddCriterion(_presentatie, "Presentatie", 1, 0, 4, ""));
        e = e.Then(e.RegisterTeam(_bouwers, "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann", "Bo"]));
        e = e.Then(e.RegisterTeam(_makers, "De Makers", _summa, _techniek, "Zonnefiets", ["Cas"]));
        e = e.Then(e.RegisterTeam(_zorgdragers, "De Zorgdragers", _daVinci, _zorg, "Tilhulp", ["Dewi"]));
        e = e.Then(e.AppointJudge(_jansen, "Mevr. Jansen", _techniek, null, true));
        e = e.Then(e.AppointJudge(_pietersen, "Dhr. Pietersen", _techniek, _summa, false));
        e = e.Then(e.AppointJudge(_deVries, "Mevr. De Vries", _zorg, null, true));
        _event = e;
    }

    private List<CriterionScore> Values(int idee, int presentatie) =>
        [new CriterionScore(_idee, idee, ""), new CriterionScore(_presentatie, presentatie, "")];

    private static LiveEvent Opened(LiveEvent state, Guid teamId) => state.Then(state.OpenJudging(teamId));

    private LiveEvent Scored(LiveEvent state, Guid judgeId, Guid teamId, int idee, int presentatie, string? reason = null) =>
        state.Then(state.SubmitScore(judgeId, teamId, Values(idee, presentatie), null, reason));

    // ---- stage -------------------------------------------------------------------------------------------------

    [Fact]
    public void SetStage_WithTeamOfTheCategory_PutsItOnStageInThatCategoryOnly()
    {
        var fact = _event.SetStage(_techniek, _bouwers);
        var e = _event.Then(fact);

        Assert.Equal(new StageSet(_techniek, _bouwers), fact);
        Assert.Equal(_bouwers, e.OnStage(_techniek)?.Id);
        Assert.Null(e.OnStage(_zorg));
    }

    [Fact]
    public void SetStage_WithAnotherTeam_ReplacesTheTeamOnStage()
    {
        var e = _event.Then(_event.SetStage(_techniek, _bouwers));

        e = e.Then(e.SetStage(_techniek, _makers));

        Assert.Equal(_makers, e.OnStage(_techniek)?.Id);
        Assert.Equal(_makers, Assert.Single(e.Show.Stage).Value);
    }

    [Fact]
    public void SetStage_WithTeamOfAnotherCategory_IsRejected()
    {
        Rejected.With("stage.team-not-in-category", () => _event.SetStage(_techniek, _zorgdragers));
    }

    [Fact]
    public void SetStage_WithUnknownTeam_IsRejected()
    {
        Rejected.With("stage.team-not-in-category", () => _event.SetStage(_techniek, Guid.NewGuid()));
    }

    [Fact]
    public void SetStage_WithNull_ClearsTheStage()
    {
        var e = _event.Then(_event.SetStage(_techniek, _bouwers));
        e = e.Then(e.SetStage(_zorg, _zorgdragers));

        var fact = e.SetStage(_techniek, null);
        e = e.Then(fact);

        Assert.Equal(new StageSet(_techniek, null), fact);
        Assert.Null(e.OnStage(_techniek));
        Assert.False(e.Show.Stage.ContainsKey(_techniek));
        Assert.Equal(_zorgdragers, e.OnStage(_zorg)?.Id);
    }

    [Fact]
    public void SetStage_InUnknownCategory_IsRejected()
    {
        Rejected.With("category.unknown", () => _event.SetStage(Guid.NewGuid(), null));
    }

    // ---- opening and closing judging ---------------------------------------------------------------------------

    [Fact]
    public void JudgingOf_BeforeOpening_IsNotOpened()
    {
        Assert.Equal(JudgingState.NotOpened, _event.JudgingOf(_bouwers));
    }

    [Fact]
    public void OpenJudging_ThenApply_OpensJudgingForThatTeamOnly()
    {
        var fact = _event.OpenJudging(_bouwers);
        var e = _event.Then(fact);

        Assert.Equal(new JudgingOpened(_bouwers), fact);
        Assert.Equal(JudgingState.Open, e.JudgingOf(_bouwers));
        Assert.Equal(JudgingState.NotOpened, e.JudgingOf(_makers));
    }

    [Fact]
    public void OpenJudging_WhenAlreadyOpen_IsRejected()
    {
        var e = Opened(_event, _bouwers);

        Rejected.With("judging.already-open", () => e.OpenJudging(_bouwers));
    }

    [Fact]
    public void OpenJudging_OfUnknownTeam_IsRejected()
    {
        Rejected.With("team.unknown", () => _event.OpenJudging(Guid.NewGuid()));
    }

    [Fact]
    public void OpenJudging_AfterTheRoundIsLocked_IsRejected()
    {
        var e = _event.Then(_event.LockRound(_eventId));

        Rejected.With("score.round-locked", () => e.OpenJudging(_bouwers));
    }

    [Fact]
    public void CloseJudging_ThenApply_ClosesJudging()
    {
        var e = Opened(_event, _bouwers);

        var fact = e.CloseJudging(_bouwers);
        e = e.Then(fact);

        Assert.Equal(new JudgingClosed(_bouwers), fact);
        Assert.Equal(JudgingState.Closed, e.JudgingOf(_bouwers));
    }

    [Fact]
    public void CloseJudging_WhenNeverOpened_IsRejected()
    {
        Rejected.With("judging.not-open", () => _event.CloseJudging(_bouwers));
    }

    [Fact]
    public void CloseJudging_WhenAlreadyClosed_IsRejected()
    {
        var e = Opened(_event, _bouwers);
        e = e.Then(e.CloseJudging(_bouwers));

        Rejected.With("judging.not-open", () => e.CloseJudging(_bouwers));
    }

    [Fact]
    public void CloseJudging_OfUnknownTeam_IsRejected()
    {
        Rejected.With("team.unknown", () => _event.CloseJudging(Guid.NewGuid()));
    }

    [Fact]
    public void OpenJudging_AfterClosing_ReopensIt()
    {
        var e = Opened(_event, _bouwers);
        e = e.Then(e.CloseJudging(_bouwers));

        e = e.Then(e.OpenJudging(_bouwers));

        Assert.Equal(JudgingState.Open, e.JudgingOf(_bouwers));
    }

    [Fact]
    public void CloseJudging_AfterTheRoundIsLocked_IsStillAllowed()
    {
        var e = Opened(_event, _bouwers);
        e = e.Then(e.LockRound(_eventId));

        e = e.Then(e.CloseJudging(_bouwers));

        Assert.Equal(JudgingState.Closed, e.JudgingOf(_bouwers));
    }
}
