using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed class ImportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly TestApp _app = new(kestrel: true);

    [Fact]
    public async Task CsvWithBadRows_IsRefusedWithPerRowMessages_ThenAGoodFileLands()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseAddress.ToString(), Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/account/signin?returnUrl=/events/{finale.Id}");
        await page.GetByLabel("Gebruikersnaam").FillAsync(TestApp.AdminUser);
        await page.GetByLabel("Wachtwoord").FillAsync(TestApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen als moderator" }).ClickAsync();
        await Assertions.Expect(page.Locator("#app-root")).ToHaveAttributeAsync("data-interactive", "yes");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Importeren" }).ClickAsync();
        await page.Locator("#finalists-text").FillAsync("team;school;categorie;project;leden\n;De Regenboog;Onbekend;Drone;Noor|Jan Jansen\nDe Makers;De Regenboog;Junior;Bijenhotel;Jan Jansen\nDe Vonken;Het Baken;Junior;Windmolen;Sem\n");
        await page.Locator("#finalists-check").ClickAsync();

        var errors = page.Locator("#finalists-errors");
        // Every error of a row is listed, each with its line.
        await Assertions.Expect(errors).ToContainTextAsync("Niet geïmporteerd: 4 fout(en)");
        await Assertions.Expect(errors).ToContainTextAsync("Regel 2: Onbekende categorie ‘Onbekend’.");
        await Assertions.Expect(errors).ToContainTextAsync("Regel 2: Teamnaam: dit veld is verplicht.");
        await Assertions.Expect(errors).ToContainTextAsync("Regel 2: ‘Jan Jansen’: alleen een voornaam");
        await Assertions.Expect(errors).ToContainTextAsync("Regel 3: ‘Jan Jansen’: alleen een voornaam");
        await Assertions.Expect(page.Locator("#finalists-import")).ToBeDisabledAsync();

        await page.Locator("#finalists-text").FillAsync("team;school;categorie;project;leden\nDe Vonken;Het Baken;Junior;Windmolen;Sem, Yara\n");
        await page.Locator("#finalists-check").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 regels zijn in orde");
        await page.Locator("#finalists-import").ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Finalisten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#team-table")).ToContainTextAsync("De Vonken");
        await Assertions.Expect(page.Locator("#team-table")).ToContainTextAsync("Het Baken");
        await Assertions.Expect(page.Locator("#team-table")).Not.ToContainTextAsync("De Makers");
    }

    public void Dispose() => _app.Dispose();
}
