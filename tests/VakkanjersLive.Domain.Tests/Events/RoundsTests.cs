using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Rounds per category (docs/scoring.md, "Rounds"): a heat with four teams, "advance the top N" to a final, and the
/// rule that nothing of one round leaks into another. Zorg has no rounds and behaves as before.
/// </summary>
public sealed class RoundsTests
{
    private readonly Guid _eventId = Guid.NewGuid();
    private readonly Guid _techniek = Guid.NewGuid();
    private readonly Guid _zorg = Guid.NewGuid();
    private readonly Guid _school = Guid.NewGuid();

    /// <summary>Scale 0..10, weight 1: a value v is a total of 10 v.</summary>
    private readonly Guid _show = Guid.NewGuid();
    private readonly Guid _anna = Guid.NewGuid();
    private readonly Guid _bram = Guid.NewGuid();
    private readonly Guid _cato = Guid.NewGuid();
    private readonly Guid _daan = Guid.NewGuid();
    private readonly Guid _zorgdragers = Guid.NewGuid();
    private readonly Guid _jansen = Guid.NewGuid();
    private readonly Guid _pietersen = Guid.NewGuid();
    private readonly Guid _deVries = Guid.NewGuid();
    private readonly Guid _final = Guid.NewGuid();
    private readonly LiveEvent _event;

    public RoundsTests()
    {
        var e = Scenario.NewEvent(_eventId);
        e = e.Then(e.AddCategory(_techniek, "Techniek", ""));
        e = e.Then(e.AddCategory(_zorg, "Zorg", ""));
        e = e.Then(e.AddSchool(_school, "Da Vinci College", "Dordrecht"));
        e = e.Then(e.AddCriterion(_show, "Show", 1, 0, 10, ""));
        e = e.Then(e.RegisterTeam(_anna, "Anna", _school, _techniek, "Project", ["A"]));
        e = e.Then(e.RegisterTeam(_bram, "Bram", _school, _techniek, "Project", ["B"]));
        e = e.Then(e.RegisterTeam(_cato, "Cato", _school, _techniek, "Project", ["C"]));
        e = e.Then(e.RegisterTeam(_daan, "Daan", _school, _techniek, "Project", ["D"]));
        e = e.Then(e.RegisterTeam(_zorgdragers, "De Zorgdragers", _school, _zorg, "Project", ["Z"]));
        e = e.Then(e.AppointJudge(_jansen, "Mevr. Jansen", _techniek, null, true));
        e = e.Then(e.AppointJudge(_pietersen, "Dhr. Pietersen", _techniek, null, false));
        e = e.Then(e.AppointJudge(_deVries, "Mevr. De Vries", _zorg, null, true));
        _event = e;
    }

    private LiveEvent WithRounds(LiveEvent e) => e.Then(e.DeclareCategoryRounds(_techniek, ["Voorronde", "Finale"], () => _final));

    private LiveEvent Scored(LiveEvent e, Guid team, int jansen, int pietersen)
    {
        if (e.JudgingOf(team) != JudgingState.Open)
        {
            e = e.Then(e.OpenJudging(team));
        }

        e = e.Then(e.SubmitScore(_jansen, team, [new CriterionScore(_show, jansen, "")], null, e.ScorecardOf(_jansen, team) is null ? null : "Correctie"));
        return e.Then(e.SubmitScore(_pietersen, team, [new CriterionScore(_show, pietersen, "")], null, e.ScorecardOf(_pietersen, team) is null ? null : "Correctie"));
    }

    /// <summary>The heat: Anna 90, Bram 80, Cato 70, Daan 60 (means of the two judges, on 0..100).</summary>
    private LiveEvent Heat(LiveEvent e)
    {
        e = Scored(e, _anna, 9, 9);
        e = Scored(e, _bram, 8, 8);
        e = Scored(e, _cato, 7, 7);
        return Scored(e, _daan, 6, 6);
    }

    private LiveEvent SignedOff(LiveEvent e) => e.Then(e.LockCategory(_techniek));

    private static List<string> Ranking(RulesResult result) => [.. result.Standings.Select(s => s.Team)];

    private static List<(string Team, int? Rank, decimal? Total)> Totals(RulesResult result) => [.. result.Standings.Select(s => (s.Team, s.Rank, s.Total))];

