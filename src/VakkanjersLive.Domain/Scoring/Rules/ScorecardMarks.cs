namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>Today's scorecards as marks, so the web app can feed its journal's scorecards to <see cref="RulesEngine"/>.</summary>
public static class ScorecardMarks
{
    /// <summary>
    /// One mark per rubric criterion of each scorecard, ids in "D" format (as <see cref="RulesPresets.FromRubric"/>).
    /// Scorecards of teams not in <paramref name="teamIds"/> and values of criteria not in the rubric are left out,
    /// as <see cref="Ranking.Rank"/> ignores them.
    /// </summary>
    public static IReadOnlyList<Mark> From(IReadOnlyList<RubricLine> rubric, IReadOnlyList<Guid> teamIds, IReadOnlyList<JudgeScore> scores)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(teamIds);
        ArgumentNullException.ThrowIfNull(scores);
        var listed = teamIds.ToHashSet();
        var marks = new List<Mark>();
        foreach (var score in scores.Where(s => listed.Contains(s.TeamId)))
        {
            foreach (var line in rubric)
            {
                if (score.Values.TryGetValue(line.CriterionId, out var value))
                {
                    marks.Add(new Mark(score.TeamId.ToString("D"), score.JudgeId.ToString("D"), line.CriterionId.ToString("D"), value));
                }
            }
        }

        return marks.AsReadOnly();
    }
}
