namespace VakkanjersLive.Domain.Scoring;

/// <summary>
/// How the judges' totals for one team are combined into the team's score. The choice is a policy decision of the
/// organiser: each method protects against a different kind of distortion. See <c>docs/scoring.md</c>.
/// </summary>
public enum AggregationMethod
{
    /// <summary>
    /// Plain mean of the judges' totals (the criterion weights already act inside each total). The default: easy to
    /// explain to pupils and teachers, every scorecard counts equally.
    /// </summary>
    WeightedMean,

    /// <summary>
    /// With three or more scorecards the single highest and single lowest total are dropped before taking the mean
    /// (as in figure skating and diving), so one over-enthusiastic or harsh judge cannot decide the outcome alone.
    /// </summary>
    TrimmedMean,

    /// <summary>Median of the totals: the most robust against extreme judges, at the cost of ignoring most detail.</summary>
    Median,

    /// <summary>
    /// Every judge's totals are turned into z-scores against that judge's own mean and spread first, so a lenient and a
    /// strict judge weigh equally; the mean z is then mapped back to the 0–100 scale of the whole panel.
    /// </summary>
    ZScoreNormalised,
}

/// <summary>What decides between teams whose aggregated scores are equal.</summary>
public enum TieBreakKind
{
    /// <summary>
    /// The team with the higher mean raw value on one named criterion wins, so the organiser can declare a criterion
    /// (e.g. "creativity") the deciding one.
    /// </summary>
    HighestCriterion,

    /// <summary>
    /// The team that more judges placed first (by their own totals) wins: it rewards the team the panel most often
    /// thought was the best, not the one that was merely nobody's worst.
    /// </summary>
    MostFirstPlaces,
}

/// <summary>One tie-break step; rules are applied in list order, each only among teams the previous steps left tied.</summary>
/// <param name="Kind">Which comparison to make.</param>
/// <param name="CriterionId">
/// The deciding criterion for <see cref="TieBreakKind.HighestCriterion"/> (required, must be in the rubric); ignored by
/// <see cref="TieBreakKind.MostFirstPlaces"/>.
/// </param>
public sealed record TieBreakRule(TieBreakKind Kind, Guid? CriterionId = null);

/// <summary>
/// One line of the jury rubric. Criteria may use different integer scales; totals normalise each value to its own
/// scale, so <paramref name="Weight"/> alone decides how much a criterion counts.
/// </summary>
/// <param name="CriterionId">Identifies the criterion in <see cref="JudgeScore.Values"/>.</param>
/// <param name="Weight">Relative weight (not a percentage): only the ratio between lines matters. Must be ≥ 0.</param>
/// <param name="Min">Lowest value a judge may give; maps to 0 % of the criterion.</param>
/// <param name="Max">Highest value a judge may give; maps to 100 % of the criterion. Must be greater than <paramref name="Min"/>.</param>
public sealed record RubricLine(Guid CriterionId, decimal Weight, int Min, int Max);

/// <summary>
/// One judge's complete scorecard for one team. A judge who did not score a team (absent, or conflicted) simply has
/// no scorecard for it; there is no "empty" scorecard.
/// </summary>
/// <param name="JudgeId">The judge who filled in the card.</param>
/// <param name="TeamId">The team that was scored.</param>
/// <param name="Values">Criterion id → value within that criterion's [Min, Max] (whole numbers unless a rule declares a finer step).</param>
public sealed record JudgeScore(Guid JudgeId, Guid TeamId, IReadOnlyDictionary<Guid, decimal> Values);

/// <summary>The outcome for one team: its place, its score and the raw material for its feedback card.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Rank">
/// 1-based place. Teams with equal score that no tie-break separates share a rank and the next rank is skipped
/// (1, 2, 2, 4). <c>null</c> when the team has no scorecards: it cannot be placed.
/// </param>
/// <param name="Score">Aggregated score on the 0–100 scale; <c>null</c> when no judge scored the team.</param>
/// <param name="JudgeCount">How many scorecards the team has (missing judges are not counted).</param>
/// <param name="CriterionMeans">
/// Per rubric criterion: the mean raw value over the team's scorecards, in the criterion's own scale, for feedback
/// cards and the <see cref="TieBreakKind.HighestCriterion"/> rule. Empty when the team has no scorecards.
/// </param>
/// <param name="SharedRank">True when the rank is shared with another team after all tie-break rules.</param>
public sealed record TeamResult(
    Guid TeamId,
    int? Rank,
    double? Score,
    int JudgeCount,
    IReadOnlyDictionary<Guid, double> CriterionMeans,
    bool SharedRank);
