using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// A small event built through its own decisions, scored by a three-judge panel, and ranked with
/// <see cref="LiveEventResults.Results"/>. Every expected number is worked out by hand with
/// total = sum w * (v - min) / (max - min) / sum w * 100; with Idee (3 × 1..10) and Presentatie (1 × 0..4) that is
/// total = 25/3 * (idee - 1) + 6.25 * presentatie.
/// </summary>
public sealed class JudgingResultsTests
{
    private readonly Guid _techniek = Guid.NewGuid();
    private readonly Guid _daVinci = Guid.NewGuid();
    private readonly Guid _summa = Guid.NewGuid();
    private readonly Guid _idee = Guid.NewGuid();
    private readonly Guid _presentatie = Guid.NewGuid();
    private readonly Guid _alpha = Guid.NewGuid();
    private readonly Guid _bravo = Guid.NewGuid();

    /// <summary>The only team of Summa College; the others are from Da Vinci College.</summary>
    private readonly Guid _charlie = Guid.NewGuid();

    private readonly Guid _j1 = Guid.NewGuid();
    private readonly Guid _j2 = Guid.NewGuid();
    private readonly Guid _j3 = Guid.NewGuid();

    /// <summary>Rubric, teams and judges in place, judging open for all three teams, nothing scored yet.</summary>
    private readonly LiveEvent _ready;

    /// <summary>
    /// <see cref="_ready"/> plus all nine scorecards; J3 scored Charlie after judging for Charlie closed (late).
    /// <code>
    ///            J1            J2           J3           mean                median
    /// Alpha   (10,4) 100    (7,0) 50     (4,2) 37.5   187.5/3  = 62.5     50
    /// Bravo   (7,3)  68.75  (7,4) 75     (4,4) 50     193.75/3 = 64.583   68.75
    /// Charlie (10,0) 75     (4,2) 37.5   (7,2) 62.5   175/3    = 58.333   62.5
    /// </code>
    /// </summary>
    private readonly LiveEvent _judged;

    public JudgingResultsTests()
    {
        var e = Scenario.NewEvent();
        e = e.Then(e.AddCategory(_techniek, "Techniek", ""));
        e = e.Then(e.AddSchool(_daVinci, "Da Vinci College", "Dordrecht"));
        e = e.Then(e.AddSchool(_summa, "Summa College", "Eindhoven"));
        e = e.Then(e.AddCriterion(_idee, "Idee", 3, 1, 10, ""));
        e = e.Then(e.AddCriterion(_presentatie, "Presentatie", 1, 0, 4, ""));
        e = e.Then(e.RegisterTeam(_alpha, "Alpha", _daVinci, _techniek, "Project A", ["Ann"]));
        e = e.Then(e.RegisterTeam(_bravo, "Bravo", _daVinci, _techniek, "Project B", ["Bo"]));
        e = e.Then(e.RegisterTeam(_charlie, "Charlie", _summa, _techniek, "Project C", ["Cas"]));
        e = e.Then(e.AppointJudge(_j1, "Jury Een", _techniek, null, true));
        e = e.Then(e.AppointJudge(_j2, "Jury Twee", _techniek, null, false));
        e = e.Then(e.AppointJudge(_j3, "Jury Drie", _techniek, null, false));
        e = e.Then(e.OpenJudging(_alpha));
        e = e.Then(e.OpenJudging(_bravo));
        e = e.Then(e.OpenJudging(_charlie));
        _ready = e;

        e = Score(e, _j1, _alpha, 10, 4);
        e = Score(e, _j2, _alpha, 7, 0);
        e = Score(e, _j3, _alpha, 4, 2);
        e = Score(e, _j1, _bravo, 7, 3);
        e = Score(e, _j2, _bravo, 7, 4);
        e = Score(e, _j3, _bravo, 4, 4);
        e = Score(e, _j1, _charlie, 10, 0);
        e = Score(e, _j2, _charlie, 4, 2);
        e = e.Then(e.CloseJudging(_charlie));
        e = Score(e, _j3, _charlie, 7, 2);
        _judged = e;
    }

    private LiveEvent Score(LiveEvent state, Guid judgeId, Guid teamId, int idee, int presentatie, string? reason = null) =>
        state.Then(state.SubmitScore(judgeId, teamId, [new CriterionScore(_idee, idee, ""), new CriterionScore(_presentatie, presentatie, "")], null, reason));

