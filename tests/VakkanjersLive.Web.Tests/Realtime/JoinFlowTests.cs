using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// Issue 11, the join page: no nickname ever travels in a URL. The form sends only the code, the redirect carries
/// only the code, and the live page neither echoes nor links a nickname from an old link's query.
/// </summary>
public sealed partial class JoinFlowTests : IDisposable
{
    private const string Name = "Geheime Naam";

    private readonly TestApp _app = new();

    [Fact]
    public async Task TheJoinForm_SendsOnlyTheCode_TheNicknameInputHasNoName()
    {
        using var client = _app.CreateClient();
        var html = await client.GetStringAsync("/live");

        var form = JoinForm().Match(html);
        Assert.True(form.Success, "no join form");
        Assert.Equal(["code"], FieldName().Matches(form.Value).Select(m => m.Groups[1].Value));
        Assert.Matches("<input[^>]*id=\"join-nickname\"", form.Value);
        Assert.Contains("js/live/join", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOldLinkWithANickname_IsRedirectedWithoutIt_AndTheLivePageDoesNotEchoIt()
    {
        var finale = await TestData.SmallFinaleAsync(_app, "Linkfinale");
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var redirect = await client.GetAsync($"/live?code={finale.JoinCode.ToLowerInvariant()}&nickname={Uri.EscapeDataString(Name)}");
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, redirect.StatusCode.ToString());
        var location = redirect.Headers.Location!.ToString();
        Assert.EndsWith($"/live/{finale.JoinCode}", location, StringComparison.Ordinal);
        Assert.DoesNotContain("nickname", location, StringComparison.OrdinalIgnoreCase);

        var page = await client.GetStringAsync($"/live/{finale.JoinCode}?nickname={Uri.EscapeDataString(Name)}");
        Assert.DoesNotContain(Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime", page, StringComparison.Ordinal);
        Assert.DoesNotContain("nickname=", page, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _app.Dispose();

    [GeneratedRegex("<form[^>]*id=\"join-form\"[\\s\\S]*?</form>")]
    private static partial Regex JoinForm();

    [GeneratedRegex("\\bname=\"([^\"]*)\"")]
    private static partial Regex FieldName();
}
