using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Steps off the whole number in the browser: a lead moderator gives a category half-point steps in the rubric tab, a
/// judge scores 7,5 on the tablet, and the team's explanation shows the half point and the result.
/// </summary>
public sealed class HalfPointRulesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    [Fact]
    public async Task Coordinator_SetsHalfPointSteps_AJudgeScoresAHalfPoint_AndTheExplanationShowsIt()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var bouwers = finale.Teams.Single(t => t.Name == "De Bouwers");
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenJudging(bouwers.Id)));

        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}");
        await StaffPages.WaitInteractiveAsync(moderator);
        await moderator.GetByRole(AriaRole.Tab, new() { Name = "Beoordelingsformulier" }).ClickAsync();
        foreach (var criterion in finale.Rubric)
        {
            var step = moderator.Locator($"#rules-step-{criterion.Id:N}");
            await step.FillAsync("0,5");
            await step.PressAsync("Tab");
        }

        await moderator.Locator("#rules-save").ClickAsync();
        await Assertions.Expect(moderator.Locator("#rules-json")).ToContainTextAsync("\"step\": 0.5");
        Assert.Equal([0.5m, 0.5m], _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.RulesOf(bouwers.CategoryId).Criteria.Select(c => c.Step));

        // The judge's form has a button per half point, labelled in Dutch.
        var judge = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));
        await judge.Locator($"button[data-select-team='{bouwers.Id}']").First.ClickAsync();
        var form = judge.Locator($"[data-team-form='{bouwers.Id}']");
        var oplossing = form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Oplossing, van 1 tot 10" });
        await Assertions.Expect(oplossing.Locator("label")).ToHaveCountAsync(19);
        await Assertions.Expect(form.Locator(".criterion-step").First).ToHaveTextAsync("In stappen van 0,5.");
        await oplossing.GetByText("7,5", new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Presentatie, van 1 tot 10" }).GetByText("6", new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
        await Assertions.Expect(judge.Locator($"[data-status-for='{bouwers.Id}']")).ToContainTextAsync("Opgeslagen");

        // (3 · 6.5/9 + 5/9) / 4 = 68.0556 %.
        await moderator.GotoAsync($"/events/{finale.Id}/results/{bouwers.Id}/explain");
        await Assertions.Expect(moderator.Locator("#explain-steps")).ToContainTextAsync("Oplossing 0,5");
        await Assertions.Expect(moderator.Locator($"#explain-panel tr[data-judge='{finale.Judges[0].Id}'] td").First).ToHaveTextAsync("7,5");
        await Assertions.Expect(moderator.Locator("#explain-trail li[data-kind='Total']")).ToContainTextAsync("Totaal: 68,0555");
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
