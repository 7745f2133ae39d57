namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>How criterion weights act on a judge's values.</summary>
public enum WeightMode
{
    /// <summary>Weights are divided by their sum: 3 : 1 counts the same as 75 : 25 (today's behaviour).</summary>
    Relative,

    /// <summary>Weights multiply as given (a factor of 0.8 scales the criterion by 0.8).</summary>
    Absolute,
}

/// <summary>How the judges of one panel are combined into the panel's value for a team.</summary>
public enum PanelMethod
{
    /// <summary>Arithmetic mean of the kept values.</summary>
    Mean,

    /// <summary>Sum of the kept values (diving: the middle three judges' marks added up).</summary>
    Sum,

    /// <summary>The middle kept value; for an even count the mean of the two middle values.</summary>
    Median,

    /// <summary>Each judge's card totals as z-scores against that judge's own mean and spread, mapped back to the panel's scale.</summary>
    Zscore,
}

/// <summary>What the highest and lowest values are dropped from.</summary>
public enum TrimMode
{
    /// <summary>Whole scorecards: each judge's card total is computed first, then the extreme totals are dropped.</summary>
    PerCard,

    /// <summary>Each criterion separately: the extreme values on each criterion are dropped, then the criteria are weighted.</summary>
    PerCriterion,
}

/// <summary>The unit of card totals and panel values.</summary>
public enum ScoreScale
{
    /// <summary>Each value is normalised to 0–100 % of its criterion's range (today's behaviour).</summary>
    Percent,

    /// <summary>The judges' own units: values are weighted as given, without normalisation.</summary>
    Raw,
}

/// <summary>How several performances (rounds, dives, attempts) of one team are combined.</summary>
public enum PerformanceCombine
{
    /// <summary>All performances added up.</summary>
    Sum,

    /// <summary>The mean of the team's performances.</summary>
    Mean,

    /// <summary>Only the best performance counts.</summary>
    Best,
}

/// <summary>How a value exactly half-way between two roundings is rounded.</summary>
public enum RoundingMode
{
    /// <summary>Away from zero: 0.145 → 0.15, −0.145 → −0.15 (school rounding).</summary>
    HalfUp,

    /// <summary>To the even neighbour (banker's rounding): 0.125 → 0.12, 0.135 → 0.14.</summary>
    HalfEven,
}

/// <summary>Where in the calculation values are rounded.</summary>
public enum RoundingStage
{
    /// <summary>Each panel value (the judges combined), per criterion when trimming per criterion.</summary>
    Panel,

    /// <summary>Each weighted criterion term (weight × value).</summary>
    Criterion,

    /// <summary>Each performance value, after the factor.</summary>
    Performance,

    /// <summary>The team's total.</summary>
    Total,
}

/// <summary>How the panels' results become the final result.</summary>
public enum PanelBlend
{
    /// <summary>The panels' results are added up (Eurovision: jury points + public points).</summary>
    Sum,

    /// <summary>Each panel's result becomes a share of that panel's total over all teams (in %), and the shares are blended with the panels' weights.</summary>
    Weighted,
}

/// <summary>What decides between teams with equal totals.</summary>
public enum RulesTieBreakKind
{
    /// <summary>The higher mean raw value on one criterion (all the team's marks on it, before drops).</summary>
    Criterion,

    /// <summary>More points (a higher result) from one panel.</summary>
    Panel,

    /// <summary>More judges who put the team first (by their own card totals or ranks).</summary>
    MostFirstPlaces,
}

/// <summary>One criterion of the rubric.</summary>
/// <param name="Id">Identifies the criterion in the marks (the <c>criterion</c> column).</param>
/// <param name="Min">Lowest value a judge may give.</param>
/// <param name="Max">Highest value a judge may give; greater than <paramref name="Min"/>.</param>
/// <param name="Step">Values must be <c>Min + k × Step</c> (e.g. 1, 0.5, 0.25, 0.1); must divide <c>Max − Min</c>.</param>
/// <param name="Weight">Weight, ≥ 0; relative or absolute according to <see cref="ScoringRules.Weights"/>.</param>
public sealed record RulesCriterion(string Id, decimal Min, decimal Max, decimal Step, decimal Weight);