    private static void AssertRanking(IReadOnlyList<TeamResult> results, params (Guid Team, int? Rank, double? Score)[] expected)
    {
        Assert.Equal(expected.Select(x => x.Team), results.Select(r => r.TeamId));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Rank, results[i].Rank);
            if (expected[i].Score is { } score)
            {
                Assert.NotNull(results[i].Score);
                Assert.Equal(score, results[i].Score!.Value, 9);
            }
            else
            {
                Assert.Null(results[i].Score);
            }
        }
    }

    [Fact]
    public void Results_WithTheDefaultWeightedMean_RankByTheMeanOfTheJudgesTotals()
    {
        var results = _judged.Results(_techniek);

        AssertRanking(results, (_bravo, 1, 193.75 / 3), (_alpha, 2, 62.5), (_charlie, 3, 175.0 / 3));
        Assert.All(results, r => Assert.Equal(3, r.JudgeCount));
        Assert.All(results, r => Assert.False(r.SharedRank));
    }

    [Fact]
    public void Results_CriterionMeans_AreTheMeanRawValues()
    {
        var bravo = Assert.Single(_judged.Results(_techniek), r => r.TeamId == _bravo);

        Assert.Equal(6.0, bravo.CriterionMeans[_idee], 9);
        Assert.Equal(11.0 / 3, bravo.CriterionMeans[_presentatie], 9);
    }

    [Fact]
    public void Results_WithMedian_PutCharlieAboveAlpha()
    {
        AssertRanking(_judged.Results(_techniek, AggregationMethod.Median), (_bravo, 1, 68.75), (_charlie, 2, 62.5), (_alpha, 3, 50));
    }

    [Fact]
    public void Results_UseTheEventsAggregation_UnlessAnotherIsAskedFor()
    {
        var e = _judged.Then(_judged.SetScoringRules(AggregationMethod.Median, []));

        AssertRanking(e.Results(_techniek), (_bravo, 1, 68.75), (_charlie, 2, 62.5), (_alpha, 3, 50));
        AssertRanking(e.Results(_techniek, AggregationMethod.WeightedMean), (_bravo, 1, 193.75 / 3), (_alpha, 2, 62.5), (_charlie, 3, 175.0 / 3));
    }

    [Fact]
    public void Results_CountALateScorecard()
    {
        Assert.True(_judged.ScorecardOf(_j3, _charlie)?.Late);
        Assert.Equal(3, Assert.Single(_judged.Results(_techniek), r => r.TeamId == _charlie).JudgeCount);
    }

    [Fact]
    public void Results_LeaveOutTheScorecardOfAJudgeWhoDeclaredAConflict()
    {
        var e = _judged.Then(_judged.DeclareConflict(_j1, _alpha, "Familie"));

        var counted = e.CountedScores(_techniek);
        Assert.Equal(8, counted.Count);
        Assert.DoesNotContain(counted, s => s.JudgeId == _j1 && s.TeamId == _alpha);

        // Alpha without J1's 100: (50 + 37.5) / 2 = 43.75.
        AssertRanking(e.Results(_techniek), (_bravo, 1, 193.75 / 3), (_charlie, 2, 175.0 / 3), (_alpha, 3, 43.75));
        Assert.Equal(2, Assert.Single(e.Results(_techniek), r => r.TeamId == _alpha).JudgeCount);
    }

    [Fact]
    public void Results_LeaveOutTheScorecardOfAJudgeFromTheTeamsSchool()
    {
        var e = _judged.Then(_judged.ChangeJudge(_j2, "Jury Twee", _techniek, _summa, false));

        Assert.True(e.IsConflicted(_j2, _charlie));

        // Charlie without J2's 37.5: (75 + 62.5) / 2 = 68.75; Alpha and Bravo keep all three cards.
        AssertRanking(e.Results(_techniek), (_charlie, 1, 68.75), (_bravo, 2, 193.75 / 3), (_alpha, 3, 62.5));
        Assert.Equal(8, e.CountedScores(_techniek).Count);
    }

    [Fact]
    public void Results_UseTheCorrectedScorecard()
    {
        var e = Score(_judged, _j3, _alpha, 10, 4, "Verkeerde team aangeklikt");

        // Alpha: (100 + 50 + 100) / 3.
        AssertRanking(e.Results(_techniek), (_alpha, 1, 250.0 / 3), (_bravo, 2, 193.75 / 3), (_charlie, 3, 175.0 / 3));
        Assert.Equal(9, e.CountedScores(_techniek).Count);
    }

    [Fact]
    public void Results_ListATeamWithoutScorecardsLastAndUnranked()
    {
        var e = Score(_ready, _j1, _bravo, 7, 3);

        var results = e.Results(_techniek);

        AssertRanking(results, (_bravo, 1, 68.75), (_alpha, null, null), (_charlie, null, null));
        Assert.Equal(0, results[1].JudgeCount);
    }

    [Fact]
    public void Results_WithEqualTotals_ShareTheRankUntilATieBreakSeparatesThem()
    {
        // Alpha (4,0) and Bravo (1,4) both total 25; Alpha has the higher Idee, Bravo the higher Presentatie.
        var e = Score(_ready, _j1, _alpha, 4, 0);
        e = Score(e, _j1, _bravo, 1, 4);
        e = Score(e, _j1, _charlie, 1, 0);

        var tied = e.Results(_techniek);
        AssertRanking(tied, (_alpha, 1, 25), (_bravo, 1, 25), (_charlie, 3, 0));
        Assert.True(tied[0].SharedRank && tied[1].SharedRank);

        var byIdee = e.Then(e.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, _idee)]));
        AssertRanking(byIdee.Results(_techniek), (_alpha, 1, 25), (_bravo, 2, 25), (_charlie, 3, 0));

        var byPresentatie = e.Then(e.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, _presentatie)]));
        AssertRanking(byPresentatie.Results(_techniek), (_bravo, 1, 25), (_alpha, 2, 25), (_charlie, 3, 0));
    }
}
