using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>Ranked ballots in the live event (docs/scoring.md, "Ranked ballots in the web app").</summary>
public sealed class RankingTests
{
    private readonly Guid _finale = Guid.NewGuid();
    private readonly Guid _other = Guid.NewGuid();
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _alpha = Guid.NewGuid();
    private readonly Guid _bravo = Guid.NewGuid();
    private readonly Guid _charlie = Guid.NewGuid();
    private readonly Guid _delta = Guid.NewGuid();

    /// <summary>Of <see cref="_school"/>, so every jury member of that school is conflicted for it.</summary>
    private readonly Guid _echo = Guid.NewGuid();
    private readonly Guid _elsewhere = Guid.NewGuid();
    private readonly Guid _j1 = Guid.NewGuid();
    private readonly Guid _j2 = Guid.NewGuid();
    private readonly Guid _j3 = Guid.NewGuid();
    private readonly Guid _otherJudge = Guid.NewGuid();
    private readonly Guid _idee = Guid.NewGuid();
    private readonly LiveEvent _scores;
    private readonly LiveEvent _event;

    public RankingTests()
    {
        var e = Scenario.NewEvent(Guid.NewGuid());
        e = e.Then(e.AddCategory(_finale, "Finale", ""));
        e = e.Then(e.AddCategory(_other, "Zorg", ""));
        var neutral = Guid.NewGuid();
        e = e.Then(e.AddSchool(neutral, "Da Vinci College", "Dordrecht"));
        e = e.Then(e.AddSchool(_school, "Summa College", "Eindhoven"));
        e = e.Then(e.AddCriterion(_idee, "Idee", 1, 1, 10, ""));
        foreach (var (id, name) in new[] { (_alpha, "Alpha"), (_bravo, "Bravo"), (_charlie, "Charlie"), (_delta, "Delta") })
        {
            e = e.Then(e.RegisterTeam(id, name, neutral, _finale, "Project", ["Ann"]));
        }

        e = e.Then(e.RegisterTeam(_echo, "Echo", _school, _finale, "Project", ["Bo"]));
        e = e.Then(e.RegisterTeam(_elsewhere, "Zorgteam", neutral, _other, "Project", ["Cas"]));
        e = e.Then(e.AppointJudge(_j1, "J1", _finale, null, true));
        e = e.Then(e.AppointJudge(_j2, "J2", _finale, null, false));
        e = e.Then(e.AppointJudge(_j3, "J3", _finale, null, false));
        e = e.Then(e.AppointJudge(_otherJudge, "Z1", _other, null, true));
        _scores = e;
        _event = e.Then(e.DeclareCategoryRules(_finale, RulesPresets.RankedBallots()));
    }

    private static LiveEvent Ranked(LiveEvent e, Guid judge, params Guid[] teams) => e.Then(e.SubmitRanking(judge, teams, null, e.BallotOf(judge) is null ? null : "herzien"));

    /// <summary>The jury's three ballots of the hand-worked Eurovision table (docs/scoring.md).</summary>
    private LiveEvent JuryBallots()
    {
        var e = Ranked(_event, _j1, _alpha, _bravo, _charlie);
        e = Ranked(e, _j2, _bravo, _alpha, _delta);
        return Ranked(e, _j3, _charlie, _alpha, _bravo);
    }

    [Fact]
    public void RankedPreset_IsAcceptedWithOnePanel_AndRefusesScorecards()
    {
        Assert.True(_event.IsRankedCategory(_finale));
        Assert.False(_event.IsRankedCategory(_other));
        Assert.Empty(_event.RulesOf(_finale).Criteria);
        Assert.Equal(RulesPresets.RankedBallots(), _event.RulesOf(_finale));
        Assert.Contains("ranked ballots", RulesPresets.Names);
        Assert.EndsWith("rounding=none; ranks=12-10-8-7-6-5-4-3-2-1", FactCatalog.Describe(_scores, _scores.DeclareCategoryRules(_finale, RulesPresets.RankedBallots()))!.Values, StringComparison.Ordinal);
        Assert.Equal(RulesPresets.RankedBallots(), RulesPresets.ByName("ranked ballots", []));

        var open = _event.Then(_event.OpenJudging(_alpha));
        Rejected.With("score.ranked-category", () => open.SubmitScore(_j1, _alpha, [new CriterionScore(_idee, 7, "")], null, null));
        Rejected.With("ranking.not-ranked", () => _event.SubmitRanking(_otherJudge, [_elsewhere], null, null));

        // A ranked ballot has no criteria and one performance (ranked ballots with panels: JudgingTests.Panels).
        Rejected.With("rules.web.ranked-criteria", () => _scores.DeclareCategoryRules(_finale, RulesPresets.RankedBallots() with { Criteria = _scores.RulesOf(_finale).Criteria }));
        Rejected.With("rules.web.ranked-performances", () => _scores.DeclareCategoryRules(_finale, RulesPresets.RankedBallots() with { Performances = new PerformanceRules(Count: 2) }));
    }

