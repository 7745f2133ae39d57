using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed partial class EventSetupTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly TestApp _app = new(kestrel: true);

    [Fact]
    public async Task Moderator_SignsIn_CreatesAnEvent_AndSeesItListed()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseAddress.ToString(), Locale = "nl-NL" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/events");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await page.GetByLabel("Gebruikersnaam").FillAsync(TestApp.AdminUser);
        await page.GetByLabel("Wachtwoord").FillAsync(TestApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen als moderator" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(EventsUrl());
        await Expect(page.Locator("#app-root")).ToHaveAttributeAsync("data-interactive", "yes");

        await page.Locator("#event-name").FillAsync("Vakkanjers regiofinale Noord");
        await page.Locator("#event-venue").FillAsync("Groningen");
        await page.Locator("#create-event").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vakkanjers regiofinale Noord", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/events");
        await Expect(page.Locator("#event-table")).ToContainTextAsync("Vakkanjers regiofinale Noord");
        await Expect(page.Locator("#event-table")).ToContainTextAsync("Groningen");
    }

    [Fact]
    public async Task Moderator_SeesAClearError_ForAnEventWithoutAName()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseAddress.ToString(), Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await SignInAsync(page);

        await page.Locator("#create-event").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Naam: dit veld is verplicht." })).ToBeVisibleAsync();
        await Expect(page.Locator("#event-table")).ToContainTextAsync("Nog geen evenementen.");
    }

    private static async Task SignInAsync(IPage page)
    {
        await StaffPages.SignInModeratorAsync(page);
        await Expect(page).ToHaveURLAsync(EventsUrl());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    [GeneratedRegex("/account/signin")]
    private static partial Regex SignInUrl();

    [GeneratedRegex("/events$")]
    private static partial Regex EventsUrl();

    public void Dispose() => _app.Dispose();
}
