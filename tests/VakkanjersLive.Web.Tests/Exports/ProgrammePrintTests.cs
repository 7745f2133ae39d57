using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Exports;

/// <summary>The printable programme: per category and day, the running order with start and end times (issue 13, item 1).</summary>
public sealed class ProgrammePrintTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task TheProgramme_ListsEachDaysSlotsInOrder_WithTimesAndPitchLengths()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        var (bouwers, vonken) = (finale.Teams.Single(t => t.Name == "De Bouwers").Id, finale.Teams.Single(t => t.Name == "De Vonken").Id);
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetRunningOrder(category,
        [
            new ProgrammeSlot(vonken, s.Date, new TimeOnly(14, 0), 300, 180),
            new ProgrammeSlot(bouwers, s.Date.AddDays(1), new TimeOnly(9, 30), 270, 120),
        ])));
        var client = _app.CreateBrowserlikeClient();
        var signIn = await FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword });
        Assert.True(signIn.IsRedirectTo("/events"));

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{finale.Id}/programme"));

        Assert.Contains("<h1>Programma · Jureerfinale</h1>", html, StringComparison.Ordinal);
        Assert.Contains("14:00–14:08", html, StringComparison.Ordinal);
        Assert.Contains("09:30–09:36", html, StringComparison.Ordinal);
        Assert.Contains("4:30 min presentatie, 2 min vragen", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("De Vonken", StringComparison.Ordinal) < html.IndexOf("De Bouwers", StringComparison.Ordinal));
        Assert.Contains("data-page-action=\"print\"", html, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