/// <summary>How one panel's judges are combined.</summary>
/// <param name="Method">mean | sum | median | zscore.</param>
/// <param name="DropHighest">How many of the highest values are dropped (only when more values than drops remain).</param>
/// <param name="DropLowest">How many of the lowest values are dropped.</param>
/// <param name="Trim">Whether values are dropped per card or per criterion.</param>
/// <param name="MinJudges">A team with fewer judges than this in a panel (and performance) is incomplete and not ranked.</param>
public sealed record PanelRules(
    PanelMethod Method = PanelMethod.Mean,
    int DropHighest = 0,
    int DropLowest = 0,
    TrimMode Trim = TrimMode.PerCard,
    int MinJudges = 1);

/// <summary>How several performances per team are combined.</summary>
/// <param name="Combine">sum | mean | best.</param>
/// <param name="Count">
/// How many performances each team gives (dives, attempts, rounds within one judging), named "1" to "Count": the web
/// app's judges score each one and a moderator sets each team's factor per performance. 1: one performance, no name.
/// Files for the command-line tool may name their performances freely; the count is not checked against marks.
/// </param>
public sealed record PerformanceRules(PerformanceCombine Combine = PerformanceCombine.Sum, int Count = 1)
{
    /// <summary>Most performances per team the rules may declare.</summary>
    public const int MaxCount = 20;

    /// <summary>The performance ids the web app uses: "1" … "Count", or one empty id for a single performance.</summary>
    public IReadOnlyList<string> Ids => Count <= 1 ? [string.Empty] : [.. Enumerable.Range(1, Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>Declared rounding, in decimal arithmetic.</summary>
/// <param name="Decimals">Number of decimals, 0 to 10.</param>
/// <param name="Mode">half-up | half-even.</param>
/// <param name="At">The stages where values are rounded (empty: never).</param>
public sealed record RoundingRules(int Decimals, RoundingMode Mode, IReadOnlyList<RoundingStage> At)
{
    /// <summary>True when values are rounded at <paramref name="stage"/>.</summary>
    public bool Applies(RoundingStage stage) => At.Contains(stage);

    /// <summary>Value equality, including the stages.</summary>
    public bool Equals(RoundingRules? other) =>
        other is not null && Decimals == other.Decimals && Mode == other.Mode && ListEquality.Equal(At, other.At);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Decimals, Mode, ListEquality.Hash(At));
}

/// <summary>
/// Ranked ballots: instead of scores each judge ranks teams (1 = best); rank r earns <c>Points[r − 1]</c>, a rank beyond
/// the table and an unranked team earn 0.
/// </summary>
/// <param name="Points">Points per rank, non-increasing and ≥ 0 (default 12, 10, 8, 7, 6, 5, 4, 3, 2, 1).</param>
public sealed record RankRules(IReadOnlyList<decimal> Points)
{
    /// <summary>The Eurovision points table: 12, 10, 8, 7, 6, 5, 4, 3, 2, 1.</summary>
    public static IReadOnlyList<decimal> DefaultPoints { get; } = [12m, 10m, 8m, 7m, 6m, 5m, 4m, 3m, 2m, 1m];

    /// <summary>The points for a rank: 0 beyond the table.</summary>
    public decimal PointsFor(int rank) => rank >= 1 && rank <= Points.Count ? Points[rank - 1] : 0m;

    /// <summary>Value equality of the points tables.</summary>
    public bool Equals(RankRules? other) => other is not null && ListEquality.Equal(Points, other.Points);

    /// <inheritdoc/>
    public override int GetHashCode() => ListEquality.Hash(Points);
}

/// <summary>One panel of judges (e.g. <c>jury</c>, <c>public</c>).</summary>
/// <param name="Id">The value of the <c>panel</c> column.</param>
/// <param name="Weight">Its share in a <see cref="PanelBlend.Weighted"/> blend (e.g. 0.8); ignored for a sum.</param>
/// <param name="Votes">
/// An audience vote instead of judges: each "judge" is one ballot (e.g. one class), its marks have an empty criterion
/// and the value is the points or votes the ballot gave the team (≥ 0). The panel's value is the sum of the ballots'
/// values: no criteria, drops, method, ranks or <c>minJudges</c>; a team no ballot gave anything has 0.
/// </param>
public sealed record PanelDefinition(string Id, decimal Weight = 1m, bool Votes = false);

/// <summary>The panels and how they are blended.</summary>
/// <param name="Combine">sum | weighted.</param>
/// <param name="List">The panels; with <see cref="PanelBlend.Weighted"/> their weights add up to 1.</param>
public sealed record PanelsRules(PanelBlend Combine, IReadOnlyList<PanelDefinition> List)
{
    /// <summary>Value equality, including the panels.</summary>
    public bool Equals(PanelsRules? other) => other is not null && Combine == other.Combine && ListEquality.Equal(List, other.List);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Combine, ListEquality.Hash(List));
}

/// <summary>Element-wise equality for the lists inside the rules records, so equal rules compare equal.</summary>
internal static class ListEquality
{
    public static bool Equal<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    public static int Hash<T>(IReadOnlyList<T>? list)
    {
        var hash = new HashCode();
        foreach (var item in list ?? [])
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}

/// <summary>One declared tie-break, applied in list order among teams the previous ones left tied.</summary>
/// <param name="Kind">criterion | panel | mostFirstPlaces.</param>
/// <param name="Target">The criterion id or the panel id; null for <see cref="RulesTieBreakKind.MostFirstPlaces"/>.</param>
public sealed record RulesTieBreak(RulesTieBreakKind Kind, string? Target = null);

/// <summary>A problem with rules or marks: a <see cref="DomainException"/> code with its arguments and where it is.</summary>
/// <param name="Path">For rules: a JSON-style path such as <c>criteria[1].step</c>; for marks: empty.</param>
/// <param name="Code">Stable code (<c>rules.criterion.step</c>) the UI or <see cref="RulesMessages"/> turns into text.</param>
/// <param name="Arguments">Placeholders of the message.</param>
public sealed record RulesProblem(string Path, string Code, IReadOnlyList<object> Arguments)
{
    /// <summary>The English reason (see <see cref="RulesMessages"/>).</summary>
    public string Reason => RulesMessages.Describe(Code, Arguments);

