using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>The rules model in the browser: a lead moderator picks a category's preset and opens a team's explanation.</summary>
public sealed class RulesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    [Fact]
    public async Task LeadModerator_ChangesTheCategorysPreset_AndOpensATeamsExplanation()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var bouwers = finale.Teams.Single(t => t.Name == "De Bouwers");
        foreach (var team in finale.Teams)
        {
            await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenJudging(team.Id)));
            foreach (var judge in finale.Judges)
            {
                await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), $"judge:{judge.Id}", s =>
                    s.SubmitScore(judge.Id, team.Id, [new CriterionScore(s.Rubric[0].Id, team == bouwers ? 8 : 6, ""), new CriterionScore(s.Rubric[1].Id, 7, "")], null, null)));
            }
        }

        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page, $"/events/{finale.Id}");
        await StaffPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Beoordelingsformulier" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules-json")).ToContainTextAsync("\"dropHighest\": 0");

        // Picking a preset asks first; cancelling keeps the rules.
        var preset = page.Locator(".mud-select", new() { HasText = "Voorinstelling" }).First;
        await preset.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Getrimd gemiddelde" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules-json")).ToContainTextAsync("\"dropHighest\": 0");

        await preset.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Getrimd gemiddelde" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules-json")).ToContainTextAsync("\"dropHighest\": 1");
        Assert.True(_app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.HasDeclaredRules(finale.Categories[0].Id));

        // The results page links each team to its explanation, which follows the new rules.
        await page.GotoAsync($"/events/{finale.Id}/results");
        await StaffPages.WaitInteractiveAsync(page);
        var explanation = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "uitleg: hoe is de score van De Bouwers tot stand gekomen?" }).ClickAsync());
        await Assertions.Expect(explanation.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hoe is deze score tot stand gekomen? De Bouwers");
        await Assertions.Expect(explanation.Locator("#explain-rules")).ToContainTextAsync("Eigen rekenregels van deze categorie.");
        await Assertions.Expect(explanation.Locator("#explain-rules")).ToContainTextAsync("Afronding: 2 decimalen");
        // Both judges gave (8, 7): (3 · 7/9 + 6/9) / 4 = 75 %, nothing to drop from two cards.
        await Assertions.Expect(explanation.Locator("#explain-trail li[data-kind='CardTotal']")).ToHaveCountAsync(2);
        await Assertions.Expect(explanation.Locator("#explain-trail li[data-kind='Total']")).ToHaveTextAsync("Totaal: 75");
        await Assertions.Expect(explanation.Locator("#explain-panel tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(explanation.Locator("#explain-outcome")).ToContainTextAsync("plaats 1");
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
