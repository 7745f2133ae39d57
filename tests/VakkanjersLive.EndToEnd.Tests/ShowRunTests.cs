using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Issue 13, items 1–3: a producer plans the running order (drag and keyboard), then runs two teams through
/// "volgende team" with a short pitch timer while a judge scores and a phone watches; the timer shows on the console,
/// the judge's stage bar and the phone, from presentation through questions to over time.
/// </summary>
public sealed class ShowRunTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly TestApp _app = new(kestrel: true);

    [Fact]
    public async Task AProducerRunsTwoTeams_ThroughNextTeam_WhileAJudgeScores_AndAPhoneWatches()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var (bouwers, vonken) = (finale.Teams.Single(t => t.Name == "De Bouwers"), finale.Teams.Single(t => t.Name == "De Vonken"));
        var category = finale.Categories[0].Id;
        var store = _app.Services.GetRequiredService<ProjectionStore>();
        List<string> Order() => [.. store.GetEvent(finale.Id)!.RunningOrderOf(category).Select(s => store.GetEvent(finale.Id)!.FindTeam(s.TeamId)!.Name)];

        var producer = await browser.NewPageAsync(_app, _contexts);
        var judge = await browser.NewPageAsync(_app, _contexts);
        var phone = await browser.NewPhoneAsync(_app, _contexts);
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));
        await phone.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");

        // The producer plans a short programme: 10 s presentation, 5 s questions, no change-over.
        await StaffPages.SignInModeratorAsync(producer, $"/events/{finale.Id}/judging");
        await Assertions.Expect(producer.Locator("#next-up")).ToContainTextAsync("Nog geen volgorde");
        await producer.Locator("#plan-presentation").FillAsync("0:10");
        await producer.Locator("#plan-questions").FillAsync("0:05");
        await producer.Locator("#plan-changeover").FillAsync("0");
        await producer.Locator("#plan-order").ClickAsync();
        var rows = producer.Locator("#running-order tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.Equal(["De Bouwers", "De Vonken"], Order());

        // Drag De Vonken to the top, then put it back with the keyboard: the focus stays on the moved team.
        await rows.Nth(1).DragToAsync(rows.Nth(0));
        await Assertions.Expect(rows.Nth(0).GetByRole(AriaRole.Rowheader)).ToContainTextAsync("De Vonken");
        Assert.Equal(["De Vonken", "De Bouwers"], Order());
        await producer.GetByRole(AriaRole.Button, new() { Name = "Omlaag: De Vonken" }).FocusAsync();
        await producer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rows.Nth(0).GetByRole(AriaRole.Rowheader)).ToContainTextAsync("De Bouwers");
        await Assertions.Expect(producer.GetByRole(AriaRole.Button, new() { Name = "Omhoog: De Vonken" })).ToBeFocusedAsync();
        Assert.Equal(["De Bouwers", "De Vonken"], Order());

        // "Volgende team": De Bouwers on stage, judging open, the timer running everywhere.
        await Assertions.Expect(producer.Locator("#next-up")).ToContainTextAsync("Hierna: De Bouwers");
        await producer.GetByRole(AriaRole.Button, new() { Name = "Volgende team: De Bouwers" }).ClickAsync();
        await Assertions.Expect(producer.Locator("#moderator-on-stage")).ToHaveTextAsync("De Bouwers");
        await Assertions.Expect(judge.Locator("#stage-bar")).ToContainTextAsync("Nu op het podium: De Bouwers");
        await Assertions.Expect(judge.Locator("#on-stage")).ToContainTextAsync("Jurering open");
        var phoneTimer = phone.Locator("#stage .pitch-timer");
        foreach (var timer in new[] { producer.Locator("#console-pitch-timer"), judge.Locator("#jury-pitch-timer"), phoneTimer })
        {
            await Assertions.Expect(timer.Locator(".pitch-phase")).ToHaveTextAsync("Presentatie");
            await Assertions.Expect(timer.Locator(".pitch-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0:(0\\d|10)$"));
        }

        await Assertions.Expect(phone.Locator("#stage")).ToContainTextAsync("De Bouwers");

        // The warning, the questions, then the time over: the phone follows the server's clock.
        await Assertions.Expect(phoneTimer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pitch-warning"));
        await Assertions.Expect(phoneTimer.Locator(".pitch-phase")).ToHaveTextAsync("Vragen");
        await Assertions.Expect(judge.Locator("#jury-pitch-timer .pitch-phase")).ToHaveTextAsync("Vragen");
        await Assertions.Expect(phoneTimer.Locator(".pitch-phase")).ToHaveTextAsync("Over tijd", new() { Timeout = 30_000 });
        await Assertions.Expect(phoneTimer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pitch-overtime"));
        await Assertions.Expect(producer.Locator("#console-pitch-timer .pitch-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\+0:\\d\\d$"));

        // The judge scores De Bouwers; the second judge has not. The next team goes on; De Bouwers stays open.
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        var form = judge.Locator($"[data-team-form='{bouwers.Id}']");
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Oplossing, van 1 tot 10" }).GetByText("8", new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Radiogroup, new() { Name = "Score voor Presentatie, van 1 tot 10" }).GetByText("7", new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
        await Assertions.Expect(judge.Locator($"[data-status-for='{bouwers.Id}']")).ToContainTextAsync("Opgeslagen");

        await producer.GetByRole(AriaRole.Button, new() { Name = "Volgende team: De Vonken" }).ClickAsync();
        await Assertions.Expect(producer.Locator("#moderator-on-stage")).ToHaveTextAsync("De Vonken");
        await Assertions.Expect(producer.Locator("#still-open")).ToContainTextAsync("De Bouwers: wacht op Hans Bakker");
        await Assertions.Expect(producer.Locator("#next-up")).ToContainTextAsync("Alle teams van de volgorde zijn geweest.");
        await Assertions.Expect(producer.Locator("#next-team")).ToBeDisabledAsync();
        await Assertions.Expect(judge.Locator("#stage-bar")).ToContainTextAsync("Nu op het podium: De Vonken");
        await Assertions.Expect(phone.Locator("#stage")).ToContainTextAsync("De Vonken");
        await Assertions.Expect(phoneTimer.Locator(".pitch-phase")).ToHaveTextAsync("Presentatie");
        await Assertions.Expect(judge.Locator("#jury-pitch-timer .pitch-phase")).ToHaveTextAsync("Presentatie");

        var state = store.GetEvent(finale.Id)!;
        Assert.Equal(JudgingState.Open, state.JudgingOf(bouwers.Id));
        Assert.Equal(JudgingState.Open, state.JudgingOf(vonken.Id));
        Assert.Equal(vonken.Id, state.PitchTimerOf(category)!.TeamId);

        // A phone that joins late, once De Vonken is over time, reads the same timer, not a fresh one: over time too,
        // and as far over as the first phone (the offset to the server's clock errs by half Join's round trip at most).
        // (The pitch is 15 s from the call: a wait on the condition with room for a loaded box.)
        await Assertions.Expect(phoneTimer.Locator(".pitch-phase")).ToHaveTextAsync("Over tijd", new() { Timeout = 30_000 });
        var late = await browser.NewPhoneAsync(_app, _contexts);
        var joining = System.Diagnostics.Stopwatch.StartNew();
        await late.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(late.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        var roundTrip = joining.Elapsed.TotalSeconds;
        await Assertions.Expect(late.Locator("#stage .pitch-timer .pitch-phase")).ToHaveTextAsync("Over tijd");
        var (early, joinedLate) = (await ElapsedAsync(phone), await ElapsedAsync(late));
        Assert.InRange(joinedLate - early, -1 - (roundTrip / 2), 1 + (roundTrip / 2));
    }

    /// <summary>Seconds since the pitch started, read from a phone's timer (10 s presentation, 5 s questions).</summary>
    private static async Task<int> ElapsedAsync(IPage page)
    {
        var timer = page.Locator("#stage .pitch-timer");
        var phase = await timer.GetAttributeAsync("data-phase");
        var parts = (await timer.Locator(".pitch-time").TextContentAsync())!.TrimStart('+').Split(':');
        var seconds = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return phase switch
        {
            "presentation" => 10 - seconds,
            "questions" => 15 - seconds,
            _ => 15 + seconds,
        };
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
