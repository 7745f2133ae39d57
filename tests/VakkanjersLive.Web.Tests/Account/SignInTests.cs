using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Account;

public sealed class SignInTests : IDisposable
{
    private readonly TestApp _app = new(settings: new Dictionary<string, string?> { ["SignIn:MaxFailures"] = "3" });

    [Fact]
    public async Task Moderator_WithCorrectPassword_IsSignedInAndSentToEvents()
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await SignInModerator(client, TestApp.AdminPassword);

        Assert.True(response.IsRedirectTo("/events"), response.StatusCode.ToString());
        var events = await client.GetAsync("/events");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
    }

    [Fact]
    public async Task Moderator_WithWrongPassword_GetsAClearMessage_AndNoCookie()
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await SignInModerator(client, "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Gebruikersnaam of wachtwoord klopt niet.", await response.Content.ReadAsStringAsync());
        Assert.True((await client.GetAsync("/events")).IsRedirectTo("/account/signin"));
    }

    [Fact]
    public async Task WrongAttempts_PastTheLimit_AreThrottled_EvenWithTheRightPassword()
    {
        var client = _app.CreateBrowserlikeClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInJudge(client, "AAAAA-BBBBB")).StatusCode);
        }

        var throttled = await SignInModerator(client, TestApp.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Te veel mislukte pogingen", await throttled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Judge_WithTheirCode_TypedLoosely_IsSignedInAndSentToTheJuryPage()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var code = TestData.CodeOf(finale.Judges[0]);
        var client = _app.CreateBrowserlikeClient();

        var response = await SignInJudge(client, " " + SignInCodes.Format(code).ToLowerInvariant() + " ");

        Assert.True(response.IsRedirectTo("/jury"), response.StatusCode.ToString());
        var jury = await client.GetStringAsync("/jury");
        Assert.Contains("Marieke de Vries", jury);
        Assert.Contains("De Bouwers", jury);
    }

    [Fact]
    public async Task Judge_CannotOpenModeratorPages()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var client = _app.CreateBrowserlikeClient();
        await SignInJudge(client, TestData.CodeOf(finale.Judges[0]));

        var response = await client.GetAsync("/events");
        Assert.True(response.IsRedirectTo("/account/denied") || response.StatusCode == HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }

    [Fact]
    public async Task ReissuedCode_SignsOutTheJudgeWithTheOldCode()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var judge = finale.Judges[0];
        var client = _app.CreateBrowserlikeClient();
        await SignInJudge(client, TestData.CodeOf(judge));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/jury")).StatusCode);

        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.IssueJudgeCodes([new JudgeCode(judge.Id, SignInCodes.Generate())])));

        Assert.True((await client.GetAsync("/jury")).IsRedirectTo("/account/signin"));
    }

    [Fact]
    public async Task StaffPages_WithoutSignIn_RedirectToSignIn()
    {
        var client = _app.CreateBrowserlikeClient();
        Assert.True((await client.GetAsync("/events")).IsRedirectTo("/account/signin"));
        Assert.True((await client.GetAsync("/jury")).IsRedirectTo("/account/signin"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = _app.CreateBrowserlikeClient();
        await SignInModerator(client, TestApp.AdminPassword);
        var page = await client.GetStringAsync("/events");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.True(response.IsRedirectTo("/account/signin"));
        Assert.True((await client.GetAsync("/events")).IsRedirectTo("/account/signin"));
    }

    private static Task<HttpResponseMessage> SignInModerator(HttpClient client, string password) =>
        FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = password });

    private static Task<HttpResponseMessage> SignInJudge(HttpClient client, string code) =>
        FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = code });

    public void Dispose() => _app.Dispose();
}
