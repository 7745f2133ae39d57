using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed class JudgeRestartTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private TestApp _app = new(kestrel: true);

    [Fact]
    public async Task AScoreSubmittedWhileTheServerRestarts_IsStoredOnceItIsBack()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var team = finale.Teams.Single(t => t.Name == "De Bouwers");
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStage(team.CategoryId, team.Id)));
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenJudging(team.Id)));

        var judge = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        var form = judge.Locator($"[data-team-form='{team.Id}']");
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Oplossing, van 1 tot 10" }).GetByText("9", new() { Exact = true }).ClickAsync();

        // The server goes down while the judge is still typing; they finish and submit anyway.
        var stopped = _app;
        var port = stopped.BaseAddress.Port;
        var directory = stopped.DataDirectory;
        stopped.Dispose();
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Presentatie, van 1 tot 10" }).GetByText("7", new() { Exact = true }).ClickAsync();
        await form.GetByLabel("Feedback voor het team (optioneel)").FillAsync("Getypt tijdens de herstart");
        await form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
        await Assertions.Expect(judge.Locator("#outbox-badge")).ToHaveTextAsync("1 wacht(en) op verzending");

        // Back on the same address and data: the outbox sends it, with the same command id.
        _app = new TestApp(directory, kestrel: true, port: port);
        await Assertions.Expect(judge.Locator("#outbox-badge")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        var card = _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.ScorecardOf(finale.Judges[0].Id, team.Id);
        Assert.NotNull(card);
        Assert.Equal([9, 7], card.Scores.Select(s => s.Value));
        Assert.Equal("Getypt tijdens de herstart", card.Comment);
        Assert.Equal(1, card.Revision);
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
