using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed class PollTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Question = "Welk project verdient de publieksprijs?";
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task AViewerVotes_TheConsoleShowsTheTally_AndTheResultsAppearOnceShown()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        var phone = await browser.NewPageAsync(_app, _contexts);
        var screen = await browser.NewPageAsync(_app, _contexts);

        // The moderator drafts a poll in the live console (results only after closing) and opens it.
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/live");
        await moderator.GetByLabel("Vraag", new() { Exact = true }).FillAsync(Question);
        await moderator.GetByLabel("Keuze 1", new() { Exact = true }).FillAsync("Slimme plantenbak");
        await moderator.GetByLabel("Keuze 2", new() { Exact = true }).FillAsync("Windmolen");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        var control = moderator.Locator(".poll-control");
        await Assertions.Expect(control.Locator(".poll-state")).ToHaveTextAsync("Concept");

        await phone.GotoAsync($"/live/{finale.JoinCode}");
        await screen.GotoAsync(await TestData.ScreenPathAsync(_app, "screen", finale.JoinCode));
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(screen.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(phone.Locator("#poll-card")).ToBeHiddenAsync();

        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Peiling openen: {Question}" }).ClickAsync();
        await Assertions.Expect(screen.Locator("#poll")).ToContainTextAsync(Question);

        // The viewer picks an answer with the keyboard-reachable radios and votes.
        var form = phone.GetByRole(AriaRole.Group, new() { Name = Question });
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Radio, new() { Name = "Windmolen" }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Stemmen", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.Locator("#poll-status")).ToHaveTextAsync("Je stem is geteld.");
        await Assertions.Expect(phone.Locator("#poll-status")).ToBeFocusedAsync();

        // The console's tally follows; the audience still sees no results.
        await Assertions.Expect(control.Locator(".poll-total")).ToHaveTextAsync("Stemmen: 1");
        await Assertions.Expect(control.Locator(".poll-tally li").Nth(1)).ToContainTextAsync("1 · 100%");
        await Assertions.Expect(phone.Locator(".poll-result")).ToHaveCountAsync(0);

        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Peiling sluiten: {Question}" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#poll-status")).ToHaveTextAsync("De peiling is gesloten. De uitslag volgt straks.");
        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Uitslag tonen: {Question}" }).ClickAsync();

        foreach (var page in new[] { phone, screen })
        {
            await Assertions.Expect(page.Locator(".poll-result")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator(".poll-result").Nth(1)).ToContainTextAsync("Windmolen");
            await Assertions.Expect(page.Locator(".poll-result").Nth(1).Locator(".poll-percent")).ToHaveTextAsync("100%");
            await Assertions.Expect(page.Locator(".poll-total")).ToHaveTextAsync("Aantal stemmen: 1");
        }

        await Assertions.Expect(phone.Locator(".poll-result.mine")).ToContainTextAsync("jouw stem");
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
