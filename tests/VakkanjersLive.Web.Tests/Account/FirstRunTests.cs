using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Account;

public sealed class FirstRunTests : IDisposable
{
    private readonly TestApp _app = new(settings: new Dictionary<string, string?> { ["Admin:UserName"] = null, ["Admin:Password"] = null });

    [Fact]
    public async Task WithoutAccounts_SignInLeadsToSetup_WhichCreatesTheFirstAdministrator()
    {
        var client = _app.CreateBrowserlikeClient();
        Assert.True((await client.GetAsync("/account/signin")).IsRedirectTo("/account/setup"));

        var response = await FormPost.SubmitAsync(client, "/account/setup", "setup", new Dictionary<string, string>
        {
            ["setup-user"] = "Beheer",
            ["setup-name"] = "Eerste Beheerder",
            ["setup-password"] = "een lange zin als wachtwoord",
            ["setup-confirm"] = "een lange zin als wachtwoord",
        });

        Assert.True(response.IsRedirectTo("/events"), response.StatusCode.ToString());
        var account = _app.Services.GetRequiredService<ProjectionStore>().Staff.FindByUserName("beheer");
        Assert.NotNull(account);
        Assert.DoesNotContain("een lange zin", account.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events")).StatusCode);
    }

    [Fact]
    public async Task Setup_WithAShortPassword_IsRefusedWithAMessage()
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/setup", "setup", new Dictionary<string, string>
        {
            ["setup-user"] = "beheer",
            ["setup-name"] = "Beheerder",
            ["setup-password"] = "kort",
            ["setup-confirm"] = "kort",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("minstens 12 tekens", await response.Content.ReadAsStringAsync());
        Assert.False(_app.Services.GetRequiredService<ProjectionStore>().Staff.HasAccounts);
    }

    [Fact]
    public async Task Setup_AfterAnAccountExists_IsClosed()
    {
        var client = _app.CreateBrowserlikeClient();
        var values = new Dictionary<string, string>
        {
            ["setup-user"] = "eerste",
            ["setup-name"] = "Eerste",
            ["setup-password"] = "een lange zin als wachtwoord",
            ["setup-confirm"] = "een lange zin als wachtwoord",
        };
        await FormPost.SubmitAsync(client, "/account/setup", "setup", values);

        var other = _app.CreateBrowserlikeClient();
        Assert.True((await other.GetAsync("/account/setup")).IsRedirectTo("/account/signin"));
        Assert.Single(_app.Services.GetRequiredService<ProjectionStore>().Staff.Moderators);
    }

    public void Dispose() => _app.Dispose();
}
