using System.Text.Json;
using System.Text.RegularExpressions;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Domain.Tests.Scoring.Rules;

/// <summary>The "Rules model" section of docs/scoring.md stays in step with the code: its schema and its example.</summary>
public sealed partial class RulesDocsTests
{
    private static readonly string Section = Load();

    private static string Load()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "scoring.md"));
        return text[text.IndexOf("## Rules model", StringComparison.Ordinal)..];
    }

    private static List<string> JsonBlocks() => [.. JsonBlock().Matches(Section).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Schema_IsJson_AndHasExactlyTheKeysOfTheIssue()
    {
        using var schema = JsonDocument.Parse(JsonBlocks().Single(b => b.Contains("\"$id\"", StringComparison.Ordinal)));
        var keys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(k => k != "$schema");

        Assert.Equal(["criteria", "weights", "panel", "scale", "performances", "rounding", "ranks", "panels", "tieBreaks"], keys);
        var properties = schema.RootElement.GetProperty("properties");
        string[] Enum(params string[] path)
        {
            var element = properties;
            foreach (var step in path)
            {
                element = element.GetProperty(step);
            }

            return [.. element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];
        }

        string[] Names<T>()
            where T : struct, System.Enum => [.. System.Enum.GetValues<T>().Select(RulesJson.Name)];

        Assert.Equal(Names<WeightMode>(), Enum("weights"));
        Assert.Equal(Names<PanelMethod>(), Enum("panel", "properties", "method"));
        Assert.Equal(Names<TrimMode>(), Enum("panel", "properties", "trim"));
        Assert.Equal(Names<ScoreScale>(), Enum("scale"));
        Assert.Equal(Names<PerformanceCombine>(), Enum("performances", "properties", "combine"));
        Assert.Equal(Names<RoundingMode>(), Enum("rounding", "properties", "mode"));
        Assert.Equal(Names<RoundingStage>(), Enum("rounding", "properties", "at", "items"));
        Assert.Equal(Names<PanelBlend>(), Enum("panels", "properties", "combine"));
    }

    [Fact]
    public void Schema_ListsEveryKeyTheWriterWrites()
    {
        var schema = JsonBlocks().Single(b => b.Contains("\"$id\"", StringComparison.Ordinal));
        var written = RulesJson.Write(RulesPresets.Jury80Public20([new RulesCriterion("A", 0m, 10m, 1m, 1m)]) with { Ranks = new RankRules(RankRules.DefaultPoints), Criteria = [] });

        foreach (Match key in Regex.Matches(written, "\"([A-Za-z]+)\":"))
        {
            Assert.Contains($"\"{key.Groups[1].Value}\":", schema, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Example_IsTheDivingTestFile_AndReads()
    {
        var example = JsonBlocks().Single(b => b.Contains("\"dive\"", StringComparison.Ordinal));
        var file = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "VakkanjersLive.Cli.Tests", "Files", "diving.rules.json"));

        Assert.Equal(RulesJson.Read(file), RulesJson.Read(example));
        Assert.Equal(RulesPresets.SumOfPanel([new RulesCriterion("dive", 0m, 10m, 0.5m, 1m)]), RulesJson.Read(example));
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
