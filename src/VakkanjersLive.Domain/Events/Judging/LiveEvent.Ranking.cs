using System.Collections.Immutable;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Ranked ballots (issue 15; docs/scoring.md, "Ranked ballots in the web app"): in a category whose rules rank
/// (<see cref="ScoringRules.IsRanked"/>) each judge of the round's panel hands in one ballot, the round's teams best
/// first, instead of a scorecard per team. The rules engine turns ranks into points; a judge's ballot counts for every
/// team of the round (an unranked team gets 0 from it).
/// </summary>
public sealed partial record LiveEvent
{
    /// <summary>Every judge's current ranked ballot, per round.</summary>
    public ImmutableList<Ballot> Ballots => Judging.Ballots;

    /// <summary>Whether the category's rules in a round (default: its current one) are ranked ballots.</summary>
    public bool IsRankedCategory(Guid categoryId, Guid? roundId = null) =>
        this.DeclaredRulesOf(categoryId, roundId ?? RoundOf(categoryId)) is { IsRanked: true };

    /// <summary>A judge's current ballot in a round (default: the current round of their category), or null.</summary>
    public Ballot? BallotOf(Guid judgeId, Guid? roundId = null)
    {
        var round = roundId ?? (FindJudge(judgeId) is { } judge ? RoundOf(judge.CategoryId) : CurrentRoundId);
        return Judging.Ballots.Find(b => b.RoundId == round && b.JudgeId == judgeId);
    }

    /// <summary>
    /// The ballot as it counts: the teams of the round the judge may rank, in the judge's order, ranks closed up. A
    /// team the judge became conflicted with after handing in the ballot (or that left the round) is taken out and the
    /// teams below it move up, as if the judge had ranked without it; it gets 0 points from this judge.
    /// </summary>
    public IReadOnlyList<Guid> CountedRankingOf(Ballot ballot) =>
        [.. ballot.TeamIds.Where(t => IsInRound(t, ballot.RoundId) && FindTeam(t)?.CategoryId == ballot.CategoryId && !IsConflicted(ballot.JudgeId, t))];

    /// <summary>
    /// Whether the judge has done their part for the team in the current round: in a ranked category their ballot is
    /// in (it covers every team), otherwise their scorecard for the team (every performance) is.
    /// </summary>
    public bool HasJudged(Guid judgeId, Guid teamId) =>
        FindTeam(teamId) is { } team && IsRankedCategory(team.CategoryId)
            ? BallotOf(judgeId, RoundOf(team.CategoryId)) is not null
            : ScorecardOf(judgeId, teamId) is not null;

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// A judge hands in (or revises) their ranked ballot: <paramref name="teamIds"/> best first, at least one, each a
    /// team of the judge's category in the current round, none twice, none the judge is conflicted with. The
    /// category's rules must rank; the judge must be on the round's panel; a sign-off or a round lock stops it (as for
    /// scorecards). Judging need not be open per team: a ballot compares the teams, so the judge hands it in once they
    /// have seen them. A revision needs a reason. <paramref name="roundId"/>, when given, is the round the judge's form
    /// showed: a ballot typed in one round never lands in the next.
    /// </summary>
    public RankingSubmitted SubmitRanking(Guid judgeId, IReadOnlyList<Guid>? teamIds, string? comment, string? reason, Guid? roundId = null)
    {
        var judge = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        var category = judge.CategoryId;
        var round = RoundOf(category);
        if (roundId is { } typedIn && typedIn != round)
        {
            throw new DomainException("score.round-changed", RoundNameOf(category, round));
        }

        if (!IsRankedCategory(category))
        {
            throw new DomainException("ranking.not-ranked");
        }

        EnsureRoundOpen();
        EnsureCategoryOpen(category);
        if (!IsOnPanel(judgeId))
        {
            throw new DomainException("score.not-in-round-panel");
        }

        var teams = teamIds ?? [];
        if (teams.Count == 0)
        {
            throw new DomainException("ranking.empty");
        }

        if (teams.Distinct().Count() != teams.Count)
        {
            throw new DomainException("ranking.duplicate", FindTeam(teams.GroupBy(t => t).First(g => g.Count() > 1).Key)?.Name ?? string.Empty);
        }

        foreach (var teamId in teams)
        {
            var team = FindTeam(teamId);
            if (team is null || team.CategoryId != category)
            {
                throw new DomainException("ranking.team-unknown");
            }

            if (!IsInRound(teamId, round))
            {
                throw new DomainException("score.not-in-round");
            }

            if (IsConflicted(judgeId, teamId))
            {
                throw new DomainException("ranking.conflicted", team.Name);
            }
        }

        var previous = BallotOf(judgeId, round);
        var checkedReason = previous is null
            ? Guard.Text(reason, "score.reason", 300, required: false)
            : Guard.Text(reason, "score.reason", 300);
        return new RankingSubmitted(round, judgeId, category, [.. teams], Guard.Text(comment, "score.comment", MaxCommentLength * 2, required: false), previous is not null, checkedReason);
    }

    /// <summary>A lead moderator enters a judge's paper ballot: the same checks as <see cref="SubmitRanking"/>, marked as from paper.</summary>
    public RankingSubmitted EnterPaperRanking(Guid judgeId, IReadOnlyList<Guid>? teamIds, string? reason) =>
        SubmitRanking(judgeId, teamIds, null, reason) with { FromPaper = true };

    /// <summary>
    /// Whether switching the category's affected rounds between scores and ranked ballots would strand what the
    /// judges handed in: scorecards under ranked rules, or ballots under scores. Refused rather than kept aside, so
    /// nothing a judge entered silently stops counting.
    /// </summary>
    private void EnsureNoStrandedJudging(Guid categoryId, IEnumerable<Guid> rounds, bool ranked)
    {
        var affected = rounds.ToHashSet();
        var teams = Teams.Where(t => t.CategoryId == categoryId).Select(t => t.Id).ToHashSet();
        if (ranked && Scorecards.Exists(s => affected.Contains(s.RoundId) && teams.Contains(s.TeamId)))
        {
            throw new DomainException("rules.web.ranked-scorecards-exist");
        }

        if (!ranked && Judging.Ballots.Exists(b => affected.Contains(b.RoundId) && b.CategoryId == categoryId))
        {
            throw new DomainException("rules.web.ballots-exist");
        }
    }
}
