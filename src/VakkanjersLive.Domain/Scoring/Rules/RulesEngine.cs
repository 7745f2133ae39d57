using System.Collections.ObjectModel;
using System.Globalization;

namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>
/// Turns marks into a ranking under <see cref="ScoringRules"/>. Pure and in decimal arithmetic: the same rules, teams
/// and marks always give the same result, and the trail shows every step. See the "Rules model" in
/// <c>docs/scoring.md</c>.
/// </summary>
public static class RulesEngine
{
    /// <summary>
    /// Two totals closer than this are equal. Decimal divisions such as 1/3 leave an error around 1e-27; without a
    /// tolerance two mathematically equal totals could be ranked apart by it. Rounded totals are exact anyway.
    /// </summary>
    public const decimal Tolerance = 0.00000000000000000001m;

    /// <summary>The problems of one mark on its own (required fields, panel, factor, criterion, range, step, rank).</summary>
    public static IReadOnlyList<MarkProblem> CheckMark(ScoringRules rules, Mark mark, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(mark);
        var problems = new List<MarkProblem>();
        void Add(string code, params object[] arguments) => problems.Add(new MarkProblem(index, code, arguments));

        if (string.IsNullOrWhiteSpace(mark.Team))
        {
            Add("rules.mark.team.required");
        }

        if (string.IsNullOrWhiteSpace(mark.Judge))
        {
            Add("rules.mark.judge.required");
        }

        if (!rules.PanelIds.Contains(mark.Panel ?? string.Empty))
        {
            Add(rules.Panels is null ? "rules.mark.panel-undeclared" : "rules.mark.unknown-panel", mark.Panel ?? string.Empty);
        }

        if (mark.Factor is { } factor && factor <= 0m)
        {
            Add("rules.mark.factor", factor);
        }

        if (rules.IsVotesPanel(mark.Panel))
        {
            // An audience ballot: no criterion, the value is the points or votes it gave the team.
            if (!string.IsNullOrEmpty(mark.Criterion))
            {
                Add("rules.mark.votes-criterion", mark.Panel!, mark.Criterion);
            }

            if (mark.Value < 0m)
            {
                Add("rules.mark.votes-value", mark.Value);
            }

            return problems;
        }

        if (rules.IsRanked)
        {
            if (!string.IsNullOrEmpty(mark.Criterion))
            {
                Add("rules.mark.rank-criterion", mark.Criterion);
            }

            if (mark.Value < 1m || mark.Value != decimal.Truncate(mark.Value) || mark.Value > int.MaxValue)
            {
                Add("rules.mark.rank", mark.Value);
            }

            return problems;
        }

        var criterion = rules.FindCriterion(mark.Criterion ?? string.Empty);
        if (criterion is null)
        {
            Add("rules.mark.unknown-criterion", mark.Criterion ?? string.Empty);
        }
        else if (mark.Value < criterion.Min || mark.Value > criterion.Max)
        {
            Add("rules.mark.range", criterion.Id, mark.Value, criterion.Min, criterion.Max);
        }
        else if ((mark.Value - criterion.Min) % criterion.Step != 0m)
        {
            Add("rules.mark.step", criterion.Id, mark.Value, criterion.Step);
        }

        return problems;
    }

