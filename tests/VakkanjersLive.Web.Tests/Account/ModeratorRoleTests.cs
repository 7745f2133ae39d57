using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Tests.Account;

public sealed class ModeratorRoleTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task CoModerators_ActOnMessages_ButSeeNoSettings_AndCannotAddStaff()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        using (var scope = _app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().RegisterAsync(Guid.NewGuid(), "test", "docent", "Docent Jansen", "een lang wachtwoord voor de docent", Domain.Staff.ModeratorRole.CoModerator);
            Assert.True(result.Succeeded, result.ErrorCode);
        }

        var co = await SignInAsync("docent", "een lang wachtwoord voor de docent");
        var lead = await SignInAsync(TestApp.AdminUser, TestApp.AdminPassword);

        var coPage = await co.GetStringAsync($"/events/{finale.Id}/moderation");
        var leadPage = await lead.GetStringAsync($"/events/{finale.Id}/moderation");
        Assert.Contains("Je bent co-moderator", coPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"panic\"", coPage, StringComparison.Ordinal);
        Assert.Contains("id=\"panic\"", leadPage, StringComparison.Ordinal);

        var staff = await co.GetAsync("/staff");
        Assert.True(staff.IsRedirectTo("/account/denied") || staff.StatusCode == HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task ARoleChange_EndsTheAccountsSessions_AndTheNewSignInCarriesTheNewRole()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        Guid accountId;
        using (var scope = _app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
            await TestData.Ok(accounts.RegisterAsync(Guid.NewGuid(), "test", "vrijwilliger", "Vrijwilliger", "een lang wachtwoord voor de vrijwilliger", Domain.Staff.ModeratorRole.CoModerator));
            accountId = _app.Services.GetRequiredService<Infrastructure.Projections.ProjectionStore>().Staff.FindByUserName("vrijwilliger")!.Id;
        }

        var before = await SignInAsync("vrijwilliger", "een lang wachtwoord voor de vrijwilliger");
        Assert.True((await before.GetAsync($"/events/{finale.Id}/judging")).IsRedirectTo("/account/denied"));

        using (var scope = _app.Services.CreateScope())
        {
            await TestData.Ok(scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().ChangeRoleAsync(Guid.NewGuid(), "test", accountId, Domain.Staff.ModeratorRole.LeadModerator));
        }

        Assert.True((await before.GetAsync("/events")).IsRedirectTo("/account/signin"));
        var after = await SignInAsync("vrijwilliger", "een lang wachtwoord voor de vrijwilliger");
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync($"/events/{finale.Id}/judging")).StatusCode);
        Assert.True((await after.GetAsync("/staff")).IsRedirectTo("/account/denied"));
    }

    private async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = user, ["password"] = password });
        Assert.True(response.IsRedirectTo("/events"), response.StatusCode.ToString());
        return client;
    }

    public void Dispose() => _app.Dispose();
}
