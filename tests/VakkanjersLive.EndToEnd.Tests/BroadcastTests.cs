using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// A producer plans Sterk Techniekonderwijs LIVE in the staff UI; a teacher finds it on the public schedule and a
/// pupil opens the join link before the start: the waiting room counts down and the page switches to English.
/// </summary>
public sealed class BroadcastTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    [Fact]
    public async Task AProducer_PlansASeriesAndAnEpisodeWithAGuest_AndAPupilWaitsForItInTheWaitingRoom()
    {
        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page, "/broadcasts");
        await page.Locator("#series-name").FillAsync("Sterk Techniekonderwijs LIVE");
        await page.Locator("#series-organiser").FillAsync("Jet-Net & TechNet");
        await page.Locator("#create-series").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sterk Techniekonderwijs LIVE", Level = 1 })).ToBeVisibleAsync();
        await StaffPages.WaitInteractiveAsync(page);

        var day = DateTime.Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator("#episode-theme").FillAsync("Techniekhubs");
        await page.Locator("#episode-date").FillAsync(day);
        await page.Locator("#episode-start").FillAsync("15:30");
        await page.Locator("#episode-end").FillAsync("16:30");
        await page.Locator("#plan-episode-button").ClickAsync();
        var episode = page.Locator("#episode-1");
        await Assertions.Expect(episode).ToContainTextAsync("Techniekhubs");

        // A guest without noted consent is refused, with the reason.
        await page.Locator("#ep1-guest-name").FillAsync("Sanne de Vries");
        await page.Locator("#ep1-guest-role").FillAsync("docent techniek");
        await page.Locator("#ep1-guest-organisation").FillAsync("Technova College");
        await episode.GetByLabel("De gast is volwassen (18+)").CheckAsync();
        await page.Locator("#ep1-add-guest").ClickAsync();
        await Assertions.Expect(episode.GetByRole(AriaRole.Alert)).ToContainTextAsync("toestemming");
        await episode.GetByLabel("Toestemming genoteerd", new() { Exact = false }).CheckAsync();
        await page.Locator("#ep1-add-guest").ClickAsync();
        await Assertions.Expect(page.Locator("#ep1-guests")).ToContainTextAsync("Sanne de Vries, docent techniek, Technova College");

        var series = Assert.Single(Store.Series.All);
        var joinCode = Assert.Single(Store.EpisodesOf(series.Id)).JoinCode;

        // Moved a day on, to 16:00: the same event and join link, the new time.
        var moved = DateTime.Today.AddDays(11);
        await page.Locator("#ep1-move-date").FillAsync(moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#ep1-move-start").FillAsync("16:00");
        await page.Locator("#ep1-move-end").FillAsync("17:00");
        await page.Locator("#ep1-move").ClickAsync();
        await Assertions.Expect(episode).ToContainTextAsync(moved.ToString("D", CultureInfo.GetCultureInfo("nl-NL")) + " 16:00");
        var planned = Assert.Single(Store.EpisodesOf(series.Id));
        Assert.Equal(joinCode, planned.JoinCode);
        Assert.Equal("Sanne de Vries", Assert.Single(planned.Broadcast.Guests).Name);

        // The teacher's view: the schedule with the join link and the calendar file.
        var teacher = await browser.NewPageAsync(_app, _contexts);
        await teacher.GotoAsync($"/series/{series.Id}");
        var upcoming = teacher.Locator("#upcoming");
        await Assertions.Expect(upcoming).ToContainTextAsync("Aflevering 1: Techniekhubs");
        await Assertions.Expect(upcoming).ToContainTextAsync("Sanne de Vries");
        var download = await teacher.RunAndWaitForDownloadAsync(() => upcoming.GetByRole(AriaRole.Link, new() { Name = "Zet in je agenda (.ics): Techniekhubs" }).ClickAsync());
        Assert.Equal("episode-1.ics", download.SuggestedFilename);

        // The pupil follows the join link: the waiting room counts down on the server's clock.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Naar de uitzending \"Techniekhubs\"" }).ClickAsync();
        await Assertions.Expect(teacher).ToHaveURLAsync($"{_app.BaseAddress}live/{planned.JoinCode}");
        var countdown = teacher.Locator("#waiting-countdown");
        await Assertions.Expect(countdown).ToContainTextAsync("dagen");
        var first = await countdown.TextContentAsync();
        await Assertions.Expect(countdown).Not.ToHaveTextAsync(first!);
        await Assertions.Expect(teacher.Locator("#episode-guests")).ToContainTextAsync("Sanne de Vries");
        await Assertions.Expect(teacher.Locator("#stage")).ToHaveCountAsync(0);

        // Dutch first, English on request.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Waiting room" })).ToBeVisibleAsync();
        await Assertions.Expect(teacher.Locator("#waiting-countdown")).ToContainTextAsync("days");
        await Assertions.Expect(teacher).ToHaveURLAsync($"{_app.BaseAddress}live/{planned.JoinCode}");
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
