namespace VakkanjersLive.Domain.Scoring;

/// <summary>
/// How one judge scored overall, so the chair can spot a judge who is much more lenient, strict or undecided than
/// the rest of the panel.
/// </summary>
/// <param name="JudgeId">The judge.</param>
/// <param name="Count">Number of scorecards the judge filled in.</param>
/// <param name="Mean">Mean of the judge's totals (0–100): the judge's leniency.</param>
/// <param name="StandardDeviation">Population SD of the judge's totals: how strongly the judge separates teams.</param>
/// <param name="Totals">The judge's totals in the order of the scorecards passed in.</param>
public sealed record JudgeConsistency(Guid JudgeId, int Count, double Mean, double StandardDeviation, IReadOnlyList<double> Totals);

/// <summary>
/// A scorecard that disagrees strongly with the rest of the panel on one team; a prompt to talk to the judge, not an
/// automatic correction.
/// </summary>
/// <param name="JudgeId">The judge whose scorecard stands out.</param>
/// <param name="TeamId">The team the scorecard is for.</param>
/// <param name="Deviation">
/// Signed, in standard deviations: negative = the judge scored this team below the rest of the panel, positive = above.
/// </param>
public sealed record Outlier(Guid JudgeId, Guid TeamId, double Deviation);

/// <summary>The result of a consistency check over all scorecards.</summary>
/// <param name="Judges">One entry per judge, in order of the judge's first scorecard.</param>
/// <param name="Outliers">Scorecards that deviate at least the threshold, largest deviation first.</param>
public sealed record ConsistencyReport(IReadOnlyList<JudgeConsistency> Judges, IReadOnlyList<Outlier> Outliers);

/// <summary>
/// Checks whether the judges scored consistently. It only reports; it never changes scores. See <c>docs/scoring.md</c>.
/// </summary>
public static class Consistency
{
    /// <summary>
    /// Per judge: count, mean and population SD of their totals. Outliers: for every team with at least 2 scorecards,
    /// each scorecard's difference d = total - mean of that team's totals; S = population SD of all those d values
    /// together; a scorecard is an outlier when |d / S| ≥ <paramref name="threshold"/>. Measuring d against the spread
    /// of all disagreements (not per team) keeps a team with three nearly equal totals from producing "outliers" out of
    /// a one-point difference. When S is 0 (within 1e-9) the panel agrees everywhere and there are no outliers.
    /// </summary>
    /// <param name="rubric">The rubric used to compute each scorecard's total.</param>
    /// <param name="scores">All scorecards to analyse.</param>
    /// <param name="threshold">Minimum |z| to report, in standard deviations; must be ≥ 0.</param>
    /// <exception cref="ArgumentException">
    /// Invalid rubric or scorecard (see <see cref="ScoreMath.Total"/>), two scorecards of one judge for one team, or a
    /// negative or NaN threshold.
    /// </exception>
    public static ConsistencyReport Analyse(IReadOnlyList<RubricLine> rubric, IReadOnlyList<JudgeScore> scores, double threshold = 1.5)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ScoreMath.ValidateRubric(rubric);
        if (double.IsNaN(threshold) || threshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be 0 or more.");
        }

        var cards = ScoredCard.Score(rubric, scores);
        return new ConsistencyReport(Judges(cards), Outliers(cards, threshold));
    }

    private static IReadOnlyList<JudgeConsistency> Judges(List<ScoredCard> cards)
    {
        var order = new List<Guid>();
        var totalsByJudge = new Dictionary<Guid, List<double>>();
        foreach (var card in cards)
        {
            if (!totalsByJudge.TryGetValue(card.Card.JudgeId, out var totals))
            {
                totals = [];
                totalsByJudge.Add(card.Card.JudgeId, totals);
                order.Add(card.Card.JudgeId);
            }

            totals.Add(card.Total);
        }

        var judges = new List<JudgeConsistency>(order.Count);
        foreach (var judgeId in order)
        {
            var totals = totalsByJudge[judgeId];
            judges.Add(new JudgeConsistency(
                judgeId, totals.Count, ScoreMath.Mean(totals), ScoreMath.StandardDeviation(totals), totals.AsReadOnly()));
        }

        return judges.AsReadOnly();
    }

    private static IReadOnlyList<Outlier> Outliers(List<ScoredCard> cards, double threshold)
    {
        var cardsByTeam = new Dictionary<Guid, List<ScoredCard>>();
        foreach (var card in cards)
        {
            if (!cardsByTeam.TryGetValue(card.Card.TeamId, out var teamCards))
            {
                teamCards = [];
                cardsByTeam.Add(card.Card.TeamId, teamCards);
            }

            teamCards.Add(card);
        }

        // d = total - team mean, for every scorecard of a team that at least two judges scored, in scores order.
        var teamMean = new Dictionary<Guid, double>();
        foreach (var (teamId, teamCards) in cardsByTeam)
        {
            if (teamCards.Count >= 2)
            {
                var totals = new List<double>(teamCards.Count);
                foreach (var card in teamCards)
                {
                    totals.Add(card.Total);
                }

                teamMean[teamId] = ScoreMath.Mean(totals);
            }
        }

        var compared = new List<ScoredCard>();
        var differences = new List<double>();
        foreach (var card in cards)
        {
            if (teamMean.TryGetValue(card.Card.TeamId, out var mean))
            {
                compared.Add(card);
                differences.Add(card.Total - mean);
            }
        }

        var spread = ScoreMath.StandardDeviation(differences);
        if (spread <= ScoreMath.Tolerance)
        {
            return [];
        }

        var outliers = new List<(Outlier Outlier, int Order)>();
        for (var i = 0; i < compared.Count; i++)
        {
            var z = differences[i] / spread;
            if (Math.Abs(z) >= threshold - ScoreMath.Tolerance)
            {
                outliers.Add((new Outlier(compared[i].Card.JudgeId, compared[i].Card.TeamId, z), i));
            }
        }

        // Largest |z| first; equal |z| keep the order of the scorecards.
        outliers.Sort((a, b) =>
        {
            var bySize = Math.Abs(b.Outlier.Deviation).CompareTo(Math.Abs(a.Outlier.Deviation));
            return bySize != 0 ? bySize : a.Order.CompareTo(b.Order);
        });

        var result = new List<Outlier>(outliers.Count);
        foreach (var (outlier, _) in outliers)
        {
            result.Add(outlier);
        }

        return result.AsReadOnly();
    }
}
