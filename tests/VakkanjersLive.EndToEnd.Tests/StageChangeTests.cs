using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Issue 13 item 4: a judge who has scrolled down to "submit" cannot miss that another team came on stage. The bar
/// with the team on stage stays in view, a change is highlighted and announced (aria-live), and one tap opens the
/// new team's form.
/// </summary>
public sealed class StageChangeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly TestApp _app = new(kestrel: true);

    [Fact]
    public async Task AJudgeScrolledDown_SeesTheNewTeamOnStage_AndGoesToItsFormInOneTap()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var (first, next) = (finale.Teams.Single(t => t.Name == "De Bouwers"), finale.Teams.Single(t => t.Name == "De Vonken"));
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStage(first.CategoryId, first.Id)));

        var judge = await browser.NewPageAsync(_app, _contexts);
        await judge.SetViewportSizeAsync(1024, 600); // a tablet on its side: the form's submit button is below the fold
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));
        var bar = judge.Locator("#stage-bar");
        await Assertions.Expect(bar).ToContainTextAsync("Nu op het podium: De Bouwers");
        await Assertions.Expect(bar).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stage-changed"));

        // The judge opens the first team's form and scrolls down to its submit button.
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        var submit = judge.Locator($"[data-team-form='{first.Id}']").GetByRole(AriaRole.Button, new() { Name = "Score indienen" });
        await submit.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(judge.Locator("#on-stage")).Not.ToBeInViewportAsync();

        // The moderator puts the next team on stage.
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStage(next.CategoryId, next.Id)));

        await Assertions.Expect(judge.Locator("#stage-announcement")).ToHaveTextAsync("Nu op het podium: De Vonken");
        await Assertions.Expect(judge.Locator("#stage-announcement")).ToHaveAttributeAsync("aria-live", "assertive");
        await Assertions.Expect(bar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stage-changed"));
        await Assertions.Expect(bar).ToBeInViewportAsync();

        await bar.GetByRole(AriaRole.Button, new() { Name = "Naar dit team: De Vonken" }).ClickAsync();
        await Assertions.Expect(judge.Locator($"[data-team-form='{next.Id}']")).ToBeVisibleAsync();
        await Assertions.Expect(judge.Locator($"[data-team-form='{first.Id}']")).ToBeHiddenAsync();
        await Assertions.Expect(bar).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stage-changed"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _app.Dispose();
    }
}
