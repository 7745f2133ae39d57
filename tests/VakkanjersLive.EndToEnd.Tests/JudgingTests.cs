using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed class JudgingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string SecretComment = "GEHEIM-van-Marieke-7319";
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task ModeratorAndTwoJudges_ScoreLive_OneOffline_EveryScoreArrivesOnce()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var team = finale.Teams.Single(t => t.Name == "De Bouwers");
        var (chair, second) = (finale.Judges[0], finale.Judges[1]);

        var judgeA = await browser.NewPageAsync(_app, _contexts);
        var judgeB = await browser.NewPageAsync(_app, _contexts);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        var framesToB = new StringBuilder();
        judgeB.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            framesToB.Append(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));

        await StaffPages.SignInJudgeAsync(judgeA, TestData.CodeOf(chair));
        await StaffPages.SignInJudgeAsync(judgeB, TestData.CodeOf(second));
        await Assertions.Expect(judgeA.Locator("#on-stage")).ToContainTextAsync("Er staat nu niemand op het podium.");

        // The moderator puts the team on stage and opens judging; both judges see it without a reload.
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/judging");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "De Bouwers op het podium zetten" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Jurering voor De Bouwers openen" }).ClickAsync();
        foreach (var judge in new[] { judgeA, judgeB })
        {
            await Assertions.Expect(judge.Locator("#on-stage")).ToContainTextAsync("De Bouwers");
            await Assertions.Expect(judge.Locator("#on-stage")).ToContainTextAsync("Jurering open");
        }

        // Judge A scores online.
        await ScoreAsync(judgeA, team, oplossing: 8, presentatie: 6, comment: SecretComment);
        await Assertions.Expect(judgeA.Locator($"[data-status-for='{team.Id}']")).ToContainTextAsync("Opgeslagen");

        // Judge B loses the network, scores anyway, and the score waits in the outbox.
        await judgeB.Context.SetOfflineAsync(true);
        await ScoreAsync(judgeB, team, oplossing: 6, presentatie: 10, comment: "Goed gedaan");
        await Assertions.Expect(judgeB.Locator("#outbox-badge")).ToHaveTextAsync("1 wacht(en) op verzending");
        await Assertions.Expect(judgeB.Locator($"[data-status-for='{team.Id}']")).ToContainTextAsync("Wacht op verzending");

        // Back online: the outbox sends it, and the grid shows both scores live.
        await judgeB.Context.SetOfflineAsync(false);
        await judgeB.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(judgeB.Locator($"[data-status-for='{team.Id}']")).ToContainTextAsync("Opgeslagen");
        await Assertions.Expect(judgeB.Locator("#outbox-badge")).ToBeHiddenAsync();

        var row = moderator.Locator($"#progress-grid td[data-team='{team.Id}']");
        await Assertions.Expect(row.Locator("xpath=self::*[contains(@class,'cell-scored')]")).ToHaveCountAsync(2);

        // Exactly one scorecard per judge: the resend was not counted twice.
        var journal = _app.Services.GetRequiredService<IJournal>();
        var submissions = new List<ScoreSubmitted>();
        await foreach (var entry in journal.ReadAsync(JournalStreams.ForEvent(finale.Id)))
        {
            if (FactSerializer.Deserialize(entry) is ScoreSubmitted s)
            {
                submissions.Add(s);
            }
        }

        Assert.Equal(2, submissions.Count);
        Assert.Equal(new[] { chair.Id, second.Id }.Order(), submissions.Select(s => s.JudgeId).Order());
        Assert.All(submissions, s => Assert.False(s.IsCorrection));

        // Results for the moderator. Totals are Σ w·(v−min)/(max−min) / Σ w · 100 with weights 3 and 1 on 1–10:
        // judge A (8, 6) = (3·7/9 + 1·5/9)/4 = 72.22; judge B (6, 10) = (3·5/9 + 1)/4 = 66.67; mean 69.44.
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Uitslag" }).First.ClickAsync();
        await StaffPages.WaitInteractiveAsync(moderator);
        await Assertions.Expect(moderator.Locator($"#results-table tr[data-team='{team.Id}'] .score")).ToHaveTextAsync("69,44");

        // Secrecy: judge B's circuit never carried judge A's comment.
        Assert.DoesNotContain(SecretComment, framesToB.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretComment, await judgeB.ContentAsync(), StringComparison.Ordinal);

        // The layout's sign-out button works from interactive pages (its form carries the antiforgery token). The
        // sign-out also ends the open circuit of that session, which may send the page to the sign-in form first, with
        // a return address: either way the page ends on the sign-in form.
        foreach (var page in new[] { moderator, judgeA })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/account/signin(\\?.*)?$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task ChairSignsOff_FreezeIsRefusedForAMissingScorecard_ThenAllowedWithAnOverrideInTheAuditCsv()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var team = finale.Teams.Single(t => t.Name == "De Bouwers");
        var (chair, second) = (finale.Judges[0], finale.Judges[1]);
        var judgeA = await browser.NewPageAsync(_app, _contexts);
        var judgeB = await browser.NewPageAsync(_app, _contexts);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInJudgeAsync(judgeA, TestData.CodeOf(chair));
        await StaffPages.SignInJudgeAsync(judgeB, TestData.CodeOf(second));

        // Only the chair scores De Bouwers; Hans Bakker's scorecard never comes.
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/judging");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "De Bouwers op het podium zetten" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Jurering voor De Bouwers openen" }).ClickAsync();
        await ScoreAsync(judgeA, team, oplossing: 8, presentatie: 6, comment: "Mooi");
        await Assertions.Expect(judgeA.Locator($"[data-status-for='{team.Id}']")).ToContainTextAsync("Opgeslagen");

        // The chair signs off Junior on /jury/results; every status reads true at once.
        await judgeA.GotoAsync("/jury/results");
        await StaffPages.WaitInteractiveAsync(judgeA);
        await judgeA.GetByRole(AriaRole.Button, new() { Name = "Junior aftekenen" }).ClickAsync();
        await judgeA.GetByRole(AriaRole.Button, new() { Name = "Categorie aftekenen" }).ClickAsync();
        await Assertions.Expect(judgeA.Locator("#category-lock-state")).ToHaveTextAsync("Junior is afgetekend: geen scores meer.");
        await Assertions.Expect(judgeA.Locator($"#chair-statuses tr[data-team='{team.Id}']")).ToContainTextAsync("Afgetekend");
        await Assertions.Expect(judgeB.Locator("#category-locked")).ToBeVisibleAsync();
        await Assertions.Expect(judgeB.Locator("#on-stage")).ToContainTextAsync("Afgetekend");
        await Assertions.Expect(judgeB.Locator("#on-stage")).Not.ToContainTextAsync("Jurering open");
        await Assertions.Expect(moderator.Locator("#judging-table")).ToContainTextAsync("Afgetekend");
        await Assertions.Expect(moderator.Locator("#judging-table")).Not.ToContainTextAsync("Jurering open");

        // The freeze is refused: the checklist names the missing scorecard.
        await moderator.GotoAsync($"/events/{finale.Id}/live");
        await StaffPages.WaitInteractiveAsync(moderator);
        var section = moderator.Locator($"section.reveal-control[data-category='{team.CategoryId}']");
        await Assertions.Expect(section.Locator(".readiness")).ToContainTextAsync("De Bouwers: 1 van 2 scorekaarten");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Uitslag van Junior bevriezen" }).ClickAsync();
        await Assertions.Expect(moderator.GetByText("Deze categorie is nog niet klaar", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(section).ToContainTextAsync("nog niet bevroren");

        // With a reason the lead moderator freezes anyway.
        await section.GetByLabel("Reden om toch te bevriezen (Junior)").FillAsync("Hans Bakker is ziek naar huis");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Uitslag van Junior toch bevriezen" }).ClickAsync();
        await Assertions.Expect(section).ToContainTextAsync("live: 0 van 1 bekendgemaakt");

        // The override, its reason and what it overrode are in the audit CSV.
        var audit = await (await moderator.Context.APIRequest.GetAsync($"/events/{finale.Id}/exports/audit.csv")).TextAsync();
        var line = Assert.Single(audit.Split('\n'), l => l.Contains("results frozen with override", StringComparison.Ordinal));
        Assert.Contains("Hans Bakker is ziek naar huis", line, StringComparison.Ordinal);
        Assert.Contains("scorecards De Bouwers 1/2", line, StringComparison.Ordinal);
        Assert.Contains("category locked", audit, StringComparison.Ordinal);
        Assert.Contains($"judge {chair.Name}", audit, StringComparison.Ordinal);
    }

    private static async Task ScoreAsync(IPage judge, Team team, int oplossing, int presentatie, string comment)
    {
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        var form = judge.Locator($"[data-team-form='{team.Id}']");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Oplossing, van 1 tot 10" }).GetByText(oplossing.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Presentatie, van 1 tot 10" }).GetByText(presentatie.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Exact = true }).ClickAsync();
        await form.GetByLabel("Feedback voor het team (optioneel)").FillAsync(comment);
        await form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
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
