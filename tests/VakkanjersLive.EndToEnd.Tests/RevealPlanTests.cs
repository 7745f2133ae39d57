using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// A producer reveals a category as a ceremony (issue 13 item 7): plans "top 3" with a pause before the winner in the
/// live console, sees what each click will show before the hall does (names hidden on the laptop until asked), and a
/// phone follows: third, second, "en de winnaar is…", the winner.
/// </summary>
public sealed class RevealPlanTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] Names = ["De Bouwers", "De Vonken", "De Denkers", "De Makers", "De Dromers"];
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];
    private readonly Guid _eventId = Guid.NewGuid();
    private readonly Guid _junior = Guid.NewGuid();

    [Fact]
    public async Task TopThree_WithAPause_RevealedFromTheConsole_WhileAPhoneWatches()
    {
        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{_eventId}/live");
        var section = moderator.Locator($"section.reveal-control[data-category='{_junior}']");

        // Plan: the top 3 only, with a pause before the winner.
        await section.Locator(".mud-select", new() { HasText = "Hoe bekendmaken" }).First.ClickAsync();
        await moderator.GetByRole(AriaRole.Option, new() { Name = "Alleen de top" }).ClickAsync();
        await section.GetByLabel("Top (aantal plaatsen)").FillAsync("3");
        await section.GetByLabel("Pauze voor de winnaar").CheckAsync();
        await section.GetByLabel("Naam van de prijs").FillAsync("Junior-prijs");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Plan opslaan voor Junior" }).ClickAsync();
        await Assertions.Expect(section.Locator(".reveal-plan-summary")).ToHaveTextAsync("Alleen de top 3, met een pauze voor de winnaar");

        var phone = await browser.NewPageAsync(_app, _contexts);
        await phone.GotoAsync($"/live/{Store.GetEvent(_eventId)!.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");

        // Freeze, with names hidden on the operator's laptop; the next click is previewed for the operator only.
        await moderator.GetByLabel("Namen verbergen op dit scherm").CheckAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Uitslag van Junior bevriezen" }).ClickAsync();
        var next = section.Locator(".reveal-next");
        await Assertions.Expect(next).ToContainTextAsync("Volgende klik toont: 3e plaats · (naam verborgen)");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Toon de volgende naam van Junior" }).ClickAsync();
        await Assertions.Expect(next).ToContainTextAsync("3e plaats · De Denkers");
        await Assertions.Expect(phone.Locator("#scoreboard")).Not.ToContainTextAsync("De Denkers");

        var step = moderator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap voor Junior", Exact = false });
        await step.ClickAsync();
        await Assertions.Expect(phone.Locator("#scoreboard")).ToContainTextAsync("De Denkers");
        await Assertions.Expect(next).ToContainTextAsync("Volgende klik toont: 2e plaats · (naam verborgen)");
        await step.ClickAsync();
        await Assertions.Expect(phone.Locator("#scoreboard")).ToContainTextAsync("De Vonken");

        // The pause: the hall waits, nothing new is shown.
        await Assertions.Expect(step).ToHaveTextAsync("Pauze: en de winnaar is…");
        await step.ClickAsync();
        await Assertions.Expect(phone.Locator("#scoreboard .reveal-pause")).ToHaveTextAsync("En de winnaar is…");
        await Assertions.Expect(phone.Locator("#scoreboard")).Not.ToContainTextAsync("De Bouwers");

        await Assertions.Expect(step).ToHaveTextAsync("Winnaar bekendmaken!");
        await step.ClickAsync();
        await Assertions.Expect(phone.Locator("#scoreboard .reveal-row.winner")).ToContainTextAsync("De Bouwers");
        await Assertions.Expect(phone.Locator("#scoreboard .reveal-pause")).ToHaveCountAsync(0);
        await Assertions.Expect(next).ToHaveTextAsync("Alles is bekendgemaakt.");
        foreach (var unranked in new[] { "De Makers", "De Dromers" })
        {
            await Assertions.Expect(phone.Locator("#scoreboard")).Not.ToContainTextAsync(unranked);
        }
    }

    public Task InitializeAsync() => TestData.RankedCategoryAsync(_app, _eventId, _junior, Names);

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _app.Dispose();
    }

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();
}
