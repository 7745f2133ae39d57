using System.Net.Http;

namespace VakkanjersLive.Tests.Shared;

/// <summary>
/// A viewer identity as a browser gets one: the audience page's <c>vkl.viewer</c> cookie, to send along with a hub
/// connection (the hub takes the viewer from it and ignores any id in a payload).
/// </summary>
public static class AudienceIdentity
{
    public const string CookieName = "vkl.viewer";

    /// <summary>The <c>Cookie</c> header value (<c>vkl.viewer=…</c>) from <c>GET /live</c> on a real node.</summary>
    public static async Task<string> CookieAsync(Uri baseAddress)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        return FromResponse(await client.GetAsync("/live"));
    }

    /// <summary>The same through a test server's own client.</summary>
    public static async Task<string> CookieAsync(TestApp app)
    {
        using var client = app.CreateDefaultClient();
        return FromResponse(await client.GetAsync("/live"));
    }

    public static string FromResponse(HttpResponseMessage response)
    {
        var header = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal))
            : null;
        return header?.Split(';', 2)[0] ?? throw new InvalidOperationException($"GET /live gave no viewer identity ({(int)response.StatusCode}).");
    }
}
