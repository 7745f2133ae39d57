using System.Text.RegularExpressions;
using System.Xml.Linq;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Localization;

/// <summary>
/// Every UI string comes from resources: these checks find keys used in code but missing from a language, and
/// domain error codes without a message.
/// </summary>
public sealed partial class ResourceTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string WebSource = Path.Combine(Root, "src", "VakkanjersLive.Web");

    [Fact]
    public void DutchAndEnglish_HaveTheSameKeys_AndNoEmptyValues()
    {
        var dutch = Load("SharedResource.resx");
        var english = Load("SharedResource.en.resx");

        Assert.Empty(dutch.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(dutch.Keys));
        Assert.DoesNotContain(dutch, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(english, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void EveryLiteralKeyUsedInTheUi_Exists()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(WebSource, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !keys.Contains(k)).Order());
    }

    [Fact]
    public void EveryDomainErrorCode_HasAMessage()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var codes = sources.SelectMany(s => ErrorCode().Matches(s).Select(m => m.Groups[1].Value))
            .Concat(sources.SelectMany(s => GuardedField().Matches(s)
                .SelectMany(m => new[] { m.Groups[1].Value + ".too-long", m.Groups[1].Value + ".invalid-characters", m.Groups[1].Value + ".required" })))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(codes);
        Assert.Empty(codes.Where(c => !keys.Contains("Error." + c)).Order());
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebSource, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    [GeneratedRegex("""\b(?:L|Localizer)\["([^"{}]+)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(""""(?:DomainException|Failed|ImportRowError\([^,]+,)\s*\(?\s*"([a-z][a-z0-9.-]+)"""")]
    private static partial Regex ErrorCode();

    [GeneratedRegex(""""Guard\.Text\([^,]+,\s*"([a-z][a-z0-9.-]+)"""")]
    private static partial Regex GuardedField();
}
