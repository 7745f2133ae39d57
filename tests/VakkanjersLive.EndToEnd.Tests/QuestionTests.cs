using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed class QuestionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Question = "Hoe word je later ingenieur?";
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task AViewerAsks_TheModeratorApproves_AnotherPhoneUpvotes_AndTheScreenAndOverlayShowItsTurn()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        var asker = await browser.NewPageAsync(_app, _contexts);
        var voter = await browser.NewPageAsync(_app, _contexts);
        var screen = await browser.NewPageAsync(_app, _contexts);
        var overlay = await browser.NewPageAsync(_app, _contexts);

        // Questions start off; the moderator switches them on in the live console.
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/live");
        var panel = moderator.Locator("#questions");
        await panel.GetByRole(AriaRole.Switch, new() { Name = "Vragen stellen aan" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Switch, new() { Name = "Vragen stellen aan" })).ToBeCheckedAsync();

        foreach (var page in new[] { asker, voter })
        {
            await page.GotoAsync($"/live/{finale.JoinCode}");
            await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
            await Assertions.Expect(page.Locator("#questions-card")).ToBeVisibleAsync();
        }

        foreach (var (page, path) in new[] { (screen, "screen"), (overlay, "overlay") })
        {
            await page.GotoAsync(await TestData.ScreenPathAsync(_app, path, finale.JoinCode));
            await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
            await Assertions.Expect(page.Locator("#question-highlight")).ToBeHiddenAsync();
        }

        // The viewer types in the labelled box (a line break becomes a space) and sends with Enter; the question is held.
        await asker.GetByLabel("Stel een vraag").FillAsync(Question.Replace(" ingenieur", "\ningenieur", StringComparison.Ordinal));
        await asker.GetByLabel("Stel een vraag").PressAsync("Enter");
        await Assertions.Expect(asker.Locator("#question-feedback")).ToHaveTextAsync("Je vraag is ontvangen en wacht op goedkeuring.");
        await Assertions.Expect(panel.Locator("#questions-held")).ToContainTextAsync(Question);
        await Assertions.Expect(panel.Locator("#questions-held-heading")).ToHaveTextAsync("Wacht op goedkeuring (1)");
        await Assertions.Expect(voter.Locator(".question-item")).ToHaveCountAsync(0);

        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Vraag goedkeuren: {Question}" }).ClickAsync();
        await Assertions.Expect(panel.Locator("#questions-approved-heading")).ToHaveTextAsync("Goedgekeurd (1)");

        // Another phone upvotes it (keyboard again); the button says it is pressed and the count follows everywhere.
        var upvote = voter.Locator(".question-item", new() { HasText = Question }).GetByRole(AriaRole.Button);
        await Assertions.Expect(upvote).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(upvote).ToHaveAccessibleNameAsync("Steun deze vraag, stemmen: 0");
        await upvote.FocusAsync();
        await voter.Keyboard.PressAsync("Enter");
        await Assertions.Expect(upvote).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(upvote).ToHaveAccessibleNameAsync("Steun deze vraag, stemmen: 1");
        await Assertions.Expect(upvote).ToBeFocusedAsync();
        await Assertions.Expect(asker.Locator(".question-item .upvote-count")).ToHaveTextAsync("1");
        await Assertions.Expect(panel.Locator("#questions-approved .question-votes")).ToHaveTextAsync("Stemmen: 1");

        // "Nu aan de beurt": on the venue screen and the stream overlay, and marked on the phones.
        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Nu aan de beurt: {Question}" }).ClickAsync();
        foreach (var page in new[] { screen, overlay })
        {
            await Assertions.Expect(page.Locator("#question-highlight")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#question-highlight-text")).ToHaveTextAsync(Question);
        }

        await Assertions.Expect(voter.Locator(".question-item.current")).ToContainTextAsync("Nu aan de beurt");

        // Answered: off the screen and the overlay, marked "beantwoord" on the phones.
        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Markeer als beantwoord: {Question}" }).ClickAsync();
        await Assertions.Expect(screen.Locator("#question-highlight")).ToBeHiddenAsync();
        await Assertions.Expect(overlay.Locator("#question-highlight")).ToBeHiddenAsync();
        await Assertions.Expect(voter.Locator(".question-item.answered")).ToContainTextAsync("beantwoord");
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
