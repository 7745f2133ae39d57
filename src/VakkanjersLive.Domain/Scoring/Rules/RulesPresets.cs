namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>
/// Ready-made rules the rubric tab offers. Each takes the category's criteria (ranked ballots need none); the
/// organiser can adjust any option afterwards.
/// </summary>
public static class RulesPresets
{
    /// <summary>The preset names, in the order the rubric tab shows them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["Vakkanjers default", "trimmed mean", "sum of panel", "ranked ballots", "Eurovision ranked ballots", "Eurovision class vote", "jury 80 / public 20"];

    /// <summary>
    /// Today's Vakkanjers scoring: relative weights, percent scale, the plain mean of the judges' card totals, one
    /// performance, no rounding, every team with at least one scorecard ranked. Gives exactly what
    /// <see cref="Ranking.Rank"/> gives with <see cref="AggregationMethod.WeightedMean"/>.
    /// </summary>
    public static ScoringRules VakkanjersDefault(IReadOnlyList<RulesCriterion> criteria, IReadOnlyList<RulesTieBreak>? tieBreaks = null) =>
        new(criteria, WeightMode.Relative, new PanelRules(), ScoreScale.Percent, new PerformanceRules(), null, null, null, tieBreaks ?? []);

    /// <summary>Figure-skating style: drop the highest and the lowest card total, mean of the rest, 2 decimals half-up.</summary>
    public static ScoringRules TrimmedMean(IReadOnlyList<RulesCriterion> criteria) =>
        VakkanjersDefault(criteria) with
        {
            Panel = new PanelRules(PanelMethod.Mean, 1, 1),
            Rounding = new RoundingRules(2, RoundingMode.HalfUp, [RoundingStage.Total]),
        };

    /// <summary>Diving style: raw scale, drop two highest and two lowest, sum the rest, times the degree of difficulty, rounds summed.</summary>
    public static ScoringRules SumOfPanel(IReadOnlyList<RulesCriterion> criteria) =>
        new(criteria, WeightMode.Relative, new PanelRules(PanelMethod.Sum, 2, 2), ScoreScale.Raw,
            new PerformanceRules(PerformanceCombine.Sum),
            new RoundingRules(2, RoundingMode.HalfUp, [RoundingStage.Performance, RoundingStage.Total]),
            null, null, []);

    /// <summary>
    /// One panel of judges ranks the teams (1 = best): 12-10-8-7-…-1 points per rank, an unranked team 0, the points
    /// summed. Ties share the rank unless a tie-break is declared ("mostFirstPlaces" is the natural one).
    /// </summary>
    public static ScoringRules RankedBallots() =>
        new([], WeightMode.Relative, new PanelRules(PanelMethod.Sum), ScoreScale.Raw, new PerformanceRules(), null,
            new RankRules(RankRules.DefaultPoints), null, []);

    /// <summary>Eurovision style: jury and public rank the teams, 12-10-8-7-…-1 points, summed; a tie goes to the public's points.</summary>
    public static ScoringRules EurovisionRankedBallots() =>
        new([], WeightMode.Relative, new PanelRules(PanelMethod.Sum), ScoreScale.Raw, new PerformanceRules(), null,
            new RankRules(RankRules.DefaultPoints),
            new PanelsRules(PanelBlend.Sum, [new PanelDefinition("jury"), new PanelDefinition("public")]),
            [new RulesTieBreak(RulesTieBreakKind.Panel, "public")]);

    /// <summary>
    /// Eurovision with a televote: the jury ranks the teams (12-10-8-7-…-1 points), the public's points are an audience
    /// vote's (in the web app the class ballots of a linked per-class poll), summed; a tie goes to the public's points.
    /// </summary>
    public static ScoringRules EurovisionClassVote() =>
        EurovisionRankedBallots() with
        {
            Panels = new PanelsRules(PanelBlend.Sum, [new PanelDefinition("jury"), new PanelDefinition("public", 1m, Votes: true)]),
        };

    /// <summary>
    /// Jury 80 % and public 20 %: the jury's mean and the public's points from the audience's ballots (a votes panel:
    /// e.g. one ballot per class) each as a share of that panel's total over all teams, blended, 2 decimals half-up.
    /// </summary>
    public static ScoringRules Jury80Public20(IReadOnlyList<RulesCriterion> criteria) =>
        VakkanjersDefault(criteria) with
        {
            Rounding = new RoundingRules(2, RoundingMode.HalfUp, [RoundingStage.Total]),
            Panels = new PanelsRules(PanelBlend.Weighted, [new PanelDefinition("jury", 0.8m), new PanelDefinition("public", 0.2m, Votes: true)]),
            TieBreaks = [new RulesTieBreak(RulesTieBreakKind.Panel, "jury")],
        };

    /// <summary>The preset with this name (see <see cref="Names"/>), or null.</summary>
    public static ScoringRules? ByName(string name, IReadOnlyList<RulesCriterion> criteria) => name switch
    {
        "Vakkanjers default" => VakkanjersDefault(criteria),
        "trimmed mean" => TrimmedMean(criteria),
        "sum of panel" => SumOfPanel(criteria),
        "ranked ballots" => RankedBallots(),
        "Eurovision ranked ballots" => EurovisionRankedBallots(),
        "Eurovision class vote" => EurovisionClassVote(),
        "jury 80 / public 20" => Jury80Public20(criteria),
        _ => null,
    };

    /// <summary>
    /// Today's rubric, method and tie-breaks as rules, so the web app's existing settings keep their results: criterion
    /// ids are the GUIDs in "D" format, WeightedMean → mean, TrimmedMean → mean with one highest and one lowest dropped,
    /// Median → median, ZScoreNormalised → zscore; HighestCriterion → criterion, MostFirstPlaces → mostFirstPlaces.
    /// </summary>
    public static ScoringRules FromRubric(IReadOnlyList<RubricLine> rubric, AggregationMethod method, IReadOnlyList<TieBreakRule> tieBreaks)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(tieBreaks);
        var criteria = rubric.Select(l => new RulesCriterion(l.CriterionId.ToString("D"), l.Min, l.Max, 1m, l.Weight)).ToList();
        var panel = method switch
        {
            AggregationMethod.WeightedMean => new PanelRules(),
            AggregationMethod.TrimmedMean => new PanelRules(PanelMethod.Mean, 1, 1),
            AggregationMethod.Median => new PanelRules(PanelMethod.Median),
            AggregationMethod.ZScoreNormalised => new PanelRules(PanelMethod.Zscore),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown aggregation method."),
        };
        var rules = tieBreaks.Select(t => t.Kind == TieBreakKind.HighestCriterion
            ? new RulesTieBreak(RulesTieBreakKind.Criterion, t.CriterionId?.ToString("D"))
            : new RulesTieBreak(RulesTieBreakKind.MostFirstPlaces)).ToList();
        return VakkanjersDefault(criteria, rules) with { Panel = panel };
    }
}
