using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>Screen tokens in browsers (issue 11): a moderator makes one on the live console, the screen opens with it, a revoked token no longer connects.</summary>
public sealed class ScreenTokenTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task AModerator_MakesAScreenToken_TheScreenConnectsWithIt_AndARevokedTokenNoLonger()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/live");

        await moderator.GetByLabel("Naam van het scherm").FillAsync("Zaalscherm links");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Schermtoken maken" }).ClickAsync();
        var link = await moderator.Locator("#screen-link").GetAttributeAsync("href");
        Assert.Contains($"/screen/{finale.JoinCode}?token=", link, StringComparison.Ordinal);

        var screen = await browser.NewPageAsync(_app, _contexts);
        await screen.GotoAsync(link!);
        await Assertions.Expect(screen.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        var tokenless = await browser.NewPageAsync(_app, _contexts);
        await tokenless.GotoAsync($"/screen/{finale.JoinCode}");
        await Assertions.Expect(tokenless.Locator("#live-status")).ToContainTextAsync("geen geldig schermtoken");

        await moderator.GetByRole(AriaRole.Button, new() { Name = "Intrekken: schermtoken van Zaalscherm links" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#screen-table .screen-state")).ToHaveTextAsync("Ingetrokken");

        await screen.ReloadAsync();
        await Assertions.Expect(screen.Locator("#live-status")).ToContainTextAsync("geen geldig schermtoken");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _app.Dispose();
    }
}