    [Fact]
    public void SubmitRanking_RefusesEveryBadBallot()
    {
        Rejected.With("judge.unknown", () => _event.SubmitRanking(Guid.NewGuid(), [_alpha], null, null));
        Rejected.With("ranking.empty", () => _event.SubmitRanking(_j1, [], null, null));
        Rejected.With("ranking.empty", () => _event.SubmitRanking(_j1, null, null, null));
        Rejected.With("ranking.duplicate", () => _event.SubmitRanking(_j1, [_alpha, _bravo, _alpha], null, null));
        Rejected.With("ranking.team-unknown", () => _event.SubmitRanking(_j1, [_alpha, Guid.NewGuid()], null, null));
        Rejected.With("ranking.team-unknown", () => _event.SubmitRanking(_j1, [_alpha, _elsewhere], null, null));
        Rejected.With("score.round-changed", () => _event.SubmitRanking(_j1, [_alpha], null, null, Guid.NewGuid()));

        // A judge of Echo's school may not rank Echo.
        var conflicted = Guid.NewGuid();
        var e = _event.Then(_event.AppointJudge(conflicted, "J4", _finale, _school, false));
        Rejected.With("ranking.conflicted", () => e.SubmitRanking(conflicted, [_alpha, _echo], null, null));
        e = e.Then(e.DeclareConflict(_j1, _bravo, "neef"));
        Rejected.With("ranking.conflicted", () => e.SubmitRanking(_j1, [_bravo], null, null));

        // Off the round's panel.
        var rounds = e.Then(e.DeclareCategoryRounds(_finale, ["Voorronde", "Finale"], Guid.NewGuid));
        var panel = rounds.Then(rounds.SetRoundPanel(_finale, rounds.RoundOf(_finale), [_j2, _j3]));
        Rejected.With("score.not-in-round-panel", () => panel.SubmitRanking(_j1, [_alpha], null, null));
    }

    [Fact]
    public void SubmitRanking_CanBeRevisedWithAReason_UntilSignOff()
    {
        var fact = _event.SubmitRanking(_j1, [_bravo, _alpha], " goed ", null, _event.RoundOf(_finale));
        Assert.False(fact.IsCorrection);
        Assert.Equal("goed", fact.Comment);
        var e = _event.Then(fact);
        Assert.Equal([_bravo, _alpha], e.BallotOf(_j1)!.TeamIds);
        Assert.Equal(1, e.BallotOf(_j1)!.Revision);
        var line = FactCatalog.Describe(e, fact)!;
        Assert.Equal("ranking submitted", line.Action);
        Assert.Equal("Finale: 1. Bravo, 2. Alpha", line.Values);

        Rejected.With("score.reason.required", () => e.SubmitRanking(_j1, [_alpha, _bravo], null, null));
        var revision = e.SubmitRanking(_j1, [_alpha, _bravo, _charlie], null, "verwisseld");
        Assert.True(revision.IsCorrection);
        e = e.Then(revision);
        Assert.Equal([_alpha, _bravo, _charlie], e.BallotOf(_j1)!.TeamIds);
        Assert.Equal(2, e.BallotOf(_j1)!.Revision);
        Assert.Equal("ranking corrected", FactCatalog.Describe(e, revision)!.Action);

        var signed = e.Then(e.LockCategory(_finale));
        Rejected.With("score.category-locked", () => signed.SubmitRanking(_j1, [_charlie], null, "te laat"));
        Rejected.With("score.category-locked", () => signed.SubmitRanking(_j2, [_charlie], null, null));
        var locked = e.Then(e.LockRound(e.CurrentRoundId));
        Rejected.With("score.round-locked", () => locked.SubmitRanking(_j2, [_charlie], null, null));

        var paper = e.EnterPaperRanking(_j2, [_charlie, _alpha], null);
        Assert.True(paper.FromPaper);
        Assert.Equal("ranking submitted from paper", FactCatalog.Describe(e, paper)!.Action);
    }

