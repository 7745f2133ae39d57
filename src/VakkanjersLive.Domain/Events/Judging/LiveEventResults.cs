using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Events;

/// <summary>Feeds a live event's scorecards into the pure scoring functions.</summary>
public static class LiveEventResults
{
    public static IReadOnlyList<RubricLine> RubricLines(this LiveEvent liveEvent) =>
        liveEvent.Rubric.Select(c => new RubricLine(c.Id, c.Weight, c.ScaleMin, c.ScaleMax)).ToList();

    /// <summary>
    /// The scorecards that count in a category's results: the panel's scorecards for the category's teams in the
    /// round, without conflicted judges (declared or by school).
    /// </summary>
    public static IReadOnlyList<JudgeScore> CountedScores(this LiveEvent liveEvent, Guid categoryId, Guid? roundId = null)
    {
        var round = roundId ?? liveEvent.CurrentRoundId;
        var teams = liveEvent.Teams.Where(t => t.CategoryId == categoryId).Select(t => t.Id).ToHashSet();
        var panel = liveEvent.Judges.Where(j => j.CategoryId == categoryId).Select(j => j.Id).ToHashSet();
        return liveEvent.Scorecards
            .Where(s => s.RoundId == round && teams.Contains(s.TeamId) && panel.Contains(s.JudgeId) && !liveEvent.IsConflicted(s.JudgeId, s.TeamId))
            .Select(s => new JudgeScore(s.JudgeId, s.TeamId, s.Scores.ToDictionary(v => v.CriterionId, v => v.Value)))
            .ToList();
    }

    /// <summary>The category's ranking with the event's aggregation (or the one given) and tie-break rules.</summary>
    public static IReadOnlyList<TeamResult> Results(this LiveEvent liveEvent, Guid categoryId, AggregationMethod? method = null)
    {
        var teams = liveEvent.Teams.Where(t => t.CategoryId == categoryId).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Id).ToList();
        return Ranking.Rank(liveEvent.RubricLines(), teams, liveEvent.CountedScores(categoryId), method ?? liveEvent.Aggregation, liveEvent.TieBreaks);
    }

    public static ConsistencyReport ConsistencyOf(this LiveEvent liveEvent, Guid categoryId, double threshold = 1.5) =>
        Consistency.Analyse(liveEvent.RubricLines(), liveEvent.CountedScores(categoryId), threshold);
}