    /// <summary>
    /// Every problem of the marks under the rules: each mark on its own (<see cref="CheckMark"/>), then across marks:
    /// a value given twice, a judge giving one rank twice, factors of one performance that differ, a card that lacks a
    /// criterion, and (with a team list) unknown teams. In mark order.
    /// </summary>
    public static IReadOnlyList<MarkProblem> Check(ScoringRules rules, IReadOnlyList<Mark> marks, IReadOnlyList<string>? teams = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(marks);
        var problems = new List<MarkProblem>();
        var teamSet = teams is null ? null : new HashSet<string>(teams, StringComparer.Ordinal);
        var seen = new HashSet<(string, string, string, string, string)>();
        var ranks = new HashSet<(string, string, string, decimal)>();
        var factors = new Dictionary<(string, string), decimal>();
        var cards = new Dictionary<(string Panel, string Performance, string Judge, string Team), (int First, HashSet<string> Criteria)>();
        for (var i = 0; i < marks.Count; i++)
        {
            var mark = marks[i];
            ArgumentNullException.ThrowIfNull(mark, nameof(marks));
            var own = CheckMark(rules, mark, i);
            problems.AddRange(own);
            if (teamSet is not null && !teamSet.Contains(mark.Team))
            {
                problems.Add(new MarkProblem(i, "rules.mark.unknown-team", [mark.Team]));
            }

            var panel = mark.Panel ?? string.Empty;
            var performance = mark.Performance ?? string.Empty;

            // A card's criteria count even from a refused mark (7.3 off the step is a value, not a missing one), so a
            // card is only reported incomplete when a criterion really has no row.
            if (!rules.IsRanked && !rules.IsVotesPanel(panel) && rules.FindCriterion(mark.Criterion ?? string.Empty) is not null
                && !string.IsNullOrWhiteSpace(mark.Team) && !string.IsNullOrWhiteSpace(mark.Judge))
            {
                var key = (panel, performance, mark.Judge, mark.Team);
                if (!cards.TryGetValue(key, out var card))
                {
                    card = (i, new HashSet<string>(StringComparer.Ordinal));
                    cards.Add(key, card);
                }

                card.Criteria.Add(mark.Criterion ?? string.Empty);
            }

            if (own.Count > 0)
            {
                continue;
            }
            if (!seen.Add((panel, performance, mark.Judge, mark.Team, mark.Criterion ?? string.Empty)))
            {
                problems.Add(new MarkProblem(i, "rules.mark.duplicate", [mark.Judge, mark.Team, mark.Criterion ?? string.Empty]));
                continue;
            }

            if (rules.IsRanked && !rules.IsVotesPanel(panel) && !ranks.Add((panel, performance, mark.Judge, mark.Value)))
            {
                problems.Add(new MarkProblem(i, "rules.mark.rank-duplicate", [mark.Judge, mark.Value]));
            }

            if (mark.Factor is { } factor)
            {
                if (!factors.TryAdd((mark.Team, performance), factor) && factors[(mark.Team, performance)] != factor)
                {
                    problems.Add(new MarkProblem(i, "rules.mark.factor-differs", [mark.Team, performance, factors[(mark.Team, performance)]]));
                }
            }
        }

        foreach (var (key, card) in cards)
        {
            foreach (var criterion in rules.Criteria)
            {
                if (!card.Criteria.Contains(criterion.Id))
                {
                    problems.Add(new MarkProblem(card.First, "rules.mark.missing-criterion", [key.Judge, key.Team, criterion.Id]));
                }
            }
        }

        // Stable: the problems of one mark keep the order they were found in.
        return problems.OrderBy(p => p.Index).ToList().AsReadOnly();
    }

    /// <summary>
    /// Computes every team's result and the ranking.
    /// </summary>
    /// <param name="rules">Valid rules.</param>
    /// <param name="marks">All marks; see <see cref="Check"/> for what is refused.</param>
    /// <param name="teams">The teams in list order (ties that no rule separates keep this order); null: order of first appearance in the marks.</param>
    /// <exception cref="DomainException">The rules or the marks are invalid (the first problem).</exception>
    public static RulesResult Compute(ScoringRules rules, IReadOnlyList<Mark> marks, IReadOnlyList<string>? teams = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(marks);
        rules.Validate();
        if (teams is not null && teams.Distinct(StringComparer.Ordinal).Count() != teams.Count)
        {
            throw new DomainException("rules.team.duplicate");
        }

        var problems = Check(rules, marks, teams);
        if (problems.Count > 0)
        {
            throw new DomainException(problems[0].Code, [.. problems[0].Arguments]);
        }

        return new Calculation(rules, marks, teams ?? [.. marks.Select(m => m.Team).Distinct(StringComparer.Ordinal)]).Run();
    }

    internal static bool AreEqual(decimal a, decimal b) => Math.Abs(a - b) <= Tolerance;

    /// <summary>Square root in decimal (Newton's method from the double estimate).</summary>
    internal static decimal Sqrt(decimal value)
    {
        if (value <= 0m)
        {
            return 0m;
        }

        var x = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4 && x > 0m; i++)
        {
            x = (x + (value / x)) / 2m;
        }

