using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>The hub's codes and limits are declared once in code; the resources, docs/hub.md and live.js agree with them.</summary>
public sealed partial class HubProtocolTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static IReadOnlyList<string> Codes { get; } = typeof(HubErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void ErrorCodes_AreBrowserProtocol_Unique_AndEachHasAMessageInBothLanguages()
    {
        Assert.NotNull(typeof(HubErrorCodes).GetCustomAttribute<BrowserProtocolAttribute>());
        Assert.Equal(Codes.Count, Codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = XDocument.Load(Path.Combine(Root, "src", "VakkanjersLive.Web", "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Equal([], Codes.Where(c => !keys.Contains("Error." + c)).Order());
        }
    }

    [Fact]
    public void ErrorCodes_AreTheOnesTheContractLists()
    {
        var section = Section(File.ReadAllText(Path.Combine(Root, "docs", "hub.md")), "## Error codes");
        var documented = Code().Matches(section).Select(m => m.Groups[1].Value).Where(c => c.Contains('.', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Codes.Except(documented).Order());
        Assert.Empty(documented.Except(Codes).Order());
    }

    [Fact]
    public void TheCodesTheBrowserComparesWith_AreAllDeclared()
    {
        var modules = Directory.EnumerateFiles(Path.Combine(Root, "src", "VakkanjersLive.Web", "wwwroot", "js", "live"), "*.js")
            .Where(f => !f.EndsWith("protocol.js", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        var declared = typeof(HubErrorCodes).GetFields().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var used = modules.Values.SelectMany(s => UsedCode().Matches(s).Select(m => m.Groups[1].Value)).ToList();

        // The scripts compare against the generated protocol.js, never against a code typed out again.
        Assert.Empty(modules.Where(m => ComparedCode().IsMatch(m.Value)).Select(m => m.Key));
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, declared));
    }

    [Fact]
    public void TheLimitsTable_InTheContract_MirrorsHubLimits()
    {
        var section = Section(File.ReadAllText(Path.Combine(Root, "docs", "hub.md")), "## Limits");
        var rows = section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        Assert.Equal(HubLimits.Table.Count, rows.Count);
        foreach (var limit in HubLimits.Table.Values)
        {
            var row = Assert.Single(rows, r => r.StartsWith($"| `{limit.Method}` |", StringComparison.Ordinal));
            var cells = row.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            var who = limit.Access switch { HubAccess.Anyone => "anyone", HubAccess.Viewer => "joined", _ => "audience" };
            var scopes = string.Join(", then ", limit.Scopes.Select(s => s.ToString().ToLowerInvariant()));
            Assert.Equal([$"`{limit.Method}`", who, limit.Metric is null ? string.Empty : $"`{limit.Metric}`"], cells[..3]);
            Assert.StartsWith($"{limit.Bucket.TokenLimit}, ", cells[3], StringComparison.Ordinal);
            Assert.Equal([scopes, $"`{limit.TooFast}`"], cells[4..]);
        }
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading);
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [GeneratedRegex("`([a-z][a-z0-9.-]*)`")]
    private static partial Regex Code();

    [GeneratedRegex("""code(?:\?\.startsWith\(|\s*===\s*)'([a-z][a-z0-9.-]*)'""")]
    private static partial Regex ComparedCode();

    [GeneratedRegex(@"HubErrorCodes\.(\w+)")]
    private static partial Regex UsedCode();
}