    [Fact]
    public void Standings_OfTheJuryBallots_AreTheHandWorkedTablesJuryPoints()
    {
        var e = JuryBallots();

        var marks = e.MarksOf(_finale);
        Assert.All(marks, m => Assert.Equal(string.Empty, m.Criterion));
        Assert.Equal(9, marks.Count);
        Assert.Contains(marks, m => m.Judge == _j2.ToString("D") && m.Team == _delta.ToString("D") && m.Value == 3m);

        // Jury of docs/scoring.md's ranked table: Alpha 12+10+10 = 32, Bravo 10+12+8 = 30, Charlie 8+12 = 20, Delta 8, Echo 0.
        var standings = e.Standings(_finale).Standings;
        Assert.Equal([_alpha, _bravo, _charlie, _delta, _echo], standings.Select(s => Guid.Parse(s.Team)));
        Assert.Equal([32m, 30m, 20m, 8m, 0m], standings.Select(s => s.Total));
        Assert.Equal([1, 2, 3, 4, 5], standings.Select(s => s.Rank));
        Assert.All(standings, s => Assert.Equal(3, s.JudgeCount));
        Assert.Contains(standings[0].Trail, t => t.Kind == TrailKind.Points && t.Judge == _j1.ToString("D") && t.Before == 1m && t.Value == 12m);

        // The same result from the files the exports write, as the CLI reads them.
        var again = RulesEngine.Compute(RulesJson.Read(RulesJson.Write(e.RulesOf(_finale))), ScoresCsv.Read(ScoresCsv.Write(marks)).Marks, e.EngineTeams(_finale));
        Assert.Equal(standings.Select(s => (s.Team, s.Total, s.Rank)), again.Standings.Select(s => (s.Team, s.Total, s.Rank)));

        // Every judge of the panel has judged every team once their ballot is in.
        Assert.True(e.HasJudged(_j2, _echo));
        Assert.Empty(e.MissingScorecards(_echo));
        Assert.Contains(_j2, _event.MissingScorecards(_alpha).Select(j => j.Id));
        Assert.True(e.ReadinessOf(_finale).Passes(ReadinessRule.Scorecards));
        Assert.False(Ranked(_event, _j1, _alpha).ReadinessOf(_finale).Passes(ReadinessRule.Scorecards));
    }

    [Fact]
    public void AConflictDeclaredAfterTheBallot_TakesTheTeamOut_AndTheTeamsBelowMoveUp()
    {
        var e = JuryBallots();
        e = e.Then(e.DeclareConflict(_j2, _bravo, "zus in het team"));

        // J2's ballot Bravo, Alpha, Delta counts as Alpha 12, Delta 10; Bravo gets 0 from J2.
        var points = e.Standings(_finale).Standings.ToDictionary(s => Guid.Parse(s.Team), s => s.Total);
        Assert.Equal(12m + 12m + 10m, points[_alpha]);
        Assert.Equal(10m + 8m, points[_bravo]);
        Assert.Equal(10m, points[_delta]);
        Assert.Equal([_alpha, _delta], e.CountedRankingOf(e.BallotOf(_j2)!));

        // A withdrawn team leaves every ballot the same way.
        e = e.Then(e.WithdrawTeam(_alpha));
        Assert.Equal([_delta], e.CountedRankingOf(e.BallotOf(_j2)!));
        Assert.Equal(12m, e.Standings(_finale).Standings.Single(s => s.Team == _delta.ToString("D")).Total);
    }

    [Fact]
    public void SwitchingBetweenScoresAndBallots_IsRefusedOnceEitherExists()
    {
        var open = _scores.Then(_scores.OpenJudging(_alpha));
        var scored = open.Then(open.SubmitScore(_j1, _alpha, [new CriterionScore(_idee, 7, "")], null, null));
        Rejected.With("rules.web.ranked-scorecards-exist", () => scored.DeclareCategoryRules(_finale, RulesPresets.RankedBallots()));

        var ranked = Ranked(_event, _j1, _alpha);
        Rejected.With("rules.web.ballots-exist", () => ranked.DeclareCategoryRules(_finale, null));
        Rejected.With("rules.web.ballots-exist", () => ranked.DeclareCategoryRules(_finale, RulesPresets.TrimmedMean(_scores.RulesOf(_finale).Criteria)));

        // Other points per rank are fine: the ballots stay ballots.
        var points = ranked.Then(ranked.DeclareCategoryRules(_finale, RulesPresets.RankedBallots() with { Ranks = new RankRules([3m, 2m, 1m]) }));
        Assert.Equal(3m, points.Standings(_finale).Standings[0].Total);
    }
}
