using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class JudgingTests
{
    // ---- panels and blends: judges in panels, the audience's class ballots as a panel ------------------------------

    private ScoringRules Blend => RulesPresets.Jury80Public20(Trimmed.Criteria);

    /// <summary>Jury 50 %, experts 30 % (both judges) and the public 20 % (an audience vote).</summary>
    private ScoringRules ThreePanels => Blend with
    {
        Panels = new PanelsRules(PanelBlend.Weighted, [new PanelDefinition("jury", 0.5m), new PanelDefinition("experts", 0.3m), new PanelDefinition("public", 0.2m, Votes: true)]),
    };

    private readonly Guid _wilg = Guid.NewGuid();
    private readonly Guid _klas4A = Guid.NewGuid();
    private readonly Guid _klas4B = Guid.NewGuid();
    private readonly Guid _publieksprijs = Guid.NewGuid();
    private readonly PollOption _voorBouwers = new(Guid.NewGuid(), "De Bouwers", null);
    private readonly PollOption _voorMakers = new(Guid.NewGuid(), "De Makers", null);

    private PollOption VoteBouwers => _voorBouwers with { TeamId = _bouwers };

    private PollOption VoteMakers => _voorMakers with { TeamId = _makers };

    /// <summary>Techniek under <paramref name="rules"/>, scored, with two classes of a third school and an open per-class poll of both Techniek teams.</summary>
    private LiveEvent WithPoll(ScoringRules rules)
    {
        var e = _event.Then(_event.DeclareCategoryRules(_techniek, rules));
        e = ScoredTechniek(e);
        e = e.Then(e.AddSchool(_wilg, "De Wilg", "Breda"));
        e = e.Then(e.AddClass(_klas4A, _wilg, "4A", null, SignInCodes.Generate()));
        e = e.Then(e.AddClass(_klas4B, _wilg, "4B", null, SignInCodes.Generate()));
        e = e.Then(e.CreatePoll(_publieksprijs, "Publieksprijs Techniek", [VoteBouwers, VoteMakers], resultsLive: false, PollMode.PerClass));
        return e.Then(e.OpenPoll(_publieksprijs));
    }

    private static LiveEvent ClassVotes(LiveEvent e, Guid poll, Guid klas, Guid option, int count)
    {
        for (var i = 0; i < count; i++)
        {
            e = e.Then(e.Vote(poll, option, Guid.NewGuid(), klas));
        }

        return e;
    }

    [Fact]
    public void DeclareCategoryRules_WithPanels_IsAccepted_AndEveryJudgeIsInTheFirstJudgesPanel()
    {
        var e = ScoredTechniek(_event.Then(_event.DeclareCategoryRules(_techniek, Blend)));

        Assert.Equal(Blend, e.RulesOf(_techniek));
        var declared = _event.DeclareCategoryRules(_techniek, Blend);
        Assert.EndsWith("panels=weighted jury 0.8, public 0.2 votes", FactCatalog.Describe(_event.Then(declared), declared)!.Values, StringComparison.Ordinal);
        Assert.Equal("jury", e.JudgePanelOf(_jansen));
        Assert.All(e.MarksOf(_techniek), m => Assert.Equal("jury", m.Panel));
        Assert.Equal([(_makers.ToString("D"), 1), (_bouwers.ToString("D"), 2)], e.Standings(_techniek).Standings.Select(s => (s.Team, s.Rank ?? 0)));
    }

    [Fact]
    public void DeclareCategoryRules_WithOnlyAnAudiencePanel_IsRejected()
    {
        var onlyVotes = Blend with { Panels = new PanelsRules(PanelBlend.Sum, [new PanelDefinition("public", Votes: true)]), TieBreaks = [] };

        Rejected.With("rules.web.panels.no-judges", () => _event.DeclareCategoryRules(_techniek, onlyVotes));
    }

    [Fact]
    public void EurovisionWithTheClassVote_JuryBallotsPlusClassPoints_TieGoesToThePublicsPoints()
    {
        // Jansen ranks Makers, Bouwers (12, 10); Pietersen, of the Makers' school, ranks Bouwers only (12): jury Bouwers
        // 22, Makers 12. Class 4A votes Makers only (Makers 12); 4B votes Bouwers most (Bouwers 12, Makers 10): public
        // Makers 22, Bouwers 12. 34 each; the tie-break (more points from the public) puts De Makers first.
        var e = _event.Then(_event.DeclareCategoryRules(_techniek, RulesPresets.EurovisionClassVote()));
        e = e.Then(e.SubmitRanking(_jansen, [_makers, _bouwers], null, null));
        Rejected.With("ranking.conflicted", () => e.SubmitRanking(_pietersen, [_bouwers, _makers], null, null));
        e = e.Then(e.SubmitRanking(_pietersen, [_bouwers], null, null));
        e = e.Then(e.AddSchool(_wilg, "De Wilg", "Breda"));
        e = e.Then(e.AddClass(_klas4A, _wilg, "4A", null, SignInCodes.Generate()));
        e = e.Then(e.AddClass(_klas4B, _wilg, "4B", null, SignInCodes.Generate()));
        e = e.Then(e.CreatePoll(_publieksprijs, "Publieksprijs Techniek", [VoteBouwers, VoteMakers], resultsLive: false, PollMode.PerClass));
        e = e.Then(e.OpenPoll(_publieksprijs));
        e = e.Then(e.LinkPanelPoll(_techniek, "public", _publieksprijs));
        e = ClassVotes(e, _publieksprijs, _klas4A, VoteMakers.Id, 2);
        e = ClassVotes(e, _publieksprijs, _klas4B, VoteBouwers.Id, 3);
        e = ClassVotes(e, _publieksprijs, _klas4B, VoteMakers.Id, 1);

        var standings = e.Standings(_techniek).Standings;
        var bouwers = standings.Single(s => s.Team == _bouwers.ToString("D"));
        var makers = standings.Single(s => s.Team == _makers.ToString("D"));
        Assert.Equal((22m, 12m, 34m), (bouwers.Panels["jury"], bouwers.Panels["public"], bouwers.Total!.Value));
        Assert.Equal((12m, 22m, 34m), (makers.Panels["jury"], makers.Panels["public"], makers.Total!.Value));
        Assert.Equal([_makers.ToString("D"), _bouwers.ToString("D")], standings.Select(s => s.Team));
        Assert.Equal((1, 2), (makers.Rank, bouwers.Rank));
    }

    [Fact]
    public void SetJudgePanel_PutsTheJudgesMarksInThatPanel_AndBackToTheDefault()
    {
        var e = ScoredTechniek(_event.Then(_event.DeclareCategoryRules(_techniek, ThreePanels)));

        var fact = e.SetJudgePanel(_pietersen, "experts");
        e = e.Then(fact);

        Assert.Equal(new JudgePanelSet(_techniek, _eventId, _pietersen, "experts"), fact);
        Assert.Equal("judge panel set", FactCatalog.Describe(e, fact)!.Action);
        Assert.Equal(
            [(_jansen.ToString("D"), "jury"), (_pietersen.ToString("D"), "experts")],
            e.MarksOf(_techniek).Select(m => (m.Judge, m.Panel)).Distinct().OrderBy(p => p.Panel == "experts"));
        var bouwers = e.Standings(_techniek).Standings.Single(s => s.Team == _bouwers.ToString("D"));
        Assert.Equal(["jury", "experts"], bouwers.Panels.Keys);

        e = e.Then(e.SetJudgePanel(_pietersen, null));
        Assert.Equal("jury", e.JudgePanelOf(_pietersen));
        Assert.False(e.HasJudgePanelSet(_pietersen));
    }

    [Fact]
    public void SetJudgePanel_IsRefused_WithoutPanels_ForUnknownOrAudiencePanels_Unchanged_SignedOffOrFrozen()
    {
        Rejected.With("panels.none", () => _event.SetJudgePanel(_jansen, "jury"));
        Rejected.With("judge.unknown", () => _event.SetJudgePanel(Guid.NewGuid(), "jury"));
        var e = ScoredTechniek(_event.Then(_event.DeclareCategoryRules(_techniek, ThreePanels)));
        Rejected.With("panels.unknown", () => e.SetJudgePanel(_jansen, "publiek"));
        Rejected.With("panels.votes-judge", () => e.SetJudgePanel(_jansen, "public"));
        Rejected.With("panels.unchanged", () => e.SetJudgePanel(_jansen, null));

        var signedOff = e.Then(e.LockCategory(_techniek));
        Rejected.With("panels.signed-off", () => signedOff.SetJudgePanel(_jansen, "experts"));

        var frozen = signedOff.Then(signedOff.PrepareReveal(_techniek, rehearsal: false, overrideReason: "test"));
        Rejected.With("panels.frozen", () => frozen.SetJudgePanel(_jansen, "experts"));
    }

    [Fact]
    public void APanelForgottenByNewRules_FallsBackToTheFirstJudgesPanel()
    {
        var e = _event.Then(_event.DeclareCategoryRules(_techniek, ThreePanels));
        e = e.Then(e.SetJudgePanel(_pietersen, "experts"));

        e = e.Then(e.DeclareCategoryRules(_techniek, Blend));

        Assert.Equal("jury", e.JudgePanelOf(_pietersen));
    }

    [Fact]
    public void LinkPanelPoll_AddsEachClassBallotAsMarks_AndTheResultFollowsTheVotes()
    {
        var e = WithPoll(Blend);
        var fact = e.LinkPanelPoll(_techniek, "public", _publieksprijs);
        e = e.Then(fact);
        Assert.Equal("panel poll linked", FactCatalog.Describe(e, fact)!.Action);
        Assert.Same(e.FindPoll(_publieksprijs), e.PanelPollOf(_techniek, "public"));

        // 4A: Makers 3 votes, Bouwers 1 → Makers 12, Bouwers 10; 4B: only Makers → 12.
        e = ClassVotes(e, _publieksprijs, _klas4A, _voorMakers.Id, 3);
        e = ClassVotes(e, _publieksprijs, _klas4A, _voorBouwers.Id, 1);
        e = ClassVotes(e, _publieksprijs, _klas4B, _voorMakers.Id, 2);

        var votes = e.MarksOf(_techniek).Where(m => m.Panel == "public").OrderBy(m => m.Judge).ThenBy(m => m.Team).ToList();
        Assert.Equal(
            new[] { (_klas4A, _bouwers, 10m), (_klas4A, _makers, 12m), (_klas4B, _makers, 12m) }
                .Select(v => new Mark(v.Item2.ToString("D"), v.Item1.ToString("D"), string.Empty, v.Item3, Panel: "public"))
                .OrderBy(m => m.Judge).ThenBy(m => m.Team),
            votes);
        var standings = e.Standings(_techniek).Standings;
        var makers = standings.Single(s => s.Team == _makers.ToString("D"));
        Assert.Equal(24m, makers.Panels["public"]);
        Assert.Equal(10m, standings.Single(s => s.Team == _bouwers.ToString("D")).Panels["public"]);

        // Unlinked: no public marks any more.
        e = e.Then(e.LinkPanelPoll(_techniek, "public", null));
        Assert.DoesNotContain(e.MarksOf(_techniek), m => m.Panel == "public");
    }

    [Fact]
    public void LinkPanelPoll_BlendsJuryAndPublic_AsTheTableSays()
    {
        // Jury: Bouwers 8/3 and 6/2 (Jansen, Pietersen) → 60.4167 mean; Makers 9/4 (Jansen) → 100 … shares of the jury's total.
        var e = WithPoll(Blend);
        e = e.Then(e.LinkPanelPoll(_techniek, "public", _publieksprijs));
        e = ClassVotes(e, _publieksprijs, _klas4A, _voorBouwers.Id, 2);
        e = ClassVotes(e, _publieksprijs, _klas4B, _voorBouwers.Id, 1);

        var standings = e.Standings(_techniek).Standings;
        var bouwers = standings.Single(s => s.Team == _bouwers.ToString("D"));
        var makers = standings.Single(s => s.Team == _makers.ToString("D"));

        // Public: Bouwers 12 + 12 = 24 of 24 (100 %), Makers 0.
        Assert.Equal((100m, 0m), (bouwers.Shares["public"], makers.Shares["public"]));
        var jury = bouwers.Panels["jury"] / (bouwers.Panels["jury"] + makers.Panels["jury"]) * 100m;
        Assert.Equal(Math.Round((0.8m * jury) + 20m, 2, MidpointRounding.AwayFromZero), bouwers.Total);
    }

    [Fact]
    public void PrepareReveal_OfABlendedCategory_FreezesEachPanelsPart_AndWithoutPanelsNone()
    {
        var e = WithPoll(Blend);
        e = e.Then(e.LinkPanelPoll(_techniek, "public", _publieksprijs));
        e = ClassVotes(e, _publieksprijs, _klas4A, _voorBouwers.Id, 2);
        e = e.Then(e.LockCategory(_techniek));

        var fact = e.PrepareReveal(_techniek, rehearsal: false, overrideReason: "test");

        var standings = e.Standings(_techniek).Standings;
        Assert.All(fact.Entries, entry =>
        {
            var standing = standings.Single(s => s.Team == entry.TeamId.ToString("D"));
            Assert.Equal(
                [("jury", (double)Math.Round(standing.Panels["jury"], 2, MidpointRounding.AwayFromZero)), ("public", (double)standing.Panels["public"])],
                entry.Parts!.Select(p => (p.Panel, p.Value)));
        });
        Assert.Equal(12d, fact.Entries.Single(x => x.TeamId == _bouwers).Parts![1].Value);

        var plain = ScoredTechniek(_event);
        plain = plain.Then(plain.LockCategory(_techniek));
        Assert.All(plain.PrepareReveal(_techniek, rehearsal: false, overrideReason: "test").Entries, entry => Assert.Null(entry.Parts));
    }

    [Fact]
    public void LinkPanelPoll_IsRefused_ForJudgesPanels_UnknownOpenOrForeignPolls_Unchanged_AndFrozen()
    {
        var e = WithPoll(Blend);
        Rejected.With("category.unknown", () => e.LinkPanelPoll(Guid.NewGuid(), "public", _publieksprijs));
        Rejected.With("panels.not-votes", () => e.LinkPanelPoll(_techniek, "jury", _publieksprijs));
        Rejected.With("panels.not-votes", () => e.LinkPanelPoll(_zorg, "public", _publieksprijs));
        Rejected.With("poll.unknown", () => e.LinkPanelPoll(_techniek, "public", Guid.NewGuid()));
        Rejected.With("panels.unchanged", () => e.LinkPanelPoll(_techniek, "public", null));

        var open = Guid.NewGuid();
        e = e.Then(e.CreatePoll(open, "Wie wint?", [new PollOption(Guid.NewGuid(), "De Bouwers"), new PollOption(Guid.NewGuid(), "De Makers")], resultsLive: true));
        Rejected.With("panels.poll.not-per-class", () => e.LinkPanelPoll(_techniek, "public", open));

        var oneTeam = Guid.NewGuid();
        e = e.Then(e.CreatePoll(oneTeam, "Alleen", [VoteBouwers with { Id = Guid.NewGuid() }, new PollOption(Guid.NewGuid(), "De Zorgdragers", _zorgdragers)], resultsLive: false, PollMode.PerClass));
        Rejected.With("panels.poll.teams", () => e.LinkPanelPoll(_techniek, "public", oneTeam));
        Assert.Equal([_publieksprijs], e.PanelPollCandidates(_techniek).Select(p => p.Id));

        e = e.Then(e.LinkPanelPoll(_techniek, "public", _publieksprijs));
        Rejected.With("panels.unchanged", () => e.LinkPanelPoll(_techniek, "public", _publieksprijs));
        e = e.Then(e.LockCategory(_techniek));
        _ = e.LinkPanelPoll(_techniek, "public", null);
        e = e.Then(e.PrepareReveal(_techniek, rehearsal: false, overrideReason: "test"));
        Rejected.With("panels.frozen", () => e.LinkPanelPoll(_techniek, "public", null));
    }
}
