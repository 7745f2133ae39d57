using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>What the rules model refuses, with the path of the offending key and a stable code.</summary>
public sealed class ScoringRulesValidationTests
{
    private static readonly ScoringRules Valid = RulesPresets.VakkanjersDefault([new RulesCriterion("A", 0m, 10m, 0.5m, 1m)]);

    public static TheoryData<string, string, string> Broken() => new()
    {
        { "no criteria", "criteria", "rules.criteria.required" },
        { "step off range", "criteria[0].step", "rules.criterion.step" },
        { "zero step", "criteria[0].step", "rules.criterion.step" },
        { "max below min", "criteria[0].max", "rules.criterion.range" },
        { "negative weight", "criteria[0].weight", "rules.criterion.weight" },
        { "duplicate criterion", "criteria[1].id", "rules.criterion.duplicate" },
        { "negative drop", "panel.dropHighest", "rules.panel.drop" },
        { "min judges 0", "panel.minJudges", "rules.panel.min-judges" },
        { "zscore with drops", "panel.method", "rules.panel.zscore-drop" },
        { "decimals 11", "rounding.decimals", "rules.rounding.decimals" },
        { "rising points", "ranks.points[1]", "rules.ranks.points" },
        { "weights not 1", "panels.list", "rules.panels.weights-sum" },
        { "tie-break unknown panel", "tieBreaks[0].panel", "rules.tie-break.unknown-panel" },
        { "tie-break unknown criterion", "tieBreaks[0].criterion", "rules.tie-break.unknown-criterion" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problems_NameThePathAndTheCode(string name, string path, string code)
    {
        var rules = name switch
        {
            "no criteria" => Valid with { Criteria = [] },
            "step off range" => Valid with { Criteria = [new RulesCriterion("A", 0m, 10m, 3m, 1m)] },
            "zero step" => Valid with { Criteria = [new RulesCriterion("A", 0m, 10m, 0m, 1m)] },
            "max below min" => Valid with { Criteria = [new RulesCriterion("A", 5m, 5m, 1m, 1m)] },
            "negative weight" => Valid with { Criteria = [new RulesCriterion("A", 0m, 10m, 1m, -1m), new RulesCriterion("B", 0m, 10m, 1m, 2m)] },
            "duplicate criterion" => Valid with { Criteria = [Valid.Criteria[0], Valid.Criteria[0]] },
            "negative drop" => Valid with { Panel = new PanelRules(DropHighest: -1) },
            "min judges 0" => Valid with { Panel = new PanelRules(MinJudges: 0) },
            "zscore with drops" => Valid with { Panel = new PanelRules(PanelMethod.Zscore, 1, 1) },
            "decimals 11" => Valid with { Rounding = new RoundingRules(11, RoundingMode.HalfUp, [RoundingStage.Total]) },
            "rising points" => RulesPresets.EurovisionRankedBallots() with { Ranks = new RankRules([10m, 12m]) },
            "weights not 1" => RulesPresets.Jury80Public20(Valid.Criteria) with { Panels = new PanelsRules(PanelBlend.Weighted, [new PanelDefinition("jury", 0.8m), new PanelDefinition("public", 0.3m)]) },
            "tie-break unknown panel" => Valid with { TieBreaks = [new RulesTieBreak(RulesTieBreakKind.Panel, "public")] },
            "tie-break unknown criterion" => Valid with { TieBreaks = [new RulesTieBreak(RulesTieBreakKind.Criterion, "Z")] },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var problem = Assert.Single(rules.Problems());
        Assert.Equal((path, code), (problem.Path, problem.Code));
        var thrown = Assert.Throws<DomainException>(rules.Validate);
        Assert.Equal(code, thrown.Code);
        Assert.NotEqual(code, problem.Reason);
    }

    [Fact]
    public void Presets_AreValid()
    {
        foreach (var name in RulesPresets.Names)
        {
            var rules = RulesPresets.ByName(name, Valid.Criteria);
            Assert.NotNull(rules);
            Assert.Empty(rules.Problems());
        }
    }

    [Fact]
    public void EveryRulesCodeInTheSource_HasAnEnglishMessage()
    {
        var folder = Path.Combine(VakkanjersLive.Tests.Shared.RepositoryRoot.Path, "src", "VakkanjersLive.Domain", "Scoring", "Rules");
        var codes = Directory.EnumerateFiles(folder, "*.cs")
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"(rules\\.[a-z0-9.-]+)\"").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(codes);
        Assert.Empty(codes.Where(c => !RulesMessages.English.ContainsKey(c)).Order());
    }
}
