using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Panels and blends in browsers (issue 15): a coordinator picks "Jury 80 % / publiek 20 %", assigns the judges and
/// links the per-class poll in the judging console; the judges score, two classes vote, and the results page and the
/// explanation show the jury's and the public's parts and the blend, and so do the phones during the reveal.
/// </summary>
public sealed class PanelsBlendTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Question = "Publieksprijs Junior";
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveEvent Current(Guid eventId) => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(eventId)!;

    [Fact]
    public async Task Coordinator_BlendsJuryAndTheClassVote_AndTheResultsShowBothParts()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        var bouwers = finale.Teams.Single(t => t.Name == "De Bouwers");

        // The teachers of both schools made a class code each; the moderator drafted a per-class poll of the teams.
        var (code2B, codeH3) = (SignInCodes.Generate(), SignInCodes.Generate());
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.AddClass(Guid.NewGuid(), s.Schools.Single(x => x.Name == "De Regenboog").Id, "2B", null, code2B)));
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.AddClass(Guid.NewGuid(), s.Schools.Single(x => x.Name == "Het Baken").Id, "H3", null, codeH3)));
        var poll = Guid.NewGuid();
        var options = finale.Teams.Select(t => new PollOption(Guid.NewGuid(), $"{t.Name} ({finale.Schools.Single(s => s.Id == t.SchoolId).Name})", t.Id)).ToList();
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.CreatePoll(poll, Question, options, resultsLive: false, PollMode.PerClass)));

        // The coordinator picks the preset on the rubric tab.
        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page, $"/events/{finale.Id}");
        await StaffPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Beoordelingsformulier" }).ClickAsync();
        await page.Locator(".mud-select", new() { HasText = "Voorinstelling" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Jury 80 % / publiek 20 %" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules-panels")).ToContainTextAsync("jury 80 % · publiek 20 % (stemming per klas)");

        // In the judging console: every judge in the jury, and the class poll linked to the public.
        await page.GotoAsync($"/events/{finale.Id}/judging");
        await StaffPages.WaitInteractiveAsync(page);
        var section = page.Locator("#panels-section");
        foreach (var judge in finale.Judges)
        {
            await Assertions.Expect(section.GetByLabel(judge.Name, new() { Exact = true })).ToHaveValueAsync("jury");
        }

        await section.GetByLabel("Stemming voor publiek:").SelectOptionAsync(new SelectOptionValue { Label = Question });
        await Assertions.Expect(section.Locator(".panel-poll")).ToContainTextAsync("Gekoppeld: 0 klassen hebben gestemd");
        Assert.Equal(poll, Current(finale.Id).PanelPollOf(category, "public")?.Id);
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenPoll(poll)));

        // The judges score: De Bouwers (8, 7) twice, De Vonken (6, 7) twice: jury 75 and 58,33.
        foreach (var team in finale.Teams)
        {
            await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenJudging(team.Id)));
            foreach (var judge in finale.Judges)
            {
                await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), $"judge:{judge.Id}", s =>
                    s.SubmitScore(judge.Id, team.Id, [new CriterionScore(s.Rubric[0].Id, team == bouwers ? 8 : 6, ""), new CriterionScore(s.Rubric[1].Id, 7, "")], null, null)));
            }
        }

        // A pupil of each class votes for the other school's team: each class gives its team 12 points.
        await VoteAsync(code2B, "De Vonken (Het Baken)");
        await VoteAsync(codeH3, "De Bouwers (De Regenboog)");

        // Jury shares 75 / 133,33 = 56,25 % and 43,75 %; public 50 % each: 0.8 × 56,25 + 0.2 × 50 = 55.
        await page.GotoAsync($"/events/{finale.Id}/results");
        await StaffPages.WaitInteractiveAsync(page);
        var table = page.Locator("#results-table");
        await Assertions.Expect(table.Locator("th.panel-column")).ToHaveTextAsync(["jury (80 %)", "publiek (20 %)"]);
        var row = table.Locator($"tr[data-team='{bouwers.Id}']");
        await Assertions.Expect(row.Locator("td[data-panel='jury']")).ToHaveTextAsync("75,00 · 56,25 %");
        await Assertions.Expect(row.Locator("td[data-panel='public']")).ToHaveTextAsync("12,00 · 50 %");
        await Assertions.Expect(row.Locator("td.score")).ToHaveTextAsync("55,00");

        var explanation = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "uitleg: hoe is de score van De Bouwers tot stand gekomen?" }).ClickAsync());
        var panels = explanation.Locator("#explain-panels");
        await Assertions.Expect(panels.Locator("tr[data-panel='jury']")).ToContainTextAsync("75");
        await Assertions.Expect(panels.Locator("tr[data-panel='public']")).ToContainTextAsync("publiek (stemming per klas)");
        await Assertions.Expect(explanation.Locator("p[data-ballots='public']")).ToContainTextAsync("H3 (Het Baken) 12");
        await Assertions.Expect(explanation.Locator("#explain-panel td.judge-panel").First).ToHaveTextAsync("jury");
        await Assertions.Expect(explanation.Locator("#explain-trail li[data-kind='Total']")).ToHaveTextAsync("Totaal: 55");

        // The console's panels section and the explanation meet WCAG 2.1 AA.
        var axe = new AxeReport();
        await axe.CheckAsync(explanation, "the explanation of a blended result");
        await page.GotoAsync($"/events/{finale.Id}/judging");
        await StaffPages.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#panels-section .panel-poll")).ToContainTextAsync("Gekoppeld: 2 klassen hebben gestemd");
        await axe.CheckAsync(page, "the judging console with panels");
        axe.AssertClean();

        // The reveal: frozen after the sign-off, each place shows both parts on the phones.
        var phone = await browser.NewPageAsync(_app, _contexts);
        await phone.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.ClosePoll(poll)));
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.LockCategory(category)));
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.PrepareReveal(category, rehearsal: false, overrideReason: "Methode niet gekozen")));
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.StepReveal(category)));
        await Assertions.Expect(phone.Locator("#scoreboard .reveal-row[data-rank='2'] .reveal-parts")).ToHaveTextAsync("jury 58,33 · publiek 12");
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.StepReveal(category)));
        await Assertions.Expect(phone.Locator("#scoreboard .reveal-row.winner")).ToContainTextAsync("De Bouwers");
        await Assertions.Expect(phone.Locator("#scoreboard .reveal-row.winner .reveal-parts")).ToHaveTextAsync("jury 75 · publiek 12");
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

    private async Task VoteAsync(string classCode, string team)
    {
        var pupil = await browser.NewPageAsync(_app, _contexts);
        await pupil.GotoAsync($"/live?class={classCode}");
        await Assertions.Expect(pupil.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        var form = pupil.GetByRole(AriaRole.Group, new() { Name = Question });
        await form.GetByRole(AriaRole.Radio, new() { Name = team }).CheckAsync();
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Stemmen", Exact = true }).ClickAsync();
        await Assertions.Expect(pupil.Locator("#poll-status")).ToHaveTextAsync("Je stem is geteld.");
    }
}
