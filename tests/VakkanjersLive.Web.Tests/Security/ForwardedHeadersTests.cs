using System.Net;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Tests.Account;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>
/// <c>X-Forwarded-For</c> is believed only from a known proxy (real Kestrel on 127.0.0.1, so the connection's address
/// is loopback). What the sign-in throttle counts shows which client address the app settled on.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task AForgedForwardedFor_FromAnAddressThatIsNoKnownProxy_DoesNotChangeTheClientAddress()
    {
        // Loopback is not in the configured list: this connection is a client reaching the node directly.
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["Proxy:TrustForwardedHeaders"] = "true",
            ["Proxy:KnownProxies:0"] = "192.0.2.1",
            ["SignIn:MaxFailures"] = "2",
        }, kestrel: true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongSignIn(app, "203.0.113.1", "first")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongSignIn(app, "203.0.113.2", "second")).StatusCode);

        // Every attempt counted for the connection's own address, whatever the header claimed.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongSignIn(app, "203.0.113.3", "third")).StatusCode);
    }

    [Fact]
    public async Task WithoutConfiguredProxies_LoopbackIsTheProxy_AsNginxOnTheSameHost()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["Proxy:TrustForwardedHeaders"] = "true",
            ["SignIn:MaxFailures"] = "2",
        }, kestrel: true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongSignIn(app, "203.0.113.1", "first")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongSignIn(app, "203.0.113.1", "second")).StatusCode);

        // The forwarded address is the client: the first one waits, another one does not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongSignIn(app, "203.0.113.1", "third")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongSignIn(app, "203.0.113.2", "fourth")).StatusCode);
    }

    [Theory]
    [InlineData("Proxy:KnownProxies:0", "not-an-address")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/99")]
    public void AnInvalidProxySetting_StopsTheAppAtStartUp(string key, string value)
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["Proxy:TrustForwardedHeaders"] = "true", [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains(key.Split(':')[1], failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A fresh client (its own cookies) per attempt, each a different user name so only the address limit applies.</summary>
    private static async Task<HttpResponseMessage> WrongSignIn(TestApp app, string forwardedFor, string userName)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return await SignInLimitsTests.Moderator(client, "not the password", userName);
    }
}
