namespace VakkanjersLive.Domain.Events;

/// <summary>The rules of the readiness checklist before a category's results are frozen (docs/scoring.md, "Readiness").</summary>
public enum ReadinessRule
{
    /// <summary>Every team has at least the category's minimum of counted scorecards.</summary>
    Scorecards,

    /// <summary>Every outlier of the consistency check is re-checked (corrected so it no longer stands out) or acknowledged.</summary>
    Outliers,

    /// <summary>No ranked teams share a rank: the declared tie-breaks separated them.</summary>
    Ties,

    /// <summary>A moderator chose the official method.</summary>
    Method,
}

/// <summary>One open point of the checklist; <see cref="Have"/> and <see cref="Need"/> count scorecards for <see cref="ReadinessRule.Scorecards"/>.</summary>
public sealed record ReadinessIssue(ReadinessRule Rule, Guid? TeamId = null, Guid? JudgeId = null, int Have = 0, int Need = 0);

/// <summary>A category's checklist; ready when nothing is open.</summary>
public sealed record CategoryReadiness(Guid CategoryId, IReadOnlyList<ReadinessIssue> Issues)
{
    public bool IsReady => Issues.Count == 0;

    public bool Passes(ReadinessRule rule) => !Issues.Any(i => i.Rule == rule);
}

/// <summary>
/// The checklist, computed from the journal's state alone. A scorecard a judge is still typing (a draft or an outbox
/// entry on their tablet) is invisible to the server, so "no scorecard pending" is not a rule: a missing one shows up
/// as a team below the minimum instead.
/// </summary>
public static class LiveEventReadiness
{
    /// <summary>The minimum for a team: the category's configured number, at most the judges who may score the team; by default all of them.</summary>
    public static int MinimumScorecardsOf(this LiveEvent liveEvent, Team team)
    {
        var eligible = liveEvent.PanelOf(team.CategoryId).Count(j => !liveEvent.IsConflicted(j.Id, team.Id));
        return liveEvent.Judging.MinimumScorecards.TryGetValue(team.CategoryId, out var configured) ? Math.Min(configured, eligible) : eligible;
    }

    /// <summary>The configured minimum of a category, or null for "every judge who is not conflicted".</summary>
    public static int? ConfiguredMinimumOf(this LiveEvent liveEvent, Guid categoryId) =>
        liveEvent.Judging.MinimumScorecards.TryGetValue(categoryId, out var configured) ? configured : null;

    /// <summary>Whether the judge's scorecard for the team (in the round; default: the current one) is an acknowledged outlier.</summary>
    public static bool IsAcknowledged(this LiveEvent liveEvent, Guid judgeId, Guid teamId, Guid? roundId = null) =>
        liveEvent.ScorecardOf(judgeId, teamId, roundId) is { } card
        && liveEvent.Judging.AcknowledgedOutliers.Contains((card.RoundId, judgeId, teamId, card.Revision));

    public static CategoryReadiness ReadinessOf(this LiveEvent liveEvent, Guid categoryId)
    {
        var issues = new List<ReadinessIssue>();
        var teams = liveEvent.TeamsInRound(categoryId).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (liveEvent.IsRankedCategory(categoryId))
        {
            issues.AddRange(liveEvent.RankedReadiness(categoryId, teams));
            if (!liveEvent.IsMethodChosen)
            {
                issues.Add(new ReadinessIssue(ReadinessRule.Method));
            }

            return new CategoryReadiness(categoryId, issues);
        }

        var counted = liveEvent.Rubric.IsEmpty ? [] : liveEvent.CountedScores(categoryId);
        foreach (var team in teams)
        {
            var have = counted.Count(s => s.TeamId == team.Id);
            var need = liveEvent.MinimumScorecardsOf(team);
            if (have < need || have == 0)
            {
                issues.Add(new ReadinessIssue(ReadinessRule.Scorecards, team.Id, Have: have, Need: Math.Max(need, 1)));
            }
        }

        if (!liveEvent.Rubric.IsEmpty)
        {
            issues.AddRange(liveEvent.ConsistencyOf(categoryId).Outliers
                .Where(o => !liveEvent.IsAcknowledged(o.JudgeId, o.TeamId))
                .Select(o => new ReadinessIssue(ReadinessRule.Outliers, o.TeamId, o.JudgeId)));
            issues.AddRange(liveEvent.Results(categoryId)
                .Where(r => r.Rank is not null && r.SharedRank)
                .Select(r => new ReadinessIssue(ReadinessRule.Ties, r.TeamId)));
        }

        if (!liveEvent.IsMethodChosen)
        {
            issues.Add(new ReadinessIssue(ReadinessRule.Method));
        }

        return new CategoryReadiness(categoryId, issues);
    }

    /// <summary>
    /// A ranked category's open points: every team needs the ballots of the round's panel (a ballot counts for every
    /// team, a conflicted judge's too: the team gets 0 from it), or the configured minimum of them; ties come from the
    /// rules engine's ranking (its declared tie-breaks). Outliers do not apply to ranks.
    /// </summary>
    private static IEnumerable<ReadinessIssue> RankedReadiness(this LiveEvent liveEvent, Guid categoryId, List<Team> teams)
    {
        var panel = liveEvent.PanelOf(categoryId).ToList();
        var have = panel.Count(j => liveEvent.BallotOf(j.Id) is not null);
        var need = liveEvent.Judging.MinimumScorecards.TryGetValue(categoryId, out var configured) ? Math.Min(configured, panel.Count) : panel.Count;
        if (have < need || have == 0)
        {
            foreach (var team in teams)
            {
                yield return new ReadinessIssue(ReadinessRule.Scorecards, team.Id, Have: have, Need: Math.Max(need, 1));
            }
        }

        foreach (var standing in liveEvent.Standings(categoryId).Standings.Where(s => s.Rank is not null && s.SharedRank))
        {
            yield return new ReadinessIssue(ReadinessRule.Ties, Guid.Parse(standing.Team));
        }
    }

    /// <summary>The open points as plain lines ("Scorecards De Bouwers 1/3") for the journal and the audit CSV.</summary>
    public static IReadOnlyList<string> Describe(this LiveEvent liveEvent, CategoryReadiness readiness) =>
        readiness.Issues.Select(i => i.Rule switch
        {
            ReadinessRule.Scorecards => $"scorecards {liveEvent.FindTeam(i.TeamId!.Value)?.Name} {i.Have}/{i.Need}",
            ReadinessRule.Outliers => $"outlier {liveEvent.FindJudge(i.JudgeId!.Value)?.Name} on {liveEvent.FindTeam(i.TeamId!.Value)?.Name}",
            ReadinessRule.Ties => $"tie {liveEvent.FindTeam(i.TeamId!.Value)?.Name}",
            _ => "method not chosen",
        }).ToList();
}
