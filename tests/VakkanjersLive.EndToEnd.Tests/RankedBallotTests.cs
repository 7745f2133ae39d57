using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Ranked ballots and factors in the browser: a coordinator picks the ranking preset, a judge ranks the teams on a
/// tablet and the results page shows the points; and a judge scores two performances, the moderator sets a factor and
/// the explanation page shows the factor step.
/// </summary>
public sealed class RankedBallotTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];
    private readonly AxeReport _axe = new();

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveEvent Current(Guid eventId) => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(eventId)!;

    /// <summary>A tablet in landscape: 1024×768, touch, Dutch.</summary>
    private async Task<IPage> NewTabletAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
            HasTouch = true,
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task Coordinator_PicksTheRankingPreset_AJudgeRanksOnTheTablet_AndTheResultsShowThePoints()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        var zwaluwen = Guid.NewGuid();
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.RegisterTeam(zwaluwen, "De Zwaluwen", finale.Schools[0].Id, category, "Vogelhuis", ["Fleur"])));
        var bouwers = finale.Teams.Single(t => t.Name == "De Bouwers");
        var vonken = finale.Teams.Single(t => t.Name == "De Vonken");

        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}");
        await moderator.GetByRole(AriaRole.Tab, new() { Name = "Beoordelingsformulier" }).ClickAsync();
        await moderator.Locator(".mud-select", new() { HasText = "Voorinstelling" }).First.ClickAsync();
        await moderator.GetByRole(AriaRole.Option, new() { Name = "Rangschikking (12-10-8 punten)" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#rules-rank-points")).ToContainTextAsync("Punten per plaats: 12 · 10 · 8");
        Assert.Equal(RulesPresets.RankedBallots(), Current(finale.Id).RulesOf(category));

        // The judge ranks on the tablet: a place per team; picking a taken place swaps the two teams.
        var judge = await NewTabletAsync();
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));
        var ballot = judge.Locator("#ranking-form");
        await Assertions.Expect(ballot.GetByRole(AriaRole.Heading, new() { Name = "Jouw rangschikking" })).ToBeVisibleAsync();
        await ballot.GetByLabel("De Vonken").SelectOptionAsync(new SelectOptionValue { Label = "Plaats 1 (12 punten)" });
        await ballot.GetByLabel("De Bouwers").SelectOptionAsync(new SelectOptionValue { Label = "Plaats 2 (10 punten)" });
        await Assertions.Expect(judge.Locator("#ranking-order")).ToHaveTextAsync("Jouw volgorde: 1. De Vonken, 2. De Bouwers");
        await ballot.GetByLabel("De Bouwers").SelectOptionAsync(new SelectOptionValue { Label = "Plaats 1 (12 punten)" });
        await Assertions.Expect(ballot.GetByLabel("De Vonken")).ToHaveValueAsync("2");
        await Assertions.Expect(judge.Locator("#ranking-order")).ToHaveTextAsync("Jouw volgorde: 1. De Bouwers, 2. De Vonken");
        await ballot.GetByRole(AriaRole.Button, new() { Name = "Rangschikking insturen" }).ClickAsync();
        await Assertions.Expect(judge.Locator("[data-status-for='ranking']")).ToContainTextAsync("Opgeslagen");
        await Assertions.Expect(judge.Locator("#ranking-submitted")).ToContainTextAsync("De Bouwers · 12 punten");
        await _axe.CheckAsync(judge, "the jury page with a submitted ranked ballot");
        Assert.Equal([bouwers.Id, vonken.Id], Current(finale.Id).BallotOf(finale.Judges[0].Id)!.TeamIds);

        // A second judge ranks with the Wi-Fi down: the ballot waits in the outbox and arrives once, when back online.
        var offline = await NewTabletAsync();
        await StaffPages.SignInJudgeAsync(offline, TestData.CodeOf(finale.Judges[1]));
        await offline.Context.SetOfflineAsync(true);
        var second = offline.Locator("#ranking-form");
        await second.GetByLabel("De Zwaluwen").SelectOptionAsync(new SelectOptionValue { Label = "Plaats 1 (12 punten)" });
        await second.GetByLabel("De Bouwers").SelectOptionAsync(new SelectOptionValue { Label = "Plaats 2 (10 punten)" });
        await second.GetByRole(AriaRole.Button, new() { Name = "Rangschikking insturen" }).ClickAsync();
        await Assertions.Expect(offline.Locator("#outbox-badge")).ToHaveTextAsync("1 wacht(en) op verzending");
        await Assertions.Expect(offline.Locator("[data-status-for='ranking']")).ToContainTextAsync("Wacht op verzending");
        Assert.Null(Current(finale.Id).BallotOf(finale.Judges[1].Id));
        await offline.Context.SetOfflineAsync(false);
        await offline.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(offline.Locator("[data-status-for='ranking']")).ToContainTextAsync("Opgeslagen");
        await Assertions.Expect(offline.Locator("#outbox-badge")).ToBeHiddenAsync();
        Assert.Equal([zwaluwen, bouwers.Id], Current(finale.Id).BallotOf(finale.Judges[1].Id)!.TeamIds);
        Assert.Equal(1, Current(finale.Id).BallotOf(finale.Judges[1].Id)!.Revision);

        // Bouwers 12 + 10 = 22, Zwaluwen 12, Vonken 10.
        await moderator.GotoAsync($"/events/{finale.Id}/results");
        await StaffPages.WaitInteractiveAsync(moderator);
        var row = moderator.Locator($"#results-table tr[data-team='{bouwers.Id}']");
        await Assertions.Expect(row.Locator(".score")).ToHaveTextAsync("22,00");
        await Assertions.Expect(row.Locator(".ballot-points")).ToContainTextAsync("Marieke de Vries: 1e, 12 pt");
        await Assertions.Expect(moderator.Locator($"#results-table tr[data-team='{vonken.Id}'] .score")).ToHaveTextAsync("10,00");

        var explanation = await moderator.RunAndWaitForPopupAsync(() =>
            moderator.GetByRole(AriaRole.Link, new() { Name = "uitleg: hoe is de score van De Bouwers tot stand gekomen?" }).ClickAsync());
        await Assertions.Expect(explanation.Locator("#explain-trail li[data-kind='Points']").First).ToContainTextAsync("gaf plaats 1: 12 punten");
        await Assertions.Expect(explanation.Locator($"#explain-panel tr[data-judge='{finale.Judges[1].Id}'] td").Last).ToHaveTextAsync("10");
        await _axe.CheckAsync(moderator, "the results page of a ranked category");
        await _axe.CheckAsync(explanation, "the explanation of a ranked result");
        _axe.AssertClean();
    }

    [Fact]
    public async Task AJudgeScoresTwoPerformances_TheModeratorSetsAFactor_AndTheExplanationShowsIt()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        var bouwers = finale.Teams.Single(t => t.Name == "De Bouwers");
        var rules = RulesPresets.VakkanjersDefault(finale.RulesOf(category).Criteria) with { Scale = ScoreScale.Raw, Performances = new PerformanceRules(PerformanceCombine.Sum, 2) };
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.DeclareCategoryRules(category, rules)));
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenJudging(bouwers.Id)));

        var judge = await NewTabletAsync();
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));
        await judge.Locator($"button[data-select-team='{bouwers.Id}']").First.ClickAsync();
        var form = judge.Locator($"[data-team-form='{bouwers.Id}']");
        foreach (var (performance, oplossing, presentatie) in new[] { ("1", "8", "4"), ("2", "6", "2") })
        {
            var part = form.Locator($"[data-performance-form='{performance}']");
            await part.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Oplossing, van 1 tot 10" }).GetByText(oplossing, new() { Exact = true }).ClickAsync();
            await part.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Presentatie, van 1 tot 10" }).GetByText(presentatie, new() { Exact = true }).ClickAsync();
            await part.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
            await Assertions.Expect(judge.Locator($"[data-status-for='{bouwers.Id}:{performance}']")).ToContainTextAsync("Opgeslagen");
        }

        // The moderator gives the second performance a degree of difficulty of 2,5 in the judging console.
        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/judging");
        var factor = moderator.GetByLabel("Factor van De Bouwers, uitvoering 2");
        await factor.FillAsync("2,5");
        await factor.PressAsync("Tab");
        await Assertions.Expect(moderator.Locator(".mud-snackbar")).ToContainTextAsync("Opgeslagen");
        Assert.Equal(2.5m, Current(finale.Id).FactorOf(bouwers.Id, "2"));

        // Raw, relative 3 : 1: performance 1 (24 + 4) / 4 = 7; performance 2 (18 + 2) / 4 = 5 × 2,5 = 12,5; summed 19,5.
        await moderator.GotoAsync($"/events/{finale.Id}/results/{bouwers.Id}/explain");
        await Assertions.Expect(moderator.Locator("#explain-performances tr[data-performance='2'] td").First).ToHaveTextAsync("2,5");
        await Assertions.Expect(moderator.Locator("#explain-trail li[data-kind='Factor']")).ToContainTextAsync("12,5");
        await Assertions.Expect(moderator.Locator("#explain-trail li[data-kind='Total']")).ToContainTextAsync("Totaal: 19,5");
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
