using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>A panel that counts an audience vote (<see cref="PanelDefinition.Votes"/>): ballots instead of judges.</summary>
public sealed class VotesPanelTests
{
    private static readonly RulesCriterion Show = new("show", 0m, 10m, 1m, 1m);

    private static readonly ScoringRules Blend = RulesPresets.Jury80Public20([Show]) with { Rounding = null };

    private static Mark Vote(string team, string ballot, decimal points, string criterion = "") => new(team, ballot, criterion, points, Panel: "public");

    private static Mark Jury(string team, string judge, decimal value) => new(team, judge, "show", value, Panel: "jury");

    [Fact]
    public void Jury80Public20_CountsThePublicAsVotes()
    {
        var panels = RulesPresets.Jury80Public20([Show]).Panels!.List;

        Assert.Equal([("jury", 0.8m, false), ("public", 0.2m, true)], panels.Select(p => (p.Id, p.Weight, p.Votes)));
    }

    [Fact]
    public void Check_RefusesACriterionOrNegativeVotes_InAVotesPanel_ButNotAnEmptyCriterion()
    {
        Mark[] marks = [Vote("A", "4A", 12m), Vote("A", "4B", 10m, "show"), Vote("B", "4B", -1m), Jury("A", "J1", 7m)];

        Assert.Equal(
            ["1:rules.mark.votes-criterion", "2:rules.mark.votes-value"],
            RulesEngine.Check(Blend, marks).Select(p => $"{p.Index}:{p.Code}"));
    }

    [Fact]
    public void Check_RefusesASecondValueOfOneBallotForATeam()
    {
        Mark[] marks = [Vote("A", "4A", 12m), Vote("A", "4A", 10m)];

        Assert.Equal(["1:rules.mark.duplicate"], RulesEngine.Check(Blend, marks).Select(p => $"{p.Index}:{p.Code}"));
    }

    [Fact]
    public void VotesPanel_SumsTheBallots_GivesZeroToATeamWithoutVotes_AndTrailsEachBallot()
    {
        Mark[] marks = [Jury("A", "J1", 5m), Jury("B", "J1", 5m), Jury("C", "J1", 5m), Vote("A", "4A", 12m), Vote("B", "4A", 10m), Vote("A", "4B", 8m)];

        var result = RulesEngine.Compute(Blend, marks, ["A", "B", "C"]);

        var a = result.Standings.Single(s => s.Team == "A");
        var c = result.Standings.Single(s => s.Team == "C");
        Assert.Equal(20m, a.Panels["public"]);
        Assert.Equal(0m, c.Panels["public"]);
        Assert.Equal(0m, c.Shares["public"]);
        Assert.Equal(
            [("4A", 12m), ("4B", 8m)],
            a.Trail.Where(t => t.Kind == TrailKind.Votes).Select(t => (t.Judge, t.Value)));

        // Jury: a third each (33.33 %); public: 20 of 30 = 66.67 %. 0.8 × 33.33 + 0.2 × 66.67 = 40.
        Assert.Equal(40m, Math.Round(a.Total!.Value, 10));
    }

    [Fact]
    public void MinJudges_CountsOnlyTheJudgesPanels_NotTheBallots()
    {
        var rules = Blend with { Panel = new PanelRules(MinJudges: 2) };
        Mark[] marks = [Jury("A", "J1", 5m), Jury("A", "J2", 6m), Jury("B", "J1", 5m), Vote("A", "4A", 12m), Vote("B", "4A", 10m), Vote("B", "4B", 12m)];

        var result = RulesEngine.Compute(rules, marks, ["A", "B"]);

        Assert.Equal([("A", 1, 2, false), ("B", null, 1, true)], result.Standings.Select(s => (s.Team, s.Rank, s.JudgeCount, s.Incomplete)));
    }

    [Fact]
    public void OnlyVotesSoFar_EveryTeamIsRankedByItsShare()
    {
        var rules = Blend with { Panel = new PanelRules(MinJudges: 3) };

        var result = RulesEngine.Compute(rules, [Vote("A", "4A", 12m), Vote("B", "4A", 10m)], ["A", "B"]);

        Assert.Equal([("A", 1), ("B", 2)], result.Standings.Select(s => (s.Team, s.Rank ?? 0)));
    }

    [Fact]
    public void VotesPanel_WorksWithRankedBallots_AsPoints()
    {
        var rules = RulesPresets.EurovisionRankedBallots() with
        {
            Panels = new PanelsRules(PanelBlend.Sum, [new PanelDefinition("jury"), new PanelDefinition("public", Votes: true)]),
        };
        Mark[] marks = [new("A", "J1", string.Empty, 1m, Panel: "jury"), new("B", "J1", string.Empty, 2m, Panel: "jury"), Vote("B", "4A", 12m), Vote("A", "4A", 10m), Vote("B", "4B", 3m)];

        var result = RulesEngine.Compute(rules, marks, ["A", "B"]);

        // Jury: A 12, B 10; public: A 10, B 15. A 22, B 25.
        Assert.Equal([("B", 25m), ("A", 22m)], result.Standings.Select(s => (s.Team, s.Total!.Value)));
    }

    [Fact]
    public void ResultsCsv_WithJudgedPerformances_AndBallotsWithoutOne_HasAColumnPerNamedPerformanceOnly()
    {
        var rules = Blend with { Performances = new PerformanceRules(PerformanceCombine.Sum, 2) };
        Mark[] marks =
        [
            new("A", "J1", "show", 6m, "1", Panel: "jury"), new("A", "J1", "show", 4m, "2", Panel: "jury"),
            new("B", "J1", "show", 4m, "1", Panel: "jury"), new("B", "J1", "show", 6m, "2", Panel: "jury"),
            Vote("A", "4A", 12m), Vote("B", "4A", 10m),
        ];

        var header = ResultsCsv.Write(RulesEngine.Compute(rules, marks), rules).Split('\n')[0];

        Assert.Equal("rank;team;score;panel:jury;panel:public;performance:1;performance:2", header);
    }

    [Fact]
    public void RulesJson_WritesAndReadsVotes()
    {
        var rules = RulesPresets.Jury80Public20([Show]);

        var text = RulesJson.Write(rules);

        Assert.Contains("\"votes\": true", text, StringComparison.Ordinal);
        Assert.Equal(rules, RulesJson.Read(text));
    }

    [Fact]
    public void RulesJson_RefusesVotesThatAreNotTrueOrFalse()
    {
        const string Text = """{ "criteria": [ { "id": "A", "min": 0, "max": 10 } ], "panels": { "combine": "sum", "list": [ { "id": "public", "votes": "yes" } ] } }""";

        var error = Assert.Single(Assert.Throws<RulesFileException>(() => RulesJson.Read(Text)).Errors);

        Assert.Equal("$.panels.list[0].votes", error.Location);
    }

    [Fact]
    public void ScoresCsv_ReadsBallotsWithAnEmptyCriterion_AndRefusesOneWithACriterion()
    {
        var file = ScoresCsv.Read("team;panel;judge;criterion;value\nA;jury;J1;show;7\nA;public;4A;;12\n", Blend);
        Assert.Equal(Vote("A", "4A", 12m), file.Marks[1]);

        var errors = Assert.Throws<RulesFileException>(() => ScoresCsv.Read("team;panel;judge;criterion;value\nA;public;4A;show;12\n", Blend)).Errors;
        Assert.Equal([(2, "criterion")], errors.Select(e => (e.Line, e.Location)));
    }
}
