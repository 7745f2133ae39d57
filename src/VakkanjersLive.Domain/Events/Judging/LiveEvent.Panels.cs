using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Panels and blends in the web app (issue 15; docs/scoring.md, "Panels in the web app"): with rules that declare
/// <c>panels</c>, each judge's marks go to their panel (<see cref="JudgePanelSet"/>; default the first judges' panel)
/// and an audience-vote panel counts the class ballots of a linked per-class poll (<see cref="PanelPollLinked"/>).
/// </summary>
public sealed partial record LiveEvent
{
    /// <summary>Whether an audience-vote panel counts a poll anywhere in the event: only then do its votes move results.</summary>
    public bool HasLinkedPanelPolls => !Judging.PanelPolls.IsEmpty;

    // ---- queries ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The judge's panel in a round (default: the current one) under the round's rules: the panel a moderator set when
    /// the rules still have it as a judges' panel, otherwise the first judges' panel; empty without declared panels.
    /// </summary>
    public string JudgePanelOf(Guid judgeId, Guid? roundId = null)
    {
        var judge = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        var round = roundId ?? RoundOf(judge.CategoryId);
        var panels = this.RulesOf(judge.CategoryId, round).JudgePanelIds;
        if (panels.Count == 0)
        {
            return string.Empty;
        }

        return Judging.JudgePanels.TryGetValue((judge.CategoryId, round, judgeId), out var set) && panels.Contains(set) ? set : panels[0];
    }

    /// <summary>True when a moderator set the judge's panel in the round (false: the default).</summary>
    public bool HasJudgePanelSet(Guid judgeId, Guid? roundId = null) =>
        FindJudge(judgeId) is { } judge && Judging.JudgePanels.ContainsKey((judge.CategoryId, roundId ?? RoundOf(judge.CategoryId), judgeId));

    /// <summary>The per-class poll linked to an audience-vote panel of the category's round (default: the current one), or null.</summary>
    public Poll? PanelPollOf(Guid categoryId, string panelId, Guid? roundId = null) =>
        Judging.PanelPolls.TryGetValue((categoryId, roundId ?? RoundOf(categoryId), panelId), out var pollId) ? FindPoll(pollId) : null;

    /// <summary>The per-class polls whose options are exactly the teams of the category's round (what a votes panel can count).</summary>
    public IEnumerable<Poll> PanelPollCandidates(Guid categoryId, Guid? roundId = null)
    {
        var teams = TeamsInRound(categoryId, roundId).Select(t => t.Id).ToHashSet();
        return Polls.All.Where(p => IsPollOfTeams(p, teams));
    }

    private static bool IsPollOfTeams(Poll poll, HashSet<Guid> teams) =>
        poll.Mode == PollMode.PerClass
        && poll.Options.All(o => o.TeamId is { } t && teams.Contains(t))
        && poll.Options.Select(o => o.TeamId).Distinct().Count() == poll.Options.Count
        && poll.Options.Count == teams.Count;

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// Puts a judge in a judges' panel of the rules of their category's current round (null or empty: back to the
    /// default). Refused without declared panels, for an unknown panel or an audience-vote panel, once the category is
    /// signed off or its results are frozen, and when nothing changes.
    /// </summary>
    public JudgePanelSet SetJudgePanel(Guid judgeId, string? panelId)
    {
        var judge = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        var round = RoundOf(judge.CategoryId);
        var rules = this.RulesOf(judge.CategoryId, round);
        var id = string.IsNullOrWhiteSpace(panelId) ? null : panelId.Trim();
        if (rules.Panels is null)
        {
            throw new DomainException("panels.none");
        }

        if (id is not null && !rules.PanelIds.Contains(id))
        {
            throw new DomainException("panels.unknown", id);
        }

        if (rules.IsVotesPanel(id))
        {
            throw new DomainException("panels.votes-judge", id!);
        }

        EnsurePanelsOpen(judge.CategoryId, round, signOff: true);
        var current = Judging.JudgePanels.TryGetValue((judge.CategoryId, round, judgeId), out var set) ? set : null;
        return current == id
            ? throw new DomainException("panels.unchanged")
            : new JudgePanelSet(judge.CategoryId, round, judgeId, id);
    }

    /// <summary>
    /// Links a per-class poll to an audience-vote panel of the rules of the category's current round (null: unlinks).
    /// The poll must be per class with the round's teams as its options, each once and nothing else. Refused for a
    /// panel that is not an audience vote and once the results are frozen.
    /// </summary>
    public PanelPollLinked LinkPanelPoll(Guid categoryId, string? panelId, Guid? pollId)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        var round = RoundOf(categoryId);
        var rules = this.RulesOf(categoryId, round);
        var id = (panelId ?? string.Empty).Trim();
        if (!rules.IsVotesPanel(id))
        {
            throw new DomainException("panels.not-votes", id);
        }

        if (pollId is { } p)
        {
            var poll = FindPoll(p) ?? throw new DomainException("poll.unknown");
            if (poll.Mode != PollMode.PerClass)
            {
                throw new DomainException("panels.poll.not-per-class");
            }

            if (!IsPollOfTeams(poll, [.. TeamsInRound(categoryId, round).Select(t => t.Id)]))
            {
                throw new DomainException("panels.poll.teams");
            }
        }

        EnsurePanelsOpen(categoryId, round, signOff: false);
        var current = Judging.PanelPolls.TryGetValue((categoryId, round, id), out var linked) ? linked : (Guid?)null;
        return current == pollId
            ? throw new DomainException("panels.unchanged")
            : new PanelPollLinked(categoryId, round, id, pollId);
    }

    private void EnsurePanelsOpen(Guid categoryId, Guid round, bool signOff)
    {
        if (IsRoundFrozen(categoryId, round))
        {
            throw new DomainException("panels.frozen");
        }

        if (signOff && IsCategoryLocked(categoryId))
        {
            throw new DomainException("panels.signed-off");
        }
    }

    /// <summary>
    /// The marks of an audience-vote panel: one per class ballot award of the linked poll (judge = the class id, value
    /// = the points the ballot gave the team), for the round's teams only. Ballots come from the poll's tallies, so
    /// discarded votes (<see cref="VotesDiscarded"/>) never count.
    /// </summary>
    internal IEnumerable<Mark> VotesMarksOf(Guid categoryId, Guid round, string panelId)
    {
        if (PanelPollOf(categoryId, panelId, round) is not { } poll)
        {
            yield break;
        }

        var teams = TeamsInRound(categoryId, round).Select(t => t.Id).ToHashSet();
        var teamOf = poll.Options.Where(o => o.TeamId is { } t && teams.Contains(t)).ToDictionary(o => o.Id, o => o.TeamId!.Value);
        foreach (var ballot in PerClassBallots.Ballots(poll))
        {
            foreach (var award in ballot.Awards)
            {
                if (teamOf.TryGetValue(award.OptionId, out var team))
                {
                    yield return new Mark(team.ToString("D"), ballot.ClassId.ToString("D"), string.Empty, award.Points, Panel: panelId);
                }
            }
        }
    }
}
