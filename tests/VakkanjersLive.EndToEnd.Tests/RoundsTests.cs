using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// A two-round category in the browser (docs/scoring.md, "Rounds"): the moderator declares a heat and a final, a judge
/// scores four teams, the top two advance, the judge scores the final, and the results page shows each round's own
/// ranking.
/// </summary>
public sealed class RoundsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];
    private readonly AxeReport _axe = new();

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    [Fact]
    public async Task AModeratorRunsAHeatAndAFinal_AJudgeScoresBoth_TheResultsDifferPerRound()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        foreach (var name in new[] { "De Zwaluwen", "De Uilen" })
        {
            await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.RegisterTeam(Guid.NewGuid(), name, s.Schools[0].Id, category, "Project", ["Fleur"])));
        }

        var e = _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!;
        Team Named(string name) => e.Teams.Single(t => t.Name == name);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        var judge = await browser.NewPageAsync(_app, _contexts);

        // The moderator declares the rounds in the judging console.
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/judging");
        await moderator.Locator("textarea#round-names").FillAsync("Voorronde\nFinale");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Rondes vastleggen" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#category-rounds li[aria-current='step']")).ToContainTextAsync("Voorronde");
        await Assertions.Expect(moderator.Locator("#console-round")).ToHaveTextAsync("Huidige ronde: Voorronde");

        // The heat: the chair scores all four teams (a value v on both criteria is a total of (v − 1) / 9 · 100).
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));
        await Assertions.Expect(judge.Locator("#jury-round")).ToHaveTextAsync("Huidige ronde: Voorronde");
        var heat = new[] { ("De Bouwers", 9), ("De Vonken", 8), ("De Zwaluwen", 7), ("De Uilen", 6) };
        foreach (var (name, value) in heat)
        {
            await moderator.GetByRole(AriaRole.Button, new() { Name = $"Jurering voor {name} openen" }).ClickAsync();
            await ScoreAsync(judge, Named(name), value);
        }

        // Advancing is refused until the round is signed off; then the top 2 go through, confirmed.
        await moderator.Locator("input#advance-top").FillAsync("2");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Beste teams laten doorgaan…" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#advance-error")).ToContainTextAsync("Teken de ronde eerst af");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Junior aftekenen" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Categorie aftekenen" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#category-lock-state")).ToContainTextAsync("afgetekend");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Beste teams laten doorgaan…" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#advancing li")).ToHaveTextAsync(["De Bouwers", "De Vonken"]);
        // A snackbar mid-fade does not have its own colours: check once it has gone.
        await Assertions.Expect(moderator.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await _axe.CheckAsync(moderator, "the judging console with rounds and the advance step");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Bevestigen: start Finale" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#console-round")).ToHaveTextAsync("Huidige ronde: Finale");
        await Assertions.Expect(moderator.Locator("#judging-table tbody tr")).ToHaveCountAsync(2);

        // The judge's form now shows the final with the two finalists, nothing scored yet; the final turns the heat around.
        await Assertions.Expect(judge.Locator("#jury-round")).ToHaveTextAsync("Huidige ronde: Finale");
        await Assertions.Expect(judge.Locator(".team-list li")).ToHaveCountAsync(2);
        await Assertions.Expect(judge.Locator(".team-list")).Not.ToContainTextAsync("De Zwaluwen");
        await _axe.CheckAsync(judge, "the jury form in the final");
        foreach (var (name, value) in new[] { ("De Bouwers", 5), ("De Vonken", 10) })
        {
            await moderator.GetByRole(AriaRole.Button, new() { Name = $"Jurering voor {name} openen" }).ClickAsync();
            await ScoreAsync(judge, Named(name), value);
        }

        // The results page: the final by default, the heat on request.
        await moderator.GotoAsync($"/events/{finale.Id}/results");
        await StaffPages.WaitInteractiveAsync(moderator);
        await Assertions.Expect(moderator.Locator("#results-table tbody tr th")).ToContainTextAsync(["De Vonken", "De Bouwers"]);
        await Assertions.Expect(moderator.Locator($"#results-table tr[data-team='{Named("De Vonken").Id}'] .score")).ToHaveTextAsync("100,00");
        await Assertions.Expect(moderator.Locator($"#results-table tr[data-team='{Named("De Bouwers").Id}'] .score")).ToHaveTextAsync("44,44");

        await moderator.Locator(".mud-select", new() { HasText = "Ronde" }).First.ClickAsync();
        await moderator.GetByRole(AriaRole.Option, new() { Name = "Voorronde" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#results-table tbody tr th")).ToContainTextAsync(["De Bouwers", "De Vonken", "De Zwaluwen", "De Uilen"]);
        await Assertions.Expect(moderator.Locator($"#results-table tr[data-team='{Named("De Bouwers").Id}'] .score")).ToHaveTextAsync("88,89");
        await Assertions.Expect(moderator.Locator($"#results-table tr[data-team='{Named("De Uilen").Id}'] .score")).ToHaveTextAsync("55,56");
        await Assertions.Expect(moderator.Locator("#export-results")).ToHaveAttributeAsync("href", $"/events/{finale.Id}/exports/results.csv?round={finale.Id}");
        await _axe.CheckAsync(moderator, "the results of the heat, picked by round");
        _axe.AssertClean();
    }

    private static async Task ScoreAsync(IPage judge, Team team, int value)
    {
        await judge.Locator($".team-list [data-select-team='{team.Id}']").ClickAsync();
        var form = judge.Locator($"[data-team-form='{team.Id}']");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator("[data-submit-team]")).ToBeEnabledAsync();
        var text = value.ToString(CultureInfo.InvariantCulture);
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Oplossing, van 1 tot 10" }).GetByText(text, new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Presentatie, van 1 tot 10" }).GetByText(text, new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
        await Assertions.Expect(judge.Locator($"[data-status-for='{team.Id}']")).ToContainTextAsync("Opgeslagen");
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
