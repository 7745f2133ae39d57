using System.Reflection;
using System.Text;
using System.Text.Json;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// <c>wwwroot/js/live/protocol.js</c> is generated from the constants of every <see cref="BrowserProtocolAttribute"/>
/// class, so the browser scripts and the server share one definition of the wire values. This test regenerates it and
/// fails when the checked-in file differs; with <c>VKL_WRITE_PROTOCOL=1</c> it rewrites the file instead.
/// </summary>
public sealed class BrowserProtocolTests
{
    private const string RegenerateCommand =
        "VKL_WRITE_PROTOCOL=1 dotnet test tests/VakkanjersLive.Web.Tests --filter FullyQualifiedName~BrowserProtocolTests";

    [Fact]
    public void ProtocolJs_IsGeneratedFromTheBrowserProtocolClasses()
    {
        var path = Path.Combine(RepositoryRoot.Path, "src", "VakkanjersLive.Web", "wwwroot", "js", "live", "protocol.js");
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("VKL_WRITE_PROTOCOL") == "1")
        {
            File.WriteAllText(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        Assert.True(
            actual == expected,
            $"{path} does not match the [BrowserProtocol] classes. Regenerate it with:{Environment.NewLine}  {RegenerateCommand}");
    }

    [Fact]
    public void EveryBrowserProtocolClass_ExportsDistinctStringConstants()
    {
        var classes = ProtocolClasses();
        Assert.Contains(typeof(FeedItemTypes), classes);
        Assert.Contains(typeof(ViewerKinds), classes);
        foreach (var type in classes)
        {
            var values = Constants(type).Select(c => c.Value).ToList();
            Assert.NotEmpty(values);
            Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void FeedItemTypes_AreTheTypesTheHubDocumentationLists()
    {
        var documented = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "hub.md"))
            .SkipWhile(l => l != "### Feed items")
            .TakeWhile(l => !l.StartsWith("`poll` is", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1])
            .Order(StringComparer.Ordinal);
        Assert.Equal(Constants(typeof(FeedItemTypes)).Select(c => c.Value).Order(StringComparer.Ordinal), documented);
    }

    /// <summary>The text of protocol.js: one frozen object per class (by name), its constants in declaration order.</summary>
    internal static string Generate()
    {
        var js = new StringBuilder();
        js.Append("// Generated from the [BrowserProtocol] classes of VakkanjersLive.Web; do not edit. The test\n");
        js.Append("// BrowserProtocolTests fails when this file and the C# differ. Regenerate with:\n");
        js.Append("//   ").Append(RegenerateCommand).Append('\n');
        foreach (var type in ProtocolClasses())
        {
            js.Append('\n').Append("export const ").Append(type.Name).Append(" = Object.freeze({\n");
            foreach (var (name, value) in Constants(type))
            {
                js.Append("  ").Append(name).Append(": ").Append(JsonSerializer.Serialize(value)).Append(",\n");
            }

            js.Append("});\n");
        }

        return js.ToString();
    }

    private static List<Type> ProtocolClasses() =>
        [.. typeof(BrowserProtocolAttribute).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<BrowserProtocolAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    private static IEnumerable<(string Name, string Value)> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .OrderBy(f => f.MetadataToken)
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));
}