    // ---- old journals: one implicit round ----------------------------------------------------------------------

    [Fact]
    public void WithoutDeclaredRounds_ACategoryHasOneImplicitRound_TheEventsCurrentRound()
    {
        var e = Heat(_event);

        var round = Assert.Single(e.RoundsOf(_techniek));
        Assert.Equal(_eventId, round.RoundId);
        Assert.Equal(_eventId, e.RoundOf(_techniek));
        Assert.False(e.HasRounds(_techniek));
        Assert.Null(e.NextRoundOf(_techniek));
        Assert.All(e.Scorecards, s => Assert.Equal(_eventId, s.RoundId));
        Assert.Equal(4, e.TeamsInRound(_techniek).Count());
        Assert.Equal(Totals(e.Standings(_techniek)), Totals(e.Standings(_techniek, _eventId)));
    }

    [Fact]
    public void AdvanceTop_WithoutDeclaredRounds_IsRefused()
    {
        var e = SignedOff(Heat(_event));

        Rejected.With("advance.no-next-round", () => e.AdvanceTop(_techniek, 2, includeTied: false));
    }

    // ---- declaring rounds --------------------------------------------------------------------------------------

    [Fact]
    public void DeclareCategoryRounds_KeepsTheScorecardsAlreadyGivenInTheFirstRound()
    {
        var e = Scored(_event, _anna, 9, 9);

        var fact = e.DeclareCategoryRounds(_techniek, [" Voorronde ", "Finale"], () => _final);
        e = e.Then(fact);

        Assert.Equal(new CategoryRound(_eventId, "Voorronde"), fact.Rounds[0]);
        Assert.Equal(new CategoryRound(_final, "Finale"), fact.Rounds[1]);
        Assert.Equal(_eventId, e.RoundOf(_techniek));
        Assert.Equal(2, e.Standings(_techniek).Standings.Single(s => s.Team == _anna.ToString("D")).JudgeCount);
        Assert.Equal("Finale", e.NextRoundOf(_techniek)?.Name);
        Assert.False(e.HasRounds(_zorg));
    }

    [Fact]
    public void DeclareCategoryRounds_WithOneRoundOrTwiceTheSameName_IsRefused()
    {
        Rejected.With("rounds.count", () => _event.DeclareCategoryRounds(_techniek, ["Finale"], Guid.NewGuid));
        Rejected.With("round.name.duplicate", () => _event.DeclareCategoryRounds(_techniek, ["Finale", "finale"], Guid.NewGuid));
        Rejected.With("round.name.required", () => _event.DeclareCategoryRounds(_techniek, ["Voorronde", " "], Guid.NewGuid));
        Rejected.With("rounds.already-single", () => _event.DeclareCategoryRounds(_techniek, [], Guid.NewGuid));
    }

