using System.Text.RegularExpressions;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Architecture;

/// <summary>
/// The Web project's feature slices (<c>src/VakkanjersLive.Web/Features/*</c>) explain themselves: no two slices
/// depend on each other (directly or round about), and every slice that registers services or maps endpoints does so
/// in a <c>*Setup.cs</c> of its own.
/// </summary>
public sealed partial class SliceTests
{
    private static readonly string Features = Path.Combine(RepositoryRoot.Path, "src", "VakkanjersLive.Web", "Features");

    [Fact]
    public void Slices_HaveNoImportCycles()
    {
        var graph = Slices().ToDictionary(s => s, s => SliceFiles(s)
            .SelectMany(f => SliceReference().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(r => r != s && Directory.Exists(Path.Combine(Features, r)))
            .ToHashSet(StringComparer.Ordinal));

        Assert.Contains("Account", graph["Jury"]);
        var cycles = graph.Keys.Select(s => CycleFrom(s, graph)).Where(c => c is not null).Select(c => string.Join(" → ", c!)).Distinct().ToList();
        Assert.Empty(cycles);
    }

    [Fact]
    public void ServiceRegistrations_LiveInTheSlicesSetupFiles()
    {
        var misplaced = Slices()
            .SelectMany(s => SliceFiles(s).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && !f.EndsWith("Setup.cs", StringComparison.Ordinal)))
            .Where(f => Registration().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Features, f))
            .ToList();

        Assert.Empty(misplaced);
    }

    private static IEnumerable<string> Slices() => Directory.EnumerateDirectories(Features).Select(Path.GetFileName).OfType<string>();

    private static IEnumerable<string> SliceFiles(string slice) =>
        Directory.EnumerateFiles(Path.Combine(Features, slice), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal));

    /// <summary>A path of slices that leads back to <paramref name="start"/>, if there is one.</summary>
    private static List<string>? CycleFrom(string start, Dictionary<string, HashSet<string>> graph)
    {
        var stack = new Stack<List<string>>([[start]]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (stack.TryPop(out var path))
        {
            foreach (var next in graph[path[^1]])
            {
                if (next == start)
                {
                    return [.. path, start];
                }

                if (seen.Add(next))
                {
                    stack.Push([.. path, next]);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"VakkanjersLive\.Web\.Features\.(\w+)")]
    private static partial Regex SliceReference();

    [GeneratedRegex(@"\b(?:builder\.)?Services\.Add\w+|\bapp\.Map(?:Get|Post|Group|Hub)\b")]
    private static partial Regex Registration();
}
