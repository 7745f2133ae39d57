using System.Net;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>The join link and its QR code never follow a forged Host header.</summary>
public sealed class PublicBaseUrlTests
{
    [Fact]
    public async Task WithAPublicBaseUrl_TheJoinLinkUsesIt_WhateverTheHostHeaderSays()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["Public:BaseUrl"] = "https://live.vakkanjers.example/",
            ["AllowedHosts"] = "*",
        });
        var finale = await TestData.SmallFinaleAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/screen/{finale.JoinCode}");
        request.Headers.Host = "evil.example";

        var response = await app.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"https://live.vakkanjers.example/live/{finale.JoinCode}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheShippedAllowedHosts_RefuseAForgedHost_AndServeLocalhost()
    {
        using var app = new TestApp();
        var finale = await TestData.SmallFinaleAsync(app);
        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/screen/{finale.JoinCode}");
        forged.Headers.Host = "evil.example";
        using var loopback = new HttpRequestMessage(HttpMethod.Get, $"/screen/{finale.JoinCode}");
        loopback.Headers.Host = "127.0.0.1:5131";

        var refused = await app.CreateClient().SendAsync(forged);
        var served = await app.CreateClient().SendAsync(loopback);
        var local = await app.CreateClient().GetAsync($"/screen/{finale.JoinCode}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains($"http://127.0.0.1:5131/live/{finale.JoinCode}", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public void AnInvalidPublicBaseUrl_StopsTheAppAtStartUp()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["Public:BaseUrl"] = "live.vakkanjers.example" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Public:BaseUrl", failure.ToString(), StringComparison.Ordinal);
    }
}