        return x;
    }

    /// <summary>One computation: holds the grouped marks and the per-team trails.</summary>
    private sealed class Calculation
    {
        private readonly ScoringRules rules;
        private readonly IReadOnlyList<Mark> marks;
        private readonly IReadOnlyList<string> teams;
        private readonly Dictionary<string, int> teamIndex = new(StringComparer.Ordinal);
        private readonly List<TrailStep>[] trails;
        private readonly List<string> performances = [];
        private readonly Dictionary<(string Team, string Performance), decimal> factors = [];
        private readonly int[] firstPlaces;

        // panel -> performance -> team -> value (after the factor) and judge count.
        private readonly Dictionary<string, Dictionary<string, Dictionary<int, (decimal Value, int Judges)>>> values = [];

        public Calculation(ScoringRules rules, IReadOnlyList<Mark> marks, IReadOnlyList<string> teams)
        {
            this.rules = rules;
            this.marks = marks;
            this.teams = teams;
            for (var i = 0; i < teams.Count; i++)
            {
                teamIndex[teams[i]] = i;
            }

            trails = [.. teams.Select(_ => new List<TrailStep>())];
            firstPlaces = new int[teams.Count];
            foreach (var mark in marks)
            {
                if (!performances.Contains(mark.Performance ?? string.Empty))
                {
                    performances.Add(mark.Performance ?? string.Empty);
                }

                if (mark.Factor is { } factor)
                {
                    factors[(mark.Team, mark.Performance ?? string.Empty)] = factor;
                }
            }
        }

        public RulesResult Run()
        {
            foreach (var panel in rules.PanelIds)
            {
                var byPerformance = new Dictionary<string, Dictionary<int, (decimal, int)>>(StringComparer.Ordinal);
                values[panel] = byPerformance;
                foreach (var performance in performances)
                {
                    var group = marks.Where(m => (m.Panel ?? string.Empty) == panel && (m.Performance ?? string.Empty) == performance).ToList();
                    if (group.Count > 0)
                    {
                        byPerformance[performance] = rules.IsVotesPanel(panel) ? VotesGroup(panel, performance, group)
                            : rules.IsRanked ? RankedGroup(panel, performance, group)
                            : ScoredGroup(panel, performance, group);
                    }
                }
            }

            return Standings();
        }

        private void Trail(int team, TrailKind kind, string panel, string performance, decimal value, string judge = "", string criterion = "", decimal? before = null, string detail = "") =>
            trails[team].Add(new TrailStep(kind, panel, performance, judge, criterion, value, before, detail));

        private decimal Round(int team, RoundingStage stage, decimal value, string panel, string performance, string judge = "", string criterion = "")
        {
            var rounded = Rounding.At(rules.Rounding, stage, value);
            if (rounded != value)
            {
                Trail(team, TrailKind.Rounded, panel, performance, rounded, judge, criterion, value, StageName(stage));
            }

            return rounded;
        }

        private static string StageName(RoundingStage stage) => RulesJson.Name(stage);

        /// <summary>One criterion value as it enters the weighting: percent of the criterion's range, or raw.</summary>
        private decimal Scaled(RulesCriterion criterion, decimal value) =>
            rules.Scale == ScoreScale.Percent ? (value - criterion.Min) * 100m / (criterion.Max - criterion.Min) : value;

        /// <summary>The weighted term of one criterion. Relative weights are divided by their sum in the same division.</summary>
        private decimal Weighted(RulesCriterion criterion, decimal value, bool raw)
        {
            // raw: value is the judge's own value; otherwise it has been scaled already (see Scaled).
            var weightSum = rules.Weights == WeightMode.Relative ? rules.Criteria.Sum(c => c.Weight) : 1m;
            if (raw && rules.Scale == ScoreScale.Percent)
            {
                // One division: w × (v − min) × 100 / ((max − min) × Σw), so 3 × 6 × 100 / (9 × 4) is exactly 50.
                return criterion.Weight * (value - criterion.Min) * 100m / ((criterion.Max - criterion.Min) * weightSum);
            }

            return criterion.Weight * value / weightSum;
        }

        /// <summary>
        /// A judge's card total: the weighted criterion terms added up. When trimming per card each term is rounded at the
        /// criterion stage; when trimming per criterion the card total only serves the first-place count and is not rounded.
        /// </summary>
        private decimal CardTotal(int team, string panel, string performance, string judge, IReadOnlyDictionary<string, decimal> card)
        {
            var total = 0m;
            foreach (var criterion in rules.Criteria)
            {
                var term = Weighted(criterion, card[criterion.Id], raw: true);
                total += rules.Panel.Trim == TrimMode.PerCard
                    ? Round(team, RoundingStage.Criterion, term, panel, performance, judge, criterion.Id)
                    : term;
            }

            return total;
        }

        /// <summary>Drops the lowest and highest values when more remain than are dropped; records what was dropped.</summary>
        private List<decimal> Trim(int team, string panel, string performance, string criterion, List<(string Judge, decimal Value)> judged)
        {
            var sorted = judged.Select((j, order) => (j.Judge, j.Value, order)).OrderBy(j => j.Value).ThenBy(j => j.order).ToList();
            var low = rules.Panel.DropLowest;
            var high = rules.Panel.DropHighest;
            if (sorted.Count <= low + high)
            {
                return [.. sorted.Select(j => j.Value)];
            }

            for (var i = 0; i < sorted.Count; i++)
            {
                if (i < low || i >= sorted.Count - high)
                {
                    Trail(team, TrailKind.Dropped, panel, performance, sorted[i].Value, sorted[i].Judge, criterion);
                }
            }

            return [.. sorted.Skip(low).Take(sorted.Count - low - high).Select(j => j.Value)];
        }

        private decimal Aggregate(List<decimal> kept) => rules.Panel.Method switch
        {
            PanelMethod.Sum => kept.Sum(),
            PanelMethod.Median => Median(kept),
            _ => kept.Sum() / kept.Count,
        };

        private static decimal Median(List<decimal> values)
        {
            var sorted = values.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        }

        private Dictionary<int, (decimal, int)> ScoredGroup(string panel, string performance, List<Mark> group)
        {
            // team -> judge -> criterion -> value, judges in order of first mark.
            var cards = new Dictionary<int, Dictionary<string, Dictionary<string, decimal>>>();
            foreach (var mark in group)
            {
                var team = teamIndex[mark.Team];
                if (!cards.TryGetValue(team, out var judges))
                {
                    judges = [];
                    cards[team] = judges;
                }

                if (!judges.TryGetValue(mark.Judge, out var card))
                {
                    card = new Dictionary<string, decimal>(StringComparer.Ordinal);
                    judges[mark.Judge] = card;
                }

                card[mark.Criterion] = mark.Value;
            }

            var totals = new Dictionary<int, List<(string Judge, decimal Value)>>();
            foreach (var (team, judges) in cards.OrderBy(c => c.Key))
            {
                totals[team] = [];
                foreach (var (judge, card) in judges)
                {
                    var total = CardTotal(team, panel, performance, judge, card);
                    if (rules.Panel.Trim == TrimMode.PerCard)
                    {
                        Trail(team, TrailKind.CardTotal, panel, performance, total, judge);
                    }

                    totals[team].Add((judge, total));
                }
            }

            CountFirstPlaces(totals);
            var result = new Dictionary<int, (decimal, int)>();
            var zscores = rules.Panel.Method == PanelMethod.Zscore ? Zscores(totals) : null;
            foreach (var (team, judges) in cards.OrderBy(c => c.Key))
            {
                decimal value;
                if (zscores is not null)
                {
                    value = zscores[team];
                    Trail(team, TrailKind.PanelValue, panel, performance, value);
                }
                else if (rules.Panel.Trim == TrimMode.PerCard)
                {
                    value = Aggregate(Trim(team, panel, performance, string.Empty, totals[team]));
                    Trail(team, TrailKind.PanelValue, panel, performance, value);
                }
                else
                {
                    value = 0m;
                    foreach (var criterion in rules.Criteria)
                    {
                        var judged = judges.Select(j => (j.Key, Scaled(criterion, j.Value[criterion.Id]))).ToList();
                        var criterionValue = Aggregate(Trim(team, panel, performance, criterion.Id, judged));
                        Trail(team, TrailKind.PanelValue, panel, performance, criterionValue, criterion: criterion.Id);
                        criterionValue = Round(team, RoundingStage.Panel, criterionValue, panel, performance, criterion: criterion.Id);
                        var term = Weighted(criterion, criterionValue, raw: false);
                        Trail(team, TrailKind.Weighted, panel, performance, term, criterion: criterion.Id, before: criterionValue, detail: criterion.Weight.ToString(CultureInfo.InvariantCulture));
                        value += Round(team, RoundingStage.Criterion, term, panel, performance, criterion: criterion.Id);
                    }
                }

                if (rules.Panel.Trim == TrimMode.PerCard)
                {
                    value = Round(team, RoundingStage.Panel, value, panel, performance);
                }

                result[team] = (Performance(team, panel, performance, value), judges.Count);
            }

            return result;
        }

        /// <summary>
        /// z = (total − μ_j) / σ_j per judge (0 when σ_j is 0), team z = mean; back to the scale with the pooled μ and σ
        /// of all totals in the group, clamped to [0, 100] on the percent scale.
        /// </summary>
        private Dictionary<int, decimal> Zscores(Dictionary<int, List<(string Judge, decimal Value)>> totals)
        {
            var all = totals.SelectMany(t => t.Value).ToList();
            var byJudge = all.GroupBy(t => t.Judge, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => MeanAndDeviation([.. g.Select(t => t.Value)]), StringComparer.Ordinal);
            var (meanAll, deviationAll) = MeanAndDeviation([.. all.Select(t => t.Value)]);
            var scores = new Dictionary<int, decimal>();
            foreach (var (team, cards) in totals)
            {
                var z = cards.Select(c =>
                {
                    var (mean, deviation) = byJudge[c.Judge];
                    return deviation <= 0.000000001m ? 0m : (c.Value - mean) / deviation;
                }).Sum() / cards.Count;
                var score = meanAll + (z * deviationAll);
                scores[team] = rules.Scale == ScoreScale.Percent ? Math.Clamp(score, 0m, 100m) : score;
            }

            return scores;
        }

        private static (decimal Mean, decimal Deviation) MeanAndDeviation(List<decimal> values)
        {
            var mean = values.Sum() / values.Count;
            if (values.Count < 2)
            {
                return (mean, 0m);
            }

            var squares = values.Sum(v => (v - mean) * (v - mean));
            return (mean, Sqrt(squares / values.Count));
        }

        private void CountFirstPlaces(Dictionary<int, List<(string Judge, decimal Value)>> totals)
        {
            var best = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (judge, total) in totals.SelectMany(t => t.Value))
            {
                if (!best.TryGetValue(judge, out var highest) || total > highest)
                {
                    best[judge] = total;
                }
            }

            foreach (var (team, cards) in totals)
            {
                firstPlaces[team] += cards.Count(c => AreEqual(c.Value, best[c.Judge]));
            }
        }

        private Dictionary<int, (decimal, int)> RankedGroup(string panel, string performance, List<Mark> group)
        {
            var judges = group.Select(m => m.Judge).Distinct(StringComparer.Ordinal).ToList();
            var rankOf = group.ToDictionary(m => (m.Judge, teamIndex[m.Team]), m => (int)m.Value);
            var result = new Dictionary<int, (decimal, int)>();
            for (var team = 0; team < teams.Count; team++)
            {
                var judged = new List<(string Judge, decimal Value)>();
                foreach (var judge in judges)
                {
                    var points = 0m;
                    if (rankOf.TryGetValue((judge, team), out var rank))
                    {
                        points = rules.Ranks!.PointsFor(rank);
                        Trail(team, TrailKind.Points, panel, performance, points, judge, before: rank);
                        if (rank == 1)
                        {
                            firstPlaces[team]++;
                        }
                    }

                    judged.Add((judge, points));
                }

                var value = Aggregate(Trim(team, panel, performance, string.Empty, judged));
                Trail(team, TrailKind.PanelValue, panel, performance, value);
                value = Round(team, RoundingStage.Panel, value, panel, performance);
                result[team] = (Performance(team, panel, performance, value), judges.Count);
            }

            return result;
        }

        /// <summary>
        /// An audience-vote panel: each ballot's value for a team (Trail: Votes, Judge = the ballot) added up; every team
        /// without a value from any ballot gets 0. No drops, no method, no criteria. The judge count is the number of
        /// ballots, but votes panels never count for <c>minJudges</c>.
        /// </summary>
        private Dictionary<int, (decimal, int)> VotesGroup(string panel, string performance, List<Mark> group)
        {
            var ballots = group.Select(m => m.Judge).Distinct(StringComparer.Ordinal).Count();
            var result = new Dictionary<int, (decimal, int)>();
            for (var team = 0; team < teams.Count; team++)
            {
                var value = 0m;
                foreach (var mark in group.Where(m => teamIndex[m.Team] == team))
                {
                    Trail(team, TrailKind.Votes, panel, performance, mark.Value, mark.Judge);
                    value += mark.Value;
                }

                Trail(team, TrailKind.PanelValue, panel, performance, value);
                value = Round(team, RoundingStage.Panel, value, panel, performance);
                result[team] = (Performance(team, panel, performance, value), ballots);
            }

            return result;
        }

        /// <summary>Applies the performance's factor and the performance rounding.</summary>
        private decimal Performance(int team, string panel, string performance, decimal value)
        {
            if (factors.TryGetValue((teams[team], performance), out var factor) && factor != 1m)
            {
                var before = value;
                value *= factor;
                Trail(team, TrailKind.Factor, panel, performance, value, before: before, detail: factor.ToString(CultureInfo.InvariantCulture));
            }

            value = Round(team, RoundingStage.Performance, value, panel, performance);
            Trail(team, TrailKind.Performance, panel, performance, value);
            return value;
        }

        private decimal Combine(List<decimal> performanceValues) => rules.Performances.Combine switch
        {
            PerformanceCombine.Mean => performanceValues.Sum() / performanceValues.Count,
            PerformanceCombine.Best => performanceValues.Max(),
            _ => performanceValues.Sum(),
        };

        private RulesResult Standings()
        {
            var panelIds = rules.PanelIds;
            var weighted = rules.Panels?.Combine == PanelBlend.Weighted;
            var panelResults = new Dictionary<string, decimal>[teams.Count];
            var shares = new Dictionary<string, decimal>[teams.Count];
            var performanceResults = new Dictionary<string, decimal>[teams.Count];
            var totals = new decimal?[teams.Count];
            var incomplete = new bool[teams.Count];
            var judgeCounts = new int[teams.Count];
            for (var team = 0; team < teams.Count; team++)
            {
                panelResults[team] = new Dictionary<string, decimal>(StringComparer.Ordinal);
                shares[team] = new Dictionary<string, decimal>(StringComparer.Ordinal);
                performanceResults[team] = new Dictionary<string, decimal>(StringComparer.Ordinal);
                judgeCounts[team] = int.MaxValue;
                foreach (var panel in panelIds)
                {
                    var present = new List<decimal>();
                    foreach (var (_, byTeam) in values[panel])
                    {
                        var votes = rules.IsVotesPanel(panel);
                        if (byTeam.TryGetValue(team, out var entry))
                        {
                            present.Add(entry.Value);
                            if (!votes)
                            {
                                judgeCounts[team] = Math.Min(judgeCounts[team], entry.Judges);
                            }
                        }
                        else if (!votes)
                        {
                            judgeCounts[team] = 0;
                        }
                    }

                    if (present.Count > 0)
                    {
                        panelResults[team][panel] = Combine(present);
                        Trail(team, TrailKind.PanelResult, panel, string.Empty, panelResults[team][panel]);
                    }
                }

                // Only audience votes so far (no judges' panel has marks at all): minJudges has nothing to count.
                var votesOnly = judgeCounts[team] == int.MaxValue && panelResults[team].Count > 0;
                if (judgeCounts[team] == int.MaxValue || panelResults[team].Count == 0)
                {
                    judgeCounts[team] = 0;
                }

                incomplete[team] = panelResults[team].Count == 0 || (!votesOnly && judgeCounts[team] < rules.Panel.MinJudges);
            }

            // Shares of each panel's total over all teams, for a weighted blend (of the panel results and per performance).
            decimal Share(decimal value, decimal sum) => sum == 0m ? 0m : value * 100m / sum;
            var panelSums = panelIds.ToDictionary(p => p, p => panelResults.Sum(r => r.GetValueOrDefault(p)), StringComparer.Ordinal);
            for (var team = 0; team < teams.Count; team++)
            {
                if (panelResults[team].Count == 0)
                {
                    continue;
                }

                var total = 0m;
                foreach (var panel in panelIds)
                {
                    var value = panelResults[team].GetValueOrDefault(panel);
                    if (weighted)
                    {
                        var share = Share(value, panelSums[panel]);
                        shares[team][panel] = share;
                        var weight = rules.Panels!.List.First(p => p.Id == panel).Weight;
                        Trail(team, TrailKind.Share, panel, string.Empty, share, before: value, detail: weight.ToString(CultureInfo.InvariantCulture));
                        total += weight * share;
                    }
                    else
                    {
                        total += value;
                    }
                }

                foreach (var performance in performances)
                {
                    var sum = 0m;
                    var any = false;
                    foreach (var panel in panelIds)
                    {
                        if (values[panel].TryGetValue(performance, out var byTeam) && byTeam.TryGetValue(team, out var entry))
                        {
                            any = true;
                            sum += weighted
                                ? rules.Panels!.List.First(p => p.Id == panel).Weight * Share(entry.Value, byTeam.Values.Sum(e => e.Value))
                                : entry.Value;
                        }
                    }

                    if (any)
                    {
                        performanceResults[team][performance] = sum;
                    }
                }

                total = Round(team, RoundingStage.Total, total, string.Empty, string.Empty);
                Trail(team, TrailKind.Total, string.Empty, string.Empty, total);
                totals[team] = total;
            }

            var ranked = Enumerable.Range(0, teams.Count).Where(t => !incomplete[t]).ToList();
            var groups = new List<List<int>>();
            foreach (var equal in SplitDescending(ranked, t => totals[t]!.Value))
            {
                Separate(equal, 0, groups, panelResults);
            }

            var standings = new List<TeamStanding>(teams.Count);
            var position = 0;
            TeamStanding Standing(int team, int? rank, bool shared) => new(
                teams[team], rank, totals[team], incomplete[team], shared, judgeCounts[team],
                panelResults[team].AsReadOnly(), shares[team].AsReadOnly(), performanceResults[team].AsReadOnly(),
                trails[team].AsReadOnly());
            foreach (var group in groups)
            {
                foreach (var team in group)
                {
                    standings.Add(Standing(team, position + 1, group.Count > 1));
                }

                position += group.Count;
            }

            foreach (var team in Enumerable.Range(0, teams.Count).Where(t => incomplete[t]))
            {
                standings.Add(Standing(team, null, false));
            }

            return new RulesResult(
                standings.AsReadOnly(),
                new ReadOnlyCollection<string>([.. panelIds]),
                new ReadOnlyCollection<string>([.. performances]));
        }

        private decimal TieBreakKey(RulesTieBreak rule, int team, Dictionary<string, decimal>[] panelResults) => rule.Kind switch
        {
            RulesTieBreakKind.Criterion => CriterionMean(team, rule.Target!),
            RulesTieBreakKind.Panel => panelResults[team].GetValueOrDefault(rule.Target!),
            _ => firstPlaces[team],
        };

        private decimal CriterionMean(int team, string criterion)
        {
            var values = marks.Where(m => m.Team == teams[team] && m.Criterion == criterion).Select(m => m.Value).ToList();
            return values.Count == 0 ? 0m : values.Sum() / values.Count;
        }

        private void Separate(List<int> tied, int ruleIndex, List<List<int>> groups, Dictionary<string, decimal>[] panelResults)
        {
            if (tied.Count == 1 || ruleIndex == rules.TieBreaks.Count)
            {
                groups.Add(tied);
                return;
            }

            var rule = rules.TieBreaks[ruleIndex];
            foreach (var stillTied in SplitDescending(tied, t => TieBreakKey(rule, t, panelResults)))
            {
                Separate(stillTied, ruleIndex + 1, groups, panelResults);
            }
        }

        /// <summary>Highest key first, cut into runs of equal keys (within the tolerance), each run in team-list order.</summary>
        private static List<List<int>> SplitDescending(List<int> teams, Func<int, decimal> key)
        {
            var ordered = teams.OrderByDescending(key).ThenBy(t => t).ToList();
            var runs = new List<List<int>>();
            foreach (var team in ordered)
            {
                if (runs.Count > 0 && AreEqual(key(runs[^1][0]), key(team)))
                {
                    runs[^1].Add(team);
                }
                else
                {
                    runs.Add([team]);
                }
            }

            foreach (var run in runs)
            {
                run.Sort();
            }

            return runs;
        }
    }
}
