using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 8: the producer switches the venue screen's scene on the live console, or lets the state choose;
/// a phone picks the category its stage card follows and keeps it after a reload.
/// </summary>
public sealed class SceneControlTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly TestApp _app = new(kestrel: true);

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    [Fact]
    public async Task TheProducer_SwitchesTheVenueScreen_FromAutoToThePoll_AndBack()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var team = finale.Teams.Single(t => t.Name == "De Bouwers");
        var poll = Guid.NewGuid();
        await Run(finale, s => s.CreatePoll(poll, "Wie wint de publieksprijs?", [new(Guid.NewGuid(), "De Bouwers"), new(Guid.NewGuid(), "De Vonken")], false));

        var screen = await browser.NewPageAsync(_app, _contexts);
        await screen.GotoAsync(await TestData.ScreenPathAsync(_app, "screen", finale.JoinCode));
        await Assertions.Expect(screen.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        var overlay = await browser.NewPageAsync(_app, _contexts);
        await overlay.GotoAsync(await TestData.ScreenPathAsync(_app, "overlay", finale.JoinCode));
        await Assertions.Expect(overlay.Locator("#live-status")).ToHaveTextAsync("Live verbonden");

        // The state: a poll opened, then a team came on stage (the latest happening wins).
        await Run(finale, s => s.OpenPoll(poll));
        await Run(finale, s => s.SetStage(team.CategoryId, team.Id));
        var live = screen.Locator("#live");
        await Assertions.Expect(live).ToHaveAttributeAsync("data-scene", "stage");

        var console = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(console, $"/events/{finale.Id}/live");
        var venue = console.Locator(".scene-control[data-display='screen']");
        await Assertions.Expect(venue.Locator(".scene-now")).ToHaveTextAsync("Gekozen: Automatisch");
        // What each screen shows now, as it says itself.
        await Assertions.Expect(venue.Locator(".scene-shown li")).ToHaveTextAsync(["Zaalscherm toont nu: Op het podium"]);
        var overlayControl = console.Locator(".scene-control[data-display='overlay']");
        await Assertions.Expect(overlayControl.Locator(".scene-shown li")).ToHaveTextAsync(["Zaalscherm toont nu: Op het podium"]);

        // A scene with nothing to show is refused with a clear message.
        await venue.GetByRole(AriaRole.Button, new() { Name = "Vraag", Exact = true }).ClickAsync();
        await Assertions.Expect(venue).ToContainTextAsync("Er is geen vraag 'nu aan de beurt'");
        await Assertions.Expect(live).ToHaveAttributeAsync("data-scene", "stage");

        await venue.GetByRole(AriaRole.Button, new() { Name = "Peiling", Exact = true }).ClickAsync();
        await Assertions.Expect(live).ToHaveAttributeAsync("data-scene", "poll");
        await Assertions.Expect(screen.Locator("#poll-card")).ToBeVisibleAsync();
        await Assertions.Expect(venue.Locator(".scene-now")).ToHaveTextAsync("Gekozen: Peiling");
        await Assertions.Expect(venue.Locator(".scene-shown li")).ToHaveTextAsync(["Zaalscherm toont nu: Peiling"]);
        await Assertions.Expect(venue.GetByRole(AriaRole.Button, new() { Name = "Peiling", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        // The overlay is chosen separately: it still follows the state.
        await Assertions.Expect(overlay.Locator("#live")).ToHaveAttributeAsync("data-scene", "stage");

        // A screen opened now gets the choice from its snapshot.
        var late = await browser.NewPageAsync(_app, _contexts);
        await late.GotoAsync(await TestData.ScreenPathAsync(_app, "screen", finale.JoinCode));
        await Assertions.Expect(late.Locator("#live")).ToHaveAttributeAsync("data-scene", "poll");
        await Assertions.Expect(venue.Locator(".scene-shown li")).ToHaveTextAsync(["Zaalscherm toont nu: Peiling", "Zaalscherm toont nu: Peiling"]);
        await late.CloseAsync();
        await Assertions.Expect(venue.Locator(".scene-shown li")).ToHaveTextAsync(["Zaalscherm toont nu: Peiling"]);

        await venue.GetByRole(AriaRole.Button, new() { Name = "Automatisch", Exact = true }).ClickAsync();
        await Assertions.Expect(live).ToHaveAttributeAsync("data-scene", "stage");
        await Assertions.Expect(venue.Locator(".scene-now")).ToHaveTextAsync("Gekozen: Automatisch");
        await Assertions.Expect(venue.Locator(".scene-shown li")).ToHaveTextAsync(["Zaalscherm toont nu: Op het podium"]);
    }

    [Fact]
    public async Task APhone_PicksACategory_AndKeepsItAfterAReload_WithTheTimerVisible()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var (junior, senior, school) = (finale.Categories[0].Id, Guid.NewGuid(), finale.Schools[0].Id);
        var seniorTeam = Guid.NewGuid();
        await Run(finale, s => s.AddCategory(senior, "Senior", "Klas 1–2"));
        await Run(finale, s => s.RegisterTeam(seniorTeam, "De Uitvinders van Morgen", school, senior, "Zonnewagen", ["Lotte"]));
        await Run(finale, s => s.PlanRunningOrder(senior, s.Date, new TimeOnly(9, 0), 30, 15, 0));
        await Run(finale, s => s.CallNextTeam(senior, DateTimeOffset.UtcNow, null));
        await Run(finale, s => s.SetStage(junior, finale.Teams.Single(t => t.Name == "De Bouwers").Id));

        var phone = await browser.NewPhoneAsync(_app, _contexts);
        await phone.GotoAsync($"/live/{finale.JoinCode}");
        var picker = phone.GetByLabel("Categorie volgen");
        var card = phone.Locator("#stage .stage-item");
        // By default the categories on stage: both.
        await Assertions.Expect(picker).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(card).ToHaveCountAsync(2);
        await Assertions.Expect(card.First).ToContainTextAsync("De Bouwers");

        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Senior" });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("De Uitvinders van Morgen");
        await Assertions.Expect(card.Locator(".pitch-timer .pitch-time")).ToBeVisibleAsync();

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(picker).ToHaveValueAsync(senior.ToString());
        await Assertions.Expect(card).ToContainTextAsync("De Uitvinders van Morgen");
        await Assertions.Expect(card.Locator(".pitch-timer .pitch-time")).ToBeVisibleAsync();

        // Back to following the stage: with the keyboard.
        await picker.FocusAsync();
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Wat nu op het podium staat" });
        await Assertions.Expect(card).ToHaveCountAsync(2);
        await Assertions.Expect(card.First).ToContainTextAsync("De Bouwers");
        await Assertions.Expect(card.First.Locator(".stage-team")).ToHaveCSSAsync("word-break", "normal");
    }

    private Task Run(LiveEvent e, Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(Commands.ForEventAsync(e.Id, Guid.NewGuid(), "test", decide));

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
