using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// The public pages load <c>wwwroot/js/live/main.js</c> as a fingerprinted ES module, with an import map that sends
/// every relative import between the modules to its fingerprinted file (and lists nothing of the staff side).
/// </summary>
public sealed partial class PublicPageScriptTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private string _html = string.Empty;

    public async Task InitializeAsync()
    {
        var finale = await TestData.SmallFinaleAsync(_app, "Scriptfinale");
        _html = await _app.CreateClient().GetStringAsync($"/live/{finale.JoinCode}");
    }

    [Fact]
    public async Task TheEntryModule_IsFingerprinted_AndEveryRelativeImportIsInTheImportMap()
    {
        var entry = EntryScript().Match(_html);
        Assert.True(entry.Success, "no <script type=\"module\"> for js/live/main.js");
        var imports = ImportMap();
        Assert.All(imports, i => Assert.Matches(@"^\./js/live/([a-z-]+)\.js => \./js/live/\1\.[a-z0-9]+\.js$", $"{i.Key} => {i.Value}"));
        Assert.DoesNotContain("blazor.web.js", _html, StringComparison.Ordinal);

        var modules = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "VakkanjersLive.Web", "wwwroot", "js", "live");
        foreach (var file in Directory.GetFiles(modules, "*.js"))
        {
            foreach (Match import in RelativeImport().Matches(await File.ReadAllTextAsync(file)))
            {
                var key = "./js/live/" + import.Groups[1].Value;
                Assert.True(imports.ContainsKey(key), $"{Path.GetFileName(file)} imports {import.Groups[1].Value}, which the import map does not list");
            }
        }

        // Fingerprinted (through the import map) and plain (a browser without import maps) names are both served.
        using var client = _app.CreateClient();
        foreach (var url in imports.Values.Concat(imports.Keys).Append(entry.Groups[1].Value))
        {
            using var response = await client.GetAsync(url.TrimStart('.', '/'));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Dictionary<string, string> ImportMap()
    {
        var json = ImportMapScript().Match(_html);
        Assert.True(json.Success, "no import map on the page");
        using var map = JsonDocument.Parse(WebUtility.HtmlDecode(json.Groups[1].Value));
        return map.RootElement.GetProperty("imports").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [GeneratedRegex("""<script type="module" src="(js/live/main\.[a-z0-9]+\.js)"></script>""")]
    private static partial Regex EntryScript();

    [GeneratedRegex("""<script type="importmap"[^>]*>(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex ImportMapScript();

    [GeneratedRegex("""from '\./([a-z-]+\.js)'""")]
    private static partial Regex RelativeImport();
}