    /// <summary>The problem as the exception the domain throws.</summary>
    public DomainException ToException() => new(Code, [.. Arguments]);
}

/// <summary>
/// The scoring rules of one category (or round): how marks become a ranking. Immutable; <see cref="Problems"/> lists
/// everything wrong with it and <see cref="Validate"/> throws the first. See the "Rules model" in <c>docs/scoring.md</c>.
/// </summary>
/// <param name="Criteria">The rubric; may be empty only with ranked ballots.</param>
/// <param name="Weights">relative | absolute.</param>
/// <param name="Panel">How each panel's judges are combined.</param>
/// <param name="Scale">percent | raw.</param>
/// <param name="Performances">How several performances per team are combined.</param>
/// <param name="Rounding">Declared rounding; null: none (full decimal precision).</param>
/// <param name="Ranks">Ranked ballots instead of scores; null: scores.</param>
/// <param name="Panels">The panels and their blend; null: one panel, marks have an empty panel.</param>
/// <param name="TieBreaks">Declared tie-breaks in order.</param>
public sealed record ScoringRules(
    IReadOnlyList<RulesCriterion> Criteria,
    WeightMode Weights,
    PanelRules Panel,
    ScoreScale Scale,
    PerformanceRules Performances,
    RoundingRules? Rounding,
    RankRules? Ranks,
    PanelsRules? Panels,
    IReadOnlyList<RulesTieBreak> TieBreaks)
{
    /// <summary>Most decimals a rounding may declare.</summary>
    public const int MaxDecimals = 10;

    /// <summary>Value equality: two rules with the same options (lists compared element by element) are equal.</summary>
    public bool Equals(ScoringRules? other) =>
        other is not null
        && ListEquality.Equal(Criteria, other.Criteria)
        && Weights == other.Weights
        && Equals(Panel, other.Panel)
        && Scale == other.Scale
        && Equals(Performances, other.Performances)
        && Equals(Rounding, other.Rounding)
        && Equals(Ranks, other.Ranks)
        && Equals(Panels, other.Panels)
        && ListEquality.Equal(TieBreaks, other.TieBreaks);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(ListEquality.Hash(Criteria), Weights, Panel, Scale, Performances, Rounding, Ranks, HashCode.Combine(Panels, ListEquality.Hash(TieBreaks)));

    /// <summary>True with ranked ballots.</summary>
    public bool IsRanked => Ranks is not null;

    /// <summary>The panel ids marks may use: the declared panels, or the single unnamed panel "".</summary>
    public IReadOnlyList<string> PanelIds => Panels is null ? [string.Empty] : [.. Panels.List.Select(p => p.Id)];

    /// <summary>True when <paramref name="panelId"/> is a declared audience-vote panel (<see cref="PanelDefinition.Votes"/>).</summary>
    public bool IsVotesPanel(string? panelId) => Panels?.List.Any(p => p is not null && p.Votes && p.Id == (panelId ?? string.Empty)) == true;

    /// <summary>The panels of judges (not audience votes), in declared order; the single unnamed panel without panels.</summary>
    public IReadOnlyList<string> JudgePanelIds => Panels is null ? [string.Empty] : [.. Panels.List.Where(p => !p.Votes).Select(p => p.Id)];

    /// <summary>The criterion with this id, or null.</summary>
    public RulesCriterion? FindCriterion(string id) => Criteria.FirstOrDefault(c => c.Id == id);

    /// <summary>Throws the first problem as a <see cref="DomainException"/>.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw problems[0].ToException();
        }
    }

