using System.Net;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Localization;

/// <summary>The language switch goes back where it came from, and never off the site or into an error page.</summary>
public sealed class CultureSwitchTests : IDisposable
{
    private readonly TestApp _app = new();

    [Theory]
    [InlineData("%2Fevents", "/events")]
    [InlineData("%2F%09%2Fevil.example", "/")]
    [InlineData("%2F%0A%2Fevil.example", "/")]
    [InlineData("%2F%2Fevil.example", "/")]
    [InlineData("https%3A%2F%2Fevil.example", "/")]
    public async Task Switch_RedirectsOnlyWithinTheSite(string redirectUri, string expected)
    {
        var response = await _app.CreateBrowserlikeClient().GetAsync($"/culture/set?culture=en&redirectUri={redirectUri}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.IsRedirectTo(expected), response.Headers.Location?.ToString());
    }

    public void Dispose() => _app.Dispose();
}