    [Fact]
    public void DeclareCategoryRounds_CannotDropARoundThatStarted()
    {
        var e = SignedOff(Heat(WithRounds(_event)));
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));

        Rejected.With("rounds.started", () => e.DeclareCategoryRounds(_techniek, [], Guid.NewGuid));

        // Renaming and adding a round after the final keeps the ids of the rounds that exist.
        var renamed = e.DeclareCategoryRounds(_techniek, ["Regio", "Landelijke finale", "Superfinale"], Guid.NewGuid);
        Assert.Equal([_eventId, _final], renamed.Rounds.Take(2).Select(r => r.RoundId));
    }

    // ---- advance the top N -------------------------------------------------------------------------------------

    [Fact]
    public void AdvanceTop_BeforeTheRoundIsSignedOff_IsRefused()
    {
        var e = Heat(WithRounds(_event));

        Rejected.With("advance.not-signed-off", () => e.AdvanceTop(_techniek, 2, includeTied: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(5)]
    public void AdvanceTop_WithAnInvalidN_IsRefused(int top)
    {
        var e = SignedOff(Heat(WithRounds(_event)));

        var refused = Rejected.With("advance.top.out-of-range", () => e.AdvanceTop(_techniek, top, includeTied: false));
        Assert.Equal(new object[] { 1, 4 }, refused.Arguments);
    }

    [Fact]
    public void AdvanceTop2_StartsTheFinalWithTheBestTwo_AndJudgingStartsAfresh()
    {
        var e = SignedOff(Heat(WithRounds(_event)));

        var fact = e.AdvanceTop(_techniek, 2, includeTied: false);
        e = e.Then(fact);

        Assert.Equal((_techniek, _eventId, _final, 2, false), (fact.CategoryId, fact.FromRoundId, fact.RoundId, fact.Top, fact.TiesIncluded));
        Assert.Equal([_anna, _bram], fact.TeamIds);
        Assert.Equal(_final, e.RoundOf(_techniek));
        Assert.Equal(new HashSet<Guid> { _anna, _bram }, e.TeamsInRound(_techniek).Select(t => t.Id).ToHashSet());
        Assert.False(e.IsCategoryLocked(_techniek));
        Assert.Equal(JudgingState.NotOpened, e.JudgingOf(_anna));
        Assert.Null(e.ScorecardOf(_jansen, _anna));
        Assert.All(e.Standings(_techniek).Standings, s => Assert.Null(s.Total));
        Assert.Null(e.NextRoundOf(_techniek));
        Assert.Equal(["Voorronde", "Finale"], e.StartedRoundsOf(_techniek).Select(r => r.Name));
    }

    [Fact]
    public void InTheFinal_ATeamThatDidNotAdvance_CannotBeOpenedOrScored()
    {
        var e = SignedOff(Heat(WithRounds(_event)));
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));

        Rejected.With("score.not-in-round", () => e.OpenJudging(_cato));
        Rejected.With("score.not-in-round", () => e.SubmitScore(_jansen, _cato, [new CriterionScore(_show, 10, "")], null, null));
        Assert.False(e.IsInRound(_cato));
        Assert.True(e.IsInRound(_cato, _eventId));
    }

    [Fact]
    public void AdvanceTop_WithATieAtTheCutOff_ShowsTheTiedTeams_AndNeedsTheModeratorToIncludeThem()
    {
        var e = WithRounds(_event);
        e = Scored(e, _anna, 9, 9);
        e = Scored(e, _bram, 8, 6);
        e = Scored(e, _cato, 7, 7);
        e = Scored(e, _daan, 5, 5);
        e = SignedOff(e);

        // Bram and Cato both have 70 and no tie-break separates them: two places, three teams.
        var plan = e.PlanAdvance(_techniek, 2);
        Assert.Equal([_anna], plan.Advancing);
        Assert.Equal([_bram, _cato], plan.Tied);
        Assert.True(plan.HasTie);

        var refused = Rejected.With("advance.tie", () => e.AdvanceTop(_techniek, 2, includeTied: false));
        Assert.Equal(new object[] { "Bram, Cato" }, refused.Arguments);

        var fact = e.AdvanceTop(_techniek, 2, includeTied: true);
        Assert.Equal([_anna, _bram, _cato], fact.TeamIds);
        Assert.True(fact.TiesIncluded);
        Assert.Equal(2, fact.Top);
    }

    [Fact]
    public void AdvanceTop_WithATieBelowTheCutOff_IsNoTie()
    {
        var e = WithRounds(_event);
        e = Scored(e, _anna, 9, 9);
        e = Scored(e, _bram, 8, 8);
        e = Scored(e, _cato, 7, 7);
        e = Scored(e, _daan, 7, 7);
        e = SignedOff(e);

        var plan = e.PlanAdvance(_techniek, 2);

        Assert.False(plan.HasTie);
        Assert.Equal([_anna, _bram], plan.Advancing);
        Assert.Equal([_anna, _bram, _cato, _daan], e.AdvanceTop(_techniek, 3, includeTied: true).TeamIds);
    }

    [Fact]
    public void AdvanceTop_LeavesIncompleteTeamsOut()
    {
        var e = WithRounds(_event);
        e = e.Then(e.DeclareCategoryRules(_techniek, e.RulesOf(_techniek) with { Panel = e.RulesOf(_techniek).Panel with { MinJudges = 2 } }));
        e = Scored(e, _anna, 9, 9);
        e = Scored(e, _bram, 8, 8);
        e = e.Then(e.OpenJudging(_cato));
        e = e.Then(e.SubmitScore(_jansen, _cato, [new CriterionScore(_show, 10, "")], null, null));
        e = SignedOff(e);

        Assert.Equal([_anna, _bram], e.AdvanceTop(_techniek, 2, includeTied: false).TeamIds);
        Rejected.With("advance.top.out-of-range", () => e.AdvanceTop(_techniek, 3, includeTied: false));
    }

    // ---- round isolation ---------------------------------------------------------------------------------------

    [Fact]
    public void ScoresOfTheHeat_NeverLeakIntoTheFinal_AndTheHeatKeepsItsOwnResults()
    {
        var e = SignedOff(Heat(WithRounds(_event)));
        var heat = e.Standings(_techniek);
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));

        // In the final Bram beats Anna: 100 against 50.
        e = Scored(e, _anna, 5, 5);
        e = Scored(e, _bram, 10, 10);

        var final = e.Standings(_techniek);
        Assert.Equal([_bram.ToString("D"), _anna.ToString("D")], Ranking(final));
        Assert.Equal([100m, 50m], final.Standings.Select(s => s.Total!.Value));
        Assert.All(final.Standings, s => Assert.Equal(2, s.JudgeCount));
        Assert.Equal(Totals(heat), Totals(e.Standings(_techniek, _eventId)));
        Assert.Equal(90m, e.Standings(_techniek, _eventId).Standings[0].Total);
        Assert.Equal(8, e.Scorecards.Count(s => s.RoundId == _eventId));
        Assert.Equal(4, e.Scorecards.Count(s => s.RoundId == _final));
        Assert.Equal(4, e.MarksOf(_techniek).Count);
        Assert.Equal(8, e.MarksOf(_techniek, _eventId).Count);
        Assert.Equal(2, e.Results(_techniek).Count);
        Assert.Equal(4, e.Results(_techniek, roundId: _eventId).Count);

        // A first scorecard in the final is no correction of the heat's.
        Assert.All(e.Scorecards.Where(s => s.RoundId == _final), s => Assert.Equal(1, s.Revision));
    }

    [Fact]
    public void AScorecardTypedInTheHeat_ArrivingAfterTheFinalStarted_IsRefusedNotCountedInTheFinal()
    {
        var e = SignedOff(Heat(WithRounds(_event)));
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));
        e = e.Then(e.OpenJudging(_anna));

        var refused = Rejected.With("score.round-changed", () => e.SubmitScore(_jansen, _anna, [new CriterionScore(_show, 3, "")], null, null, _eventId));
        Assert.Equal(new object[] { "Finale" }, refused.Arguments);
        Assert.Equal(_final, e.SubmitScore(_jansen, _anna, [new CriterionScore(_show, 3, "")], null, null, _final).RoundId);
    }

    [Fact]
    public void SignOffAndReadiness_BelongToTheRound()
    {
        var e = SignedOff(Heat(WithRounds(_event)));
        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));
        Assert.True(e.ReadinessOf(_techniek).IsReady);

        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));

        Assert.False(e.IsCategoryLocked(_techniek));
        var open = e.ReadinessOf(_techniek).Issues.Where(i => i.Rule == ReadinessRule.Scorecards).Select(i => i.TeamId).ToList();
        Assert.Equal([_anna, _bram], open);
        e = Scored(e, _anna, 5, 5);
        e = Scored(e, _bram, 10, 10);
        var locked = e.LockCategory(_techniek);
        Assert.Equal(new CategoryLocked(_final, _techniek), locked);
    }

    [Fact]
    public void AReal_Reveal_OfTheHeat_EndsWithTheNextRound_AndTheHeatsRulesStayFrozen()
    {
        var e = SignedOff(Heat(WithRounds(_event)));
        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));
        e = e.Then(e.PrepareReveal(_techniek, rehearsal: false));
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));

        Assert.Null(e.RevealOf(_techniek));
        Assert.True(e.IsRoundFrozen(_techniek, _eventId));
        Assert.False(e.IsRoundFrozen(_techniek, _final));
        Assert.True(e.IsAnyCategoryFrozen);
        var trimmed = RulesPresets.FromRubric(e.RubricLines(), AggregationMethod.TrimmedMean, []);
        Rejected.With("rules.reveal-frozen", () => e.DeclareCategoryRules(_techniek, trimmed, _eventId));
        Rejected.With("rules.reveal-frozen", () => e.DeclareCategoryRules(_techniek, trimmed));
        Assert.Equal(_final, e.DeclareCategoryRules(_techniek, trimmed, _final).RoundId);
    }

    // ---- a panel per round -------------------------------------------------------------------------------------

    [Fact]
    public void APanelPerRound_OnlyItsJudgesScoreTheFinal_TheHeatKeepsEveryJudge()
    {
        var e = WithRounds(_event);
        e = e.Then(e.SetRoundPanel(_techniek, _final, [_jansen]));
        e = SignedOff(Heat(e));
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));
        e = e.Then(e.OpenJudging(_anna));

        Rejected.With("score.not-in-round-panel", () => e.SubmitScore(_pietersen, _anna, [new CriterionScore(_show, 3, "")], null, null));
        e = e.Then(e.SubmitScore(_jansen, _anna, [new CriterionScore(_show, 3, "")], null, null));

        Assert.Equal([_jansen], e.PanelOf(_techniek).Select(j => j.Id));
        Assert.Equal(2, e.PanelOf(_techniek, _eventId).Count());
        Assert.False(e.IsOnPanel(_pietersen));
        Assert.Equal(1, e.MinimumScorecardsOf(e.FindTeam(_anna)!));
        Assert.DoesNotContain(e.ReadinessOf(_techniek).Issues, i => i.Rule == ReadinessRule.Scorecards && i.TeamId == _anna);
        Assert.Equal(8, e.CountedScores(_techniek, _eventId).Count);
    }

    [Fact]
    public void SetRoundPanel_OfASignedOffOrEarlierRound_OrWithAnotherCategorysJudge_IsRefused()
    {
        var e = SignedOff(Heat(WithRounds(_event)));

        Rejected.With("round.panel.final", () => e.SetRoundPanel(_techniek, _eventId, [_jansen]));
        Rejected.With("round.panel.judge-not-in-category", () => e.SetRoundPanel(_techniek, _final, [_deVries]));
        Rejected.With("round.panel.duplicate", () => e.SetRoundPanel(_techniek, _final, [_jansen, _jansen]));
        Rejected.With("round.unknown", () => _event.SetRoundPanel(_techniek, _eventId, [_jansen]));

        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));
        Rejected.With("round.panel.final", () => e.SetRoundPanel(_techniek, _eventId, []));
        Assert.Empty(e.SetRoundPanel(_techniek, _final, []).JudgeIds);
    }

    // ---- rules per round ---------------------------------------------------------------------------------------

    [Fact]
    public void RulesPerRound_TheFinalSumsThePanel_TheHeatKeepsTheMean()
    {
        var e = WithRounds(_event);
        var sum = e.RulesOf(_techniek) with { Panel = e.RulesOf(_techniek).Panel with { Method = PanelMethod.Sum } };
        e = e.Then(e.DeclareCategoryRules(_techniek, sum, _final));
        e = SignedOff(Heat(e));
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));
        e = Scored(e, _anna, 5, 5);
        e = Scored(e, _bram, 10, 10);

        Assert.Equal(PanelMethod.Mean, e.RulesOf(_techniek, _eventId).Panel.Method);
        Assert.Equal(PanelMethod.Sum, e.RulesOf(_techniek).Panel.Method);
        Assert.True(e.HasRoundRules(_techniek, _final));
        Assert.Equal(200m, e.Standings(_techniek).Standings[0].Total);
        Assert.Equal(90m, e.Standings(_techniek, _eventId).Standings[0].Total);
    }

    [Fact]
    public void DeclareCategoryRules_ForARoundTheCategoryDoesNotHave_IsRefused()
    {
        var rules = _event.RulesOf(_techniek);

        Rejected.With("round.unknown", () => _event.DeclareCategoryRules(_techniek, rules, _final));
        Rejected.With("round.unknown", () => WithRounds(_event).DeclareCategoryRules(_techniek, rules, Guid.NewGuid()));
    }

    [Fact]
    public void ACategoryWithoutRounds_IsNotTouchedByAnotherCategorysRounds()
    {
        var e = SignedOff(Heat(WithRounds(_event)));
        e = e.Then(e.AdvanceTop(_techniek, 2, includeTied: false));

        e = e.Then(e.OpenJudging(_zorgdragers));
        var fact = e.SubmitScore(_deVries, _zorgdragers, [new CriterionScore(_show, 8, "")], null, null);

        Assert.Equal(_eventId, fact.RoundId);
        Assert.Equal(_eventId, e.RoundOf(_zorg));
        Assert.False(e.IsCategoryLocked(_zorg));
    }
}