    /// <summary>Everything wrong with these rules, each with the JSON path of the offending key.</summary>
    public IReadOnlyList<RulesProblem> Problems()
    {
        var problems = new List<RulesProblem>();
        void Add(string path, string code, params object[] arguments) => problems.Add(new RulesProblem(path, code, arguments));

        if (Criteria is null || Panel is null || Performances is null || TieBreaks is null)
        {
            Add(string.Empty, "rules.incomplete");
            return problems;
        }

        if (Criteria.Count == 0 && !IsRanked)
        {
            Add("criteria", "rules.criteria.required");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var weightSum = 0m;
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            var at = $"criteria[{i}]";
            if (c is null || string.IsNullOrWhiteSpace(c.Id))
            {
                Add(at + ".id", "rules.criterion.id.required");
                continue;
            }

            if (!ids.Add(c.Id))
            {
                Add(at + ".id", "rules.criterion.duplicate", c.Id);
            }

            if (c.Max <= c.Min)
            {
                Add(at + ".max", "rules.criterion.range", c.Id, c.Min, c.Max);
            }
            else if (c.Step <= 0m || (c.Max - c.Min) % c.Step != 0m)
            {
                Add(at + ".step", "rules.criterion.step", c.Id, c.Step, c.Max - c.Min);
            }

            if (c.Weight < 0m)
            {
                Add(at + ".weight", "rules.criterion.weight", c.Id, c.Weight);
            }

            weightSum += c.Weight;
        }

        if (Criteria.Count > 0 && weightSum == 0m && Weights == WeightMode.Relative)
        {
            Add("criteria", "rules.weights.zero");
        }

        if (!Enum.IsDefined(Weights))
        {
            Add("weights", "rules.value.unknown", nameof(Weights));
        }

        if (!Enum.IsDefined(Scale))
        {
            Add("scale", "rules.value.unknown", nameof(Scale));
        }

        ValidatePanel(Add);
        if (!Enum.IsDefined(Performances.Combine))
        {
            Add("performances.combine", "rules.value.unknown", "combine");
        }

        if (Performances.Count < 1 || Performances.Count > PerformanceRules.MaxCount)
        {
            Add("performances.count", "rules.performances.count", Performances.Count, PerformanceRules.MaxCount);
        }

        if (Rounding is not null)
        {
            if (Rounding.Decimals < 0 || Rounding.Decimals > MaxDecimals)
            {
                Add("rounding.decimals", "rules.rounding.decimals", Rounding.Decimals, MaxDecimals);
            }

            if (!Enum.IsDefined(Rounding.Mode))
            {
                Add("rounding.mode", "rules.value.unknown", "mode");
            }

            if (Rounding.At is null || Rounding.At.Any(s => !Enum.IsDefined(s)) || Rounding.At.Distinct().Count() != Rounding.At.Count)
            {
                Add("rounding.at", "rules.rounding.at");
            }
        }

        if (Ranks is not null)
        {
            ValidateRanks(Add);
        }

        var panelIds = ValidatePanels(Add);
        for (var i = 0; i < TieBreaks.Count; i++)
        {
            var rule = TieBreaks[i];
            var at = $"tieBreaks[{i}]";
            switch (rule?.Kind)
            {
                case RulesTieBreakKind.Criterion when IsRanked:
                    Add(at, "rules.tie-break.criterion-ranked");
                    break;
                case RulesTieBreakKind.Criterion when rule.Target is null || FindCriterion(rule.Target) is null:
                    Add(at + ".criterion", "rules.tie-break.unknown-criterion", rule.Target ?? string.Empty);
                    break;
                case RulesTieBreakKind.Panel when rule.Target is null || !panelIds.Contains(rule.Target):
                    Add(at + ".panel", "rules.tie-break.unknown-panel", rule.Target ?? string.Empty);
                    break;
                case RulesTieBreakKind.Criterion or RulesTieBreakKind.Panel or RulesTieBreakKind.MostFirstPlaces:
                    break;
                default:
                    Add(at, "rules.value.unknown", "tieBreak");
                    break;
            }
        }

        if (TieBreaks.Distinct().Count() != TieBreaks.Count)
        {
            Add("tieBreaks", "rules.tie-break.duplicate");
        }

        return problems;
    }

