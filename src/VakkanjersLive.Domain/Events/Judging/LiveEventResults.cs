using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;

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

    /// <summary>True when the category has declared rules of its own (otherwise it follows the event's method).</summary>
    public static bool HasDeclaredRules(this LiveEvent liveEvent, Guid categoryId) => liveEvent.Judging.CategoryRules.ContainsKey(categoryId);

    /// <summary>
    /// The rules a category is ranked with: its declared rules, with the criteria taken from today's rubric (ranges and
    /// weights; a criterion added since keeps step 1, tie-breaks on a removed one are left out), or without declared
    /// rules the event's method and tie-breaks (<see cref="RulesPresets.FromRubric"/>).
    /// </summary>
    public static ScoringRules RulesOf(this LiveEvent liveEvent, Guid categoryId)
    {
        var rubric = liveEvent.RubricLines();
        if (!liveEvent.Judging.CategoryRules.TryGetValue(categoryId, out var declared))
        {
            return RulesPresets.FromRubric(rubric, liveEvent.Aggregation, liveEvent.TieBreaks);
        }

        var criteria = rubric
            .Select(l => new RulesCriterion(l.CriterionId.ToString("D"), l.Min, l.Max, declared.FindCriterion(l.CriterionId.ToString("D"))?.Step ?? 1m, l.Weight))
            .ToList();
        var tieBreaks = declared.TieBreaks
            .Where(t => t.Kind != RulesTieBreakKind.Criterion || criteria.Exists(c => c.Id == t.Target))
            .ToList();
        return declared with { Criteria = criteria, TieBreaks = tieBreaks };
    }

    /// <summary>The category's teams as the rules engine knows them: ids in "D" format, ordered by name.</summary>
    public static IReadOnlyList<string> EngineTeams(this LiveEvent liveEvent, Guid categoryId) =>
        liveEvent.Teams.Where(t => t.CategoryId == categoryId).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Id.ToString("D")).ToList();

    /// <summary>The counted scorecards of a category as marks (team, judge and criterion ids in "D" format).</summary>
    public static IReadOnlyList<Mark> MarksOf(this LiveEvent liveEvent, Guid categoryId) =>
        ScorecardMarks.From(liveEvent.RubricLines(), [.. liveEvent.EngineTeams(categoryId).Select(Guid.Parse)], liveEvent.CountedScores(categoryId));

    /// <summary>The category's ranking by the rules engine with <see cref="RulesOf"/>, with the explanation trail per team.</summary>
    public static RulesResult Standings(this LiveEvent liveEvent, Guid categoryId) =>
        RulesEngine.Compute(liveEvent.RulesOf(categoryId), liveEvent.MarksOf(categoryId), liveEvent.EngineTeams(categoryId));

    public static ConsistencyReport ConsistencyOf(this LiveEvent liveEvent, Guid categoryId, double threshold = 1.5) =>
        Consistency.Analyse(liveEvent.RubricLines(), liveEvent.CountedScores(categoryId), threshold);
}
