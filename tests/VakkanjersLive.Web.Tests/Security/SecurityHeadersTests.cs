using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Jury;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers; the CSP is strict for scripts and fits each page.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private LiveEvent _event = default!;

    public async Task InitializeAsync() => _event = await TestData.JudgingFinaleAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StaffPage_HasTheHeaders_AndItsImportMapCarriesTheNonce()
    {
        var response = await (await StaffClients.ModeratorAsync(_app)).GetAsync("/events");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = AssertHeaders(response);
        AssertPageCsp(csp);
        await AssertInlineScriptsCarryTheNonceAsync(response, csp);
    }

    [Fact]
    public async Task SignInPage_HasTheHeaders()
    {
        var response = await _app.CreateBrowserlikeClient().GetAsync("/account/signin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = AssertHeaders(response);
        AssertPageCsp(csp);
        await AssertInlineScriptsCarryTheNonceAsync(response, csp);
    }

    [Theory]
    [InlineData("live")]
    [InlineData("screen")]
    public async Task AudienceAndScreenPages_HaveTheHeaders_TheStreamHostsAndTheNoncedImportMap(string page)
    {
        var response = await _app.CreateClient().GetAsync($"/{page}/{_event.JoinCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = AssertHeaders(response);
        AssertPageCsp(csp);
        Assert.Contains("https://www.youtube-nocookie.com", Directive(csp, "frame-src"), StringComparison.Ordinal);
        Assert.Contains("https://player.vimeo.com", Directive(csp, "frame-src"), StringComparison.Ordinal);
        var html = await AssertInlineScriptsCarryTheNonceAsync(response, csp);
        Assert.Contains("type=\"importmap\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlay_MayBeLoadedTopLevel_ButNotFramedByStrangers()
    {
        var response = await _app.CreateClient().GetAsync($"/overlay/{_event.JoinCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = AssertHeaders(response);
        AssertPageCsp(csp);
        Assert.Equal("'self'", Directive(csp, "frame-ancestors"));
    }

    [Fact]
    public async Task ConfiguredHosts_MayFrameTheOverlay_AndConfiguredStreamHostsArePermitted()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["Security:OverlayFrameAncestors:0"] = "https://mixer.example",
            ["Security:FrameSources:0"] = "https://stream.example",
            ["Security:MediaSources:0"] = "https://hls.example",
        });
        var finale = await TestData.SmallFinaleAsync(app);

        var overlay = Csp(await app.CreateClient().GetAsync($"/overlay/{finale.JoinCode}"));
        var phone = Csp(await app.CreateClient().GetAsync($"/live/{finale.JoinCode}"));

        Assert.Equal("'self' https://mixer.example", Directive(overlay, "frame-ancestors"));
        Assert.Equal("'self'", Directive(phone, "frame-ancestors"));
        Assert.Contains("https://stream.example", Directive(phone, "frame-src"), StringComparison.Ordinal);
        Assert.Contains("https://hls.example", Directive(phone, "media-src"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintablePage_HasTheHeaders()
    {
        var response = await (await StaffClients.ModeratorAsync(_app)).GetAsync($"/events/{_event.Id}/results/print");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = AssertHeaders(response);
        AssertPageCsp(csp);
        var html = await AssertInlineScriptsCarryTheNonceAsync(response, csp);
        Assert.DoesNotContain("onclick=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ApiJson_HasTheHeaders()
    {
        var judge = await StaffClients.JudgeAsync(_app, _event);
        var response = await judge.PostAsJsonAsync("/api/jury/scores", new ScoreSubmission(Guid.NewGuid(), Guid.Empty, [], null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task CsvExport_HasTheHeaders()
    {
        var response = await (await StaffClients.ModeratorAsync(_app)).GetAsync($"/events/{_event.Id}/exports/scores.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task StaticFile_HasTheHeaders()
    {
        var response = await _app.CreateClient().GetAsync("/lib/signalr/signalr.min.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task HubNegotiate_HasTheHeaders()
    {
        var response = await _app.CreateClient().PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task NotFoundPage_HasTheHeaders()
    {
        var response = await _app.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertPageCsp(AssertHeaders(response));
    }

    [Fact]
    public async Task Kestrel_SendsNoServerHeader()
    {
        using var app = new TestApp(kestrel: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var response = await client.GetAsync("/account/signin");

        AssertHeaders(response);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Hsts_OnlyOverHttps()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://vkl.example") });
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://vkl.example") });

        var secure = await https.GetAsync("/account/signin");
        var plain = await http.GetAsync("/account/signin");

        Assert.Contains("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The headers every response carries; returns the one CSP.</summary>
    private static string AssertHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains(Assert.Single(response.Headers.GetValues("Referrer-Policy")), new[] { "strict-origin-when-cross-origin", "strict-origin", "same-origin", "no-referrer" });
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        return Csp(response);
    }

    private static string Csp(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

    /// <summary>The page policy: scripts from the app (and nonced inline), never eval or inline handlers; nothing framed by strangers.</summary>
    private static void AssertPageCsp(string csp)
    {
        Assert.Equal("'self'", Directive(csp, "default-src"));
        Assert.Equal("'none'", Directive(csp, "object-src"));
        Assert.Equal("'self'", Directive(csp, "base-uri"));
        Assert.Equal("'self'", Directive(csp, "form-action"));
        var scripts = Directive(csp, "script-src");
        Assert.Contains("'self'", scripts, StringComparison.Ordinal);
        Assert.Contains("'nonce-", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
        Assert.Contains("'self'", Directive(csp, "connect-src"), StringComparison.Ordinal);
        Assert.StartsWith("'self'", Directive(csp, "frame-ancestors"), StringComparison.Ordinal);
    }

    /// <summary>Every inline script (the import map) carries the CSP's nonce; returns the HTML.</summary>
    private static async Task<string> AssertInlineScriptsCarryTheNonceAsync(HttpResponseMessage response, string csp)
    {
        var nonce = NonceSource().Match(Directive(csp, "script-src")).Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();
        foreach (Match script in ScriptTag().Matches(html))
        {
            // The browser decodes the attribute (a '+' in the nonce is rendered as &#x2B;).
            var tag = WebUtility.HtmlDecode(script.Value);
            if (!tag.Contains(" src=", StringComparison.Ordinal))
            {
                Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal);
            }
        }

        return html;
    }

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .Where(d => d[0] == name)
            .Select(d => d.Length > 1 ? d[1] : string.Empty)
            .SingleOrDefault() ?? throw new Xunit.Sdk.XunitException($"No {name} in: {csp}");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
