namespace VakkanjersLive.Domain.Scoring;

/// <summary>A scorecard together with its total, so each total is computed exactly once per calculation.</summary>
internal readonly record struct ScoredCard(JudgeScore Card, double Total)
{
    /// <summary>
    /// Computes the totals of the given scorecards in their original order. A judge has at most one scorecard per team:
    /// a second one is a data error (a double submission), and counting it would silently give that judge two votes.
    /// </summary>
    /// <exception cref="ArgumentException">A judge has two scorecards for the same team, or a scorecard is invalid.</exception>
    internal static List<ScoredCard> Score(IReadOnlyList<RubricLine> rubric, IEnumerable<JudgeScore> scores)
    {
        var cards = new List<ScoredCard>();
        var seen = new HashSet<(Guid JudgeId, Guid TeamId)>();
        foreach (var score in scores)
        {
            ArgumentNullException.ThrowIfNull(score, nameof(scores));
            if (!seen.Add((score.JudgeId, score.TeamId)))
            {
                throw new ArgumentException(
                    $"Judge {score.JudgeId} has more than one scorecard for team {score.TeamId}.",
                    nameof(scores));
            }

            cards.Add(new ScoredCard(score, ScoreMath.Total(rubric, score.Values)));
        }

        return cards;
    }
}