    private void ValidatePanel(Action<string, string, object[]> add)
    {
        if (!Enum.IsDefined(Panel.Method))
        {
            add("panel.method", "rules.value.unknown", ["method"]);
        }

        if (!Enum.IsDefined(Panel.Trim))
        {
            add("panel.trim", "rules.value.unknown", ["trim"]);
        }

        if (Panel.DropHighest < 0)
        {
            add("panel.dropHighest", "rules.panel.drop", [Panel.DropHighest]);
        }

        if (Panel.DropLowest < 0)
        {
            add("panel.dropLowest", "rules.panel.drop", [Panel.DropLowest]);
        }

        if (Panel.MinJudges < 1)
        {
            add("panel.minJudges", "rules.panel.min-judges", [Panel.MinJudges]);
        }

        if (Panel.Method == PanelMethod.Zscore)
        {
            if (Panel.DropHighest > 0 || Panel.DropLowest > 0)
            {
                add("panel.method", "rules.panel.zscore-drop", []);
            }

            if (Panel.Trim == TrimMode.PerCriterion || IsRanked)
            {
                add("panel.method", "rules.panel.zscore-cards", []);
            }
        }

        if (IsRanked && Panel.Trim == TrimMode.PerCriterion)
        {
            add("panel.trim", "rules.panel.trim-ranked", []);
        }
    }

    private void ValidateRanks(Action<string, string, object[]> add)
    {
        var points = Ranks!.Points;
        if (points is null || points.Count == 0)
        {
            add("ranks.points", "rules.ranks.points", []);
            return;
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] < 0m || (i > 0 && points[i] > points[i - 1]))
            {
                add($"ranks.points[{i}]", "rules.ranks.points", []);
            }
        }
    }

    private HashSet<string> ValidatePanels(Action<string, string, object[]> add)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (Panels is null)
        {
            ids.Add(string.Empty);
            return ids;
        }

        if (!Enum.IsDefined(Panels.Combine))
        {
            add("panels.combine", "rules.value.unknown", ["combine"]);
        }

        if (Panels.List is null || Panels.List.Count == 0)
        {
            add("panels.list", "rules.panels.required", []);
            return ids;
        }

        var weightSum = 0m;
        for (var i = 0; i < Panels.List.Count; i++)
        {
            var panel = Panels.List[i];
            if (panel is null || string.IsNullOrWhiteSpace(panel.Id))
            {
                add($"panels.list[{i}].id", "rules.panel.id.required", []);
                continue;
            }

            if (!ids.Add(panel.Id))
            {
                add($"panels.list[{i}].id", "rules.panel.duplicate", [panel.Id]);
            }

            if (Panels.Combine == PanelBlend.Weighted && panel.Weight <= 0m)
            {
                add($"panels.list[{i}].weight", "rules.panel.weight", [panel.Id, panel.Weight]);
            }

            weightSum += panel.Weight;
        }

        if (Panels.Combine == PanelBlend.Weighted && weightSum != 1m)
        {
            add("panels.list", "rules.panels.weights-sum", [weightSum]);
        }

        return ids;
    }
}
