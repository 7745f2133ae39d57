using System.Net;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>The reconnect banner tells judges they can keep scoring, and only judges: moderators' pages cannot.</summary>
public sealed class ReconnectTextTests : IAsyncLifetime
{
    private const string JudgeText = "Je kunt gewoon doorgaan met scoren";
    private const string StaffText = "Wacht tot deze melding verdwijnt";

    private readonly TestApp _app = new();
    private LiveEvent _event = default!;

    public async Task InitializeAsync() => _event = await TestData.JudgingFinaleAsync(_app);

    [Theory]
    [InlineData("/events")]
    [InlineData("/events/{0}")]
    [InlineData("/events/{0}/judging")]
    [InlineData("/events/{0}/live")]
    public async Task ModeratorsPages_SayWaitForTheConnection(string path)
    {
        var client = _app.CreateBrowserlikeClient();
        var signIn = await FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword });
        Assert.True(signIn.IsRedirectTo("/events"));

        var html = await client.GetStringAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, _event.Id));

        Assert.Contains(StaffText, html, StringComparison.Ordinal);
        Assert.DoesNotContain(JudgeText, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJudgesPage_SaysKeepScoring()
    {
        var client = _app.CreateBrowserlikeClient();
        var signIn = await FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = TestData.CodeOf(_event.Judges[0]) });
        Assert.True(signIn.IsRedirectTo("/jury"));

        var response = await client.GetAsync("/jury");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(JudgeText, html, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffText, html, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
