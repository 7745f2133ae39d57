using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// A producer runs an episode through three segments from the live console while a pupil's phone follows: the
/// segment and its guest change on the phone, the panel's poll opens with its segment, and questions close with the
/// Q&amp;A segment.
/// </summary>
public sealed class RunOfShowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    [Fact]
    public async Task AProducer_RunsThreeSegments_AndAPhoneFollows()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var start = DateTime.Today.AddDays(3).AddHours(15).AddMinutes(30);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", start, ("Sanne de Vries", "docent techniek", "Technova College"));
        var guest = episode.Broadcast.Guests[0].Id;
        var poll = Guid.NewGuid();
        Task Run(Func<LiveEvent, ILiveEventFact> decide) => BroadcastData.RunAsync(_app, episode.Id, decide);
        await Run(s => s.CreatePoll(poll, "Heb jij al eens een techniekhub bezocht?", [new PollOption(Guid.NewGuid(), "Ja"), new PollOption(Guid.NewGuid(), "Nog niet")], resultsLive: true));
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Vragen vooraf", 5, "Vragen aan, daarna weer uit", [], true, null, 0));
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Panelgesprek", 20, "Drie vragen aan Sanne", [guest], false, poll, 10));
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Afsluiting", 5, "", [], false, null, 0));
        await Run(s => s.GoLive());

        var producer = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(producer, $"/events/{episode.Id}/live");
        await StaffPages.WaitInteractiveAsync(producer);
        var console = producer.Locator("#run-of-show");
        await Assertions.Expect(console.Locator("#segment-next-up")).ToContainTextAsync("Vragen vooraf (5 min)");
        await Assertions.Expect(console.Locator(".segment-notes").Nth(1)).ToHaveTextAsync("Drie vragen aan Sanne");
        await Assertions.Expect(console.Locator(".segment-guests-on").Nth(1)).ToHaveTextAsync("Sanne de Vries");

        var phone = await browser.NewPhoneAsync(_app, _contexts);
        await phone.GotoAsync($"/live/{episode.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(phone.Locator("#segment-card")).ToBeHiddenAsync();
        await Assertions.Expect(phone.Locator("#questions-card")).ToBeHiddenAsync();

        // Segment 1: questions come on.
        await producer.Locator("#segment-next").ClickAsync();
        await Assertions.Expect(console.Locator("#segment-now")).ToHaveTextAsync("Vragen vooraf");
        await Assertions.Expect(phone.Locator("#segment-name")).ToHaveTextAsync("Vragen vooraf");
        await Assertions.Expect(phone.Locator("#segment-place")).ToHaveTextAsync("(deel 1 van 3)");
        await Assertions.Expect(phone.Locator("#questions-card")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#poll-card")).ToBeHiddenAsync();

        // Segment 2: the panel with its guest; the questions close with their segment, the poll opens with this one.
        await producer.Locator("#segment-next").ClickAsync();
        await Assertions.Expect(phone.Locator("#segment-name")).ToHaveTextAsync("Panelgesprek");
        await Assertions.Expect(phone.Locator("#segment-guests")).ToHaveTextAsync("Sanne de Vries, docent techniek (Technova College)");
        await Assertions.Expect(phone.Locator("#questions-card")).ToBeHiddenAsync();
        await Assertions.Expect(phone.Locator("#poll-card")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#poll")).ToContainTextAsync("Heb jij al eens een techniekhub bezocht?");
        await Assertions.Expect(console.Locator("#segment-now")).ToHaveTextAsync("Panelgesprek");
        await Assertions.Expect(console.Locator("#segment-next-up")).ToContainTextAsync("Afsluiting");

        // Segment 3: the poll closes with the panel, slow mode returns to the chat's own.
        await producer.Locator("#segment-next").ClickAsync();
        await Assertions.Expect(phone.Locator("#segment-name")).ToHaveTextAsync("Afsluiting");
        await Assertions.Expect(phone.Locator("#segment-guests li")).ToHaveCountAsync(0);
        await Assertions.Expect(phone.Locator("#poll-status")).ToContainTextAsync("De peiling is gesloten");
        await Assertions.Expect(console.Locator("#segment-next-up")).ToHaveTextAsync("geen (laatste segment)");

        var ran = Store.GetEvent(episode.Id)!;
        Assert.Equal(PollState.Closed, ran.FindPoll(poll)!.State);
        Assert.False(ran.QuestionsEnabled);
        Assert.Equal(ChatSettings.Safe.SlowModeSeconds, ran.ChatSettings.SlowModeSeconds);
        Assert.Equal(3, ran.Segments.Count(s => s.StartedAt is not null));

        // Past the last segment the show is over; the overlay's lower third had the guest while the panel was on.
        await producer.Locator("#segment-next").ClickAsync();
        await Assertions.Expect(console.Locator("#segment-now")).ToHaveTextAsync("afgelopen");
        await Assertions.Expect(phone.Locator("#segment-card")).ToBeHiddenAsync();
        await Assertions.Expect(producer.Locator("#segment-next")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task TheOverlay_ShowsTheGuestLowerThird_OfTheSegmentOnNow()
    {
        var series = await BroadcastData.SeriesAsync(_app);
        var episode = await BroadcastData.EpisodeAsync(_app, series, 1, "Techniekhubs", DateTime.Today.AddDays(3).AddHours(15), ("Sanne de Vries", "docent techniek", "Technova College"));
        var guest = episode.Broadcast.Guests[0].Id;
        Task Run(Func<LiveEvent, ILiveEventFact> decide) => BroadcastData.RunAsync(_app, episode.Id, decide);
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Intro", 5, "", [], false, null, 0));
        await Run(s => s.PlanSegment(Guid.NewGuid(), "Panel", 20, "", [guest], false, null, 0));
        await Run(s => s.GoLive());
        var overlay = await browser.NewPageAsync(_app, _contexts);
        await overlay.GotoAsync(await TestData.ScreenPathAsync(_app, "overlay", episode.JoinCode));
        var lowerThird = overlay.Locator("#guest-lower-third");
        await Assertions.Expect(overlay.Locator("#live-status")).ToHaveTextAsync("Live verbonden");

        await Run(s => s.AdvanceSegment(DateTimeOffset.UtcNow));
        await Assertions.Expect(lowerThird).ToBeHiddenAsync();
        await Run(s => s.AdvanceSegment(DateTimeOffset.UtcNow));
        await Assertions.Expect(lowerThird).ToBeVisibleAsync();
        await Assertions.Expect(lowerThird.Locator(".guest-name")).ToHaveTextAsync("Sanne de Vries");
        await Assertions.Expect(lowerThird.Locator(".guest-role")).ToHaveTextAsync("docent techniek");
        await Assertions.Expect(lowerThird.Locator(".guest-organisation")).ToHaveTextAsync("Technova College");
        await Run(s => s.AdvanceSegment(DateTimeOffset.UtcNow));
        await Assertions.Expect(lowerThird).ToBeHiddenAsync();
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
