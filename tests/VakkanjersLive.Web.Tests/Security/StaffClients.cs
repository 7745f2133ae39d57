using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>Signed-in clients for the security tests: a moderator and a judge, through the real sign-in forms.</summary>
internal static class StaffClients
{
    public static async Task<HttpClient> ModeratorAsync(TestApp app)
    {
        var client = app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword });
        Assert.True(response.IsRedirectTo("/events"));
        return client;
    }

    public static async Task<HttpClient> JudgeAsync(TestApp app, LiveEvent liveEvent)
    {
        var client = app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = TestData.CodeOf(liveEvent.Judges[0]) });
        Assert.True(response.IsRedirectTo("/jury"));
        return client;
    }
}
