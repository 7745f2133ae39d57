using System.Reflection;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;
using static VakkanjersLive.Domain.Tests.Scoring.Rubric;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>
/// The rules engine with today's settings (<see cref="RulesPresets.FromRubric"/>) against today's
/// <see cref="Ranking.Rank"/>: same order, ranks, shared ranks and judge counts; scores equal within 1e-9 because
/// today's code computes in double and the engine in decimal.
/// </summary>
public sealed class VakkanjersDefaultEquivalenceTests
{
    private static readonly AggregationMethod[] Methods = Enum.GetValues<AggregationMethod>();

    public static TheoryData<AggregationMethod> AllMethods() => [.. Methods];

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void ExistingPanels_GiveTodaysResults(AggregationMethod method)
    {
        var data = typeof(RankingAggregationTests);
        IReadOnlyList<JudgeScore> Field(string name) =>
            (IReadOnlyList<JudgeScore>)data.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        IReadOnlyList<Guid> Teams(string name) =>
            (IReadOnlyList<Guid>)data.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        AssertSame(Lines, Teams("ThreeJudgeTeams"), Field("ThreeJudgeScores"), method, []);
        AssertSame(Lines, Teams("FourJudgeTeams"), Field("FourJudgeScores"), method, []);
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void DocumentedExamples_GiveTodaysResults(AggregationMethod method)
    {
        // The z-score example and the tie-break examples of docs/scoring.md.
        Guid x = Id(201), y = Id(202), p = Id(301), q = Id(302), j1 = Id(1), j2 = Id(2), j3 = Id(3);
        AssertSame(Lines, [x, y], [Card(j1, x, 10, 2), Card(j2, x, 4, 0), Card(j3, x, 4, 3), Card(j1, y, 7, 0), Card(j2, y, 4, 3), Card(j3, y, 7, 0)], method, []);
        IReadOnlyList<JudgeScore> equalTotals = [Card(j1, p, 7, 0), Card(j2, p, 7, 0), Card(j1, q, 4, 4), Card(j2, q, 4, 4)];
        AssertSame(Lines, [q, p], equalTotals, method, []);
        AssertSame(Lines, [q, p], equalTotals, method, [new TieBreakRule(TieBreakKind.HighestCriterion, A)]);
        AssertSame(Lines, [p, q], equalTotals, method, [new TieBreakRule(TieBreakKind.HighestCriterion, B)]);
        IReadOnlyList<JudgeScore> firstPlaces = [Card(j1, p, 7, 2), Card(j2, p, 7, 2), Card(j3, p, 4, 0), Card(j1, q, 7, 0), Card(j2, q, 7, 0), Card(j3, q, 4, 4)];
        AssertSame(Lines, [q, p], firstPlaces, method, [new TieBreakRule(TieBreakKind.HighestCriterion, A), new TieBreakRule(TieBreakKind.MostFirstPlaces)]);
    }

    [Fact]
    public void RandomPanels_GiveTodaysResults()
    {
        var random = new Random(15);
        var (shared, unplaced) = (0, 0);
        for (var round = 0; round < 400; round++)
        {
            var rubric = new List<RubricLine>();
            var criteria = random.Next(1, 4);
            for (var c = 0; c < criteria; c++)
            {
                var min = random.Next(0, 3);
                rubric.Add(new RubricLine(Id(900 + c), c == 0 ? random.Next(1, 5) : random.Next(0, 5), min, min + random.Next(1, 6)));
            }

            var teams = Enumerable.Range(0, random.Next(1, 7)).Select(t => Id(100 + t)).ToList();
            var judges = Enumerable.Range(0, random.Next(1, 7)).Select(j => Id(j + 1)).ToList();
            var scores = new List<JudgeScore>();
            foreach (var judge in judges)
            {
                foreach (var team in teams.Where(_ => random.NextDouble() < 0.8))
                {
                    scores.Add(new JudgeScore(judge, team, rubric.ToDictionary(l => l.CriterionId, l => (decimal)random.Next(l.Min, l.Max + 1))));
                }
            }

            var tieBreaks = new List<TieBreakRule>();
            if (random.NextDouble() < 0.5)
            {
                tieBreaks.Add(new TieBreakRule(TieBreakKind.HighestCriterion, rubric[random.Next(rubric.Count)].CriterionId));
            }

            if (random.NextDouble() < 0.5)
            {
                tieBreaks.Add(new TieBreakRule(TieBreakKind.MostFirstPlaces));
            }

            var results = AssertSame(rubric, teams, scores, Methods[random.Next(Methods.Length)], tieBreaks);
            shared += results.Count(r => r.SharedRank);
            unplaced += results.Count(r => r.Rank is null);
        }

        // The random panels do exercise shared ranks and unplaced teams.
        Assert.True(shared > 50, $"{shared} shared ranks");
        Assert.True(unplaced > 10, $"{unplaced} unplaced teams");
    }

    [Fact]
    public void VakkanjersDefaultPreset_IsTodaysWeightedMean()
    {
        var rules = RulesPresets.FromRubric(Lines, AggregationMethod.WeightedMean, []);
        var preset = RulesPresets.VakkanjersDefault(rules.Criteria);

        Assert.Equal(rules.Panel, preset.Panel);
        Assert.Equal((rules.Weights, rules.Scale, rules.Performances, rules.Rounding, rules.Ranks, rules.Panels), (preset.Weights, preset.Scale, preset.Performances, preset.Rounding, preset.Ranks, preset.Panels));
    }

    private static IReadOnlyList<TeamResult> AssertSame(
        IReadOnlyList<RubricLine> rubric, IReadOnlyList<Guid> teams, IReadOnlyList<JudgeScore> scores, AggregationMethod method, IReadOnlyList<TieBreakRule> tieBreaks)
    {
        var expected = Ranking.Rank(rubric, teams, scores, method, tieBreaks);
        var actual = RulesEngine.Compute(
            RulesPresets.FromRubric(rubric, method, tieBreaks),
            ScorecardMarks.From(rubric, teams, scores),
            [.. teams.Select(t => t.ToString("D"))]).Standings;

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var context = $"{method}, position {i}";
            Assert.True(expected[i].TeamId.ToString("D") == actual[i].Team, context);
            Assert.True(expected[i].Rank == actual[i].Rank, context);
            Assert.True(expected[i].SharedRank == actual[i].SharedRank, context);
            Assert.True(expected[i].JudgeCount == actual[i].JudgeCount, context);
            Assert.True(expected[i].Rank is null == actual[i].Incomplete, context);
            Assert.True(expected[i].Score.HasValue == actual[i].Total.HasValue, context);
            if (expected[i].Score is { } score)
            {
                Assert.True(Math.Abs(score - (double)actual[i].Total!.Value) <= 1e-9, $"{context}: {score} vs {actual[i].Total}");
            }
        }

        return expected;
    }
}
