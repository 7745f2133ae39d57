using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>
/// The judging console runs the show (issue 13, items 1 and 2): plan the running order, move a team with the
/// keyboard's buttons, "volgende team" with the pitch timer on the server's clock, and the teams whose panel is still
/// scoring with who is missing.
/// </summary>
public sealed class ShowControlTests : IDisposable
{
    private static readonly DateTimeOffset Nine = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TestApp _app = new();
    private readonly FakeTimeProvider _clock = new(Nine);

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    private Task Run(Guid eventId, Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(eventId, Guid.NewGuid(), "test", decide));

    [Fact]
    public async Task PlanningTheProgramme_ThenMovingATeamDown_KeepsTheSlotsTimes()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var categoryId = finale.Categories[0].Id;
        await using var context = StaffBunit.Context(_app, _clock);
        var page = context.Render<JudgingConsole>(p => p.Add(c => c.EventId, finale.Id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#running-order-empty")));
        page.Find("#plan-start").Change("10:15");
        page.Find("#plan-presentation").Change("4:30");
        page.Find("#plan-questions").Change("2");
        page.Find("#plan-changeover").Change("1");
        await page.InvokeAsync(() => page.Find("#plan-form").Submit());

        page.WaitForAssertion(() => Assert.Equal(2, Store.GetEvent(finale.Id)!.RunningOrderOf(categoryId).Count));
        var order = Store.GetEvent(finale.Id)!.RunningOrderOf(categoryId);
        Assert.Equal([new TimeOnly(10, 15), new TimeOnly(10, 22, 30)], order.Select(s => s.Start));
        Assert.All(order, s => Assert.Equal((270, 120), (s.PresentationSeconds, s.QuestionSeconds)));
        Assert.Equal(["De Bouwers", "De Vonken"], order.Select(s => Store.GetEvent(finale.Id)!.FindTeam(s.TeamId)!.Name));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("button[aria-label='Omlaag: De Bouwers']")));
        Assert.True(page.Find("button[aria-label='Omhoog: De Bouwers']").HasAttribute("disabled"));
        await page.InvokeAsync(() => page.Find("button[aria-label='Omlaag: De Bouwers']").Click());

        page.WaitForAssertion(() => Assert.Equal(["De Vonken", "De Bouwers"], Store.GetEvent(finale.Id)!.RunningOrderOf(categoryId).Select(s => Store.GetEvent(finale.Id)!.FindTeam(s.TeamId)!.Name)));
        Assert.Equal([new TimeOnly(10, 15), new TimeOnly(10, 22, 30)], Store.GetEvent(finale.Id)!.RunningOrderOf(categoryId).Select(s => s.Start));
        page.WaitForAssertion(() => Assert.Contains("De Bouwers staat nu op plek 2.", page.Find("#running-order-status").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NextTeam_PutsTheFirstTeamOnWithTheTimer_ThenTheNext_ShowingWhoHasNotScoredTheFirst()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var categoryId = finale.Categories[0].Id;
        await Run(finale.Id, s => s.PlanRunningOrder(categoryId, s.Date, new TimeOnly(9, 0), 30, 15, 0));
        var (first, second) = (Store.GetEvent(finale.Id)!.RunningOrderOf(categoryId)[0].TeamId, Store.GetEvent(finale.Id)!.RunningOrderOf(categoryId)[1].TeamId);
        await using var context = StaffBunit.Context(_app, _clock);
        var page = context.Render(b =>
        {
            b.OpenComponent<MudDialogProvider>(0);
            b.CloseComponent();
            b.OpenComponent<JudgingConsole>(1);
            b.AddAttribute(2, "EventId", finale.Id);
            b.CloseComponent();
        });

        page.WaitForAssertion(() => Assert.Equal("Volgende team: De Bouwers", page.Find("#next-team").GetAttribute("aria-label")));
        Assert.True(page.Find("#console-pitch-timer").HasAttribute("hidden"));
        await page.InvokeAsync(() => page.Find("#next-team").Click());

        page.WaitForAssertion(() => Assert.Equal(first, Store.GetEvent(finale.Id)!.OnStage(categoryId)?.Id));
        Assert.Equal(JudgingState.Open, Store.GetEvent(finale.Id)!.JudgingOf(first));
        page.WaitForAssertion(() => Assert.Equal("De Bouwers", page.Find("#moderator-on-stage").TextContent.Trim()));
        var timer = page.Find("#console-pitch-timer");
        Assert.False(timer.HasAttribute("hidden"));
        Assert.Equal(Nine, DateTimeOffset.Parse(timer.GetAttribute("data-started-at")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("30", "15"), (timer.GetAttribute("data-presentation"), timer.GetAttribute("data-questions")));
        Assert.Equal(Nine.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timer.GetAttribute("data-server-now"));

        // One judge scores De Bouwers; the next team goes on, De Bouwers stays open waiting for the other judge.
        var judge = finale.Judges.Single(j => j.Name == "Marieke de Vries");
        await Run(finale.Id, s => s.SubmitScore(judge.Id, first, [new CriterionScore(s.Rubric[0].Id, 7, string.Empty), new CriterionScore(s.Rubric[1].Id, 6, string.Empty)], null, null));
        _clock.Advance(TimeSpan.FromSeconds(50));
        await page.InvokeAsync(() => page.Find("#next-team").Click());

        page.WaitForAssertion(() => Assert.Equal(second, Store.GetEvent(finale.Id)!.OnStage(categoryId)?.Id));
        Assert.Equal(Nine.AddSeconds(50), Store.GetEvent(finale.Id)!.PitchTimerOf(categoryId)!.StartedAt);
        page.WaitForAssertion(() => Assert.Contains("De Bouwers: wacht op Hans Bakker", System.Text.RegularExpressions.Regex.Replace(page.Find("#still-open").TextContent, @"\s+", " "), StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("Alle teams van de volgorde zijn geweest.", page.Find("#next-up").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("#next-team").HasAttribute("disabled"));

        // The moderator closes De Bouwers by hand.
        await page.InvokeAsync(() => page.Find("#still-open button[aria-label='Jurering voor De Bouwers sluiten']").Click());
        page.WaitForAssertion(() => Assert.Equal(JudgingState.Closed, Store.GetEvent(finale.Id)!.JudgingOf(first)));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#still-open")));
    }

    public void Dispose() => _app.Dispose();
}
