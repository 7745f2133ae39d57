using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Jury;

namespace VakkanjersLive.Web.Tests.Account;

/// <summary>
/// A session ends on the server: a copy of the cookie taken before a sign-out or a password change is refused
/// afterwards (the cookie's session stamp no longer matches the journal's).
/// </summary>
public sealed partial class SessionTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task SignOut_EndsTheModeratorsSession_ACopiedCookieIsRefused()
    {
        var browser = _app.CreateBrowserlikeClient();
        var copy = CopyOf(await SignInModerator(browser));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/events")).StatusCode);

        Assert.True((await SignOut(browser, "/events")).IsRedirectTo("/account/signin"));

        Assert.True((await copy.GetAsync("/events")).IsRedirectTo("/account/signin"));
    }

    [Fact]
    public async Task SignOut_EndsTheJudgesSession_ACopiedCookieIsRefused_ByPagesAndTheApi()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var browser = _app.CreateBrowserlikeClient();
        var copy = CopyOf(await FormPost.SubmitAsync(browser, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = TestData.CodeOf(finale.Judges[0]) }));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/jury")).StatusCode);

        Assert.True((await SignOut(browser, "/jury")).IsRedirectTo("/account/signin"));

        Assert.True((await copy.GetAsync("/jury")).IsRedirectTo("/account/signin"));
        var submission = new ScoreSubmission(Guid.NewGuid(), finale.Teams[0].Id, [new(Guid.NewGuid(), 8, null)], null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.PostAsJsonAsync("/api/jury/scores", submission)).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsEverySessionOfThatModerator()
    {
        var browser = _app.CreateBrowserlikeClient();
        var copy = CopyOf(await SignInModerator(browser));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/events")).StatusCode);

        var store = _app.Services.GetRequiredService<ProjectionStore>();
        var account = store.Staff.FindByUserName(TestApp.AdminUser)!;
        var hash = _app.Services.GetRequiredService<IPasswordHasher<Moderator>>().HashPassword(account, "a brand new long password");
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForStaffAsync(Guid.NewGuid(), "test", s => s.ChangePassword(account.Id, hash)));

        Assert.True((await copy.GetAsync("/events")).IsRedirectTo("/account/signin"));
        Assert.True((await browser.GetAsync("/events")).IsRedirectTo("/account/signin"));
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused_AndTheSessionStays()
    {
        var browser = _app.CreateBrowserlikeClient();
        await SignInModerator(browser);

        // What a cross-site form would send: the cookie (SameSite=Lax does not stop a top-level POST from a sibling
        // site) but not the token.
        var response = await browser.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/events")).StatusCode);
    }

    /// <summary>Signs out with the token from the layout's sign-out form, as the button does.</summary>
    internal static async Task<HttpResponseMessage> SignOut(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        var form = Regex.Match(html, "<form[^>]*action=\"/account/signout\"[\\s\\S]*?</form>").Value;
        var token = TokenRegex().Match(form).Groups[1].Value;
        Assert.NotEmpty(token);
        return await browser.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The staff cookie from a sign-in response, as a header value a second client can replay.</summary>
    internal static string StaffCookie(HttpResponseMessage signIn)
    {
        var cookies = signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("vkl.staff", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    private HttpClient CopyOf(HttpResponseMessage signIn)
    {
        var copy = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", StaffCookie(signIn));
        return copy;
    }

    private static Task<HttpResponseMessage> SignInModerator(HttpClient client) =>
        FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword });

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public void Dispose() => _app.Dispose();
}
