using System.Net;
using System.Net.Http.Headers;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary><c>/metrics</c> is for the operator's scraper: a bearer token, or loopback and configured networks only.</summary>
public sealed class MetricsAccessTests
{
    private const string Token = "s3cret-scrape-token-for-tests";

    [Fact]
    public async Task WithAToken_OnlyTheBearerGetsMetrics_AndHealthStaysOpen()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["Metrics:Token"] = Token }, kestrel: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var anonymous = await client.GetAsync("/metrics");
        var wrong = await Scrape(client, "not-the-token");
        var right = await Scrape(client, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("vkl_", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task WithoutAToken_LoopbackMayScrape()
    {
        using var app = new TestApp(kestrel: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task WithoutAToken_AnAddressOutsideTheConfiguredNetworksIsRefused_AndHealthStaysOpen()
    {
        // Behind a proxy the client address comes from X-Forwarded-For: a stranger on the internet, not loopback.
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["Proxy:TrustForwardedHeaders"] = "true" }, kestrel: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var stranger = await Forwarded(client, "/metrics", "203.0.113.7");
        var health = await Forwarded(client, "/healthz", "203.0.113.7");

        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task WithoutAToken_AConfiguredNetworkMayScrape()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["Proxy:TrustForwardedHeaders"] = "true",
            ["Metrics:AllowedNetworks:0"] = "10.20.0.0/16",
        }, kestrel: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await Forwarded(client, "/metrics", "10.20.3.4")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forwarded(client, "/metrics", "10.21.3.4")).StatusCode);
    }

    private static Task<HttpResponseMessage> Scrape(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Forwarded(HttpClient client, string path, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }
}
