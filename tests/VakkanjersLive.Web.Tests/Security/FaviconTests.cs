using System.Net;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>Every page names the site's icon, and the icon is there: no 404 for /favicon.ico under the same CSP.</summary>
public sealed class FaviconTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task FaviconIco_IsServed_AsAnIcon_FromOurOwnOrigin()
    {
        var response = await _app.CreateBrowserlikeClient().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "image/x-icon", "image/vnd.microsoft.icon" });
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.Contains("img-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/privacy")]
    public async Task Pages_LinkTheIcon(string path)
    {
        var html = await _app.CreateBrowserlikeClient().GetStringAsync(path);

        Assert.Contains("<link rel=\"icon\" href=\"favicon.ico\"", html, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
