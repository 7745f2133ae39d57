using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>What the walk through the app tripped over (issue 13, item 9), each checked where a person saw it.</summary>
public sealed class WalkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    [Fact]
    public async Task TheH1_TakesFocusAfterNavigation_WithoutAFocusBox_OnScreenOrOnPaper()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page);
        var heading = page.Locator("h1");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        Assert.Equal("none", await OutlineAsync(heading));

        // After a keyboard navigation too (where :focus-visible matches the programmatically focused heading).
        await page.Locator($"a[href='/events/{finale.Id}']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = finale.Name, Level = 1 })).ToBeFocusedAsync();
        Assert.Equal("none", await OutlineAsync(heading));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await OutlineAsync(heading));
    }

    [Fact]
    public async Task TheNameRequiredError_GoesAway_OnceANameIsTyped()
    {
        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page);

        await page.Locator("#create-event").ClickAsync();
        var error = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Naam: dit veld is verplicht." });
        await Assertions.Expect(error).ToBeVisibleAsync();

        await page.Locator("#event-name").FillAsync("Regiofinale Zuid");
        await Assertions.Expect(error).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheTeamsPager_SpeaksDutch_AndShowsFiftyTeamsAPage_OrAll()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        for (var i = 2; i <= 60; i++)
        {
            var name = $"Team {i:00}";
            await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.RegisterTeam(Guid.NewGuid(), name, finale.Schools[0].Id, finale.Categories[0].Id, "Project", ["Daan"])));
        }

        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page, $"/events/{finale.Id}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Finalisten" }).ClickAsync();

        var table = page.Locator("#team-table");
        await Assertions.Expect(table.Locator(".mud-table-pagination-caption").Last).ToHaveTextAsync("1-50 van 60");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(table.GetByRole(AriaRole.Button, new() { Name = "Volgende pagina" })).ToBeVisibleAsync();

        await table.Locator(".mud-table-pagination-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Alle" }).ClickAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(60);
    }

    [Fact]
    public async Task TheSetupTabs_AllFit_At1366PixelsWide()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await StaffPages.SignInModeratorAsync(page, $"/events/{finale.Id}");

        var codes = page.GetByRole(AriaRole.Tab, new() { Name = "Inlogcodes jury" });
        await Assertions.Expect(codes).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.Locator(".mud-tabs-scroll-button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheOverlay_ShowsTheTeamNameBiggerThanItsSchool()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStage(finale.Categories[0].Id, finale.Teams[0].Id)));
        var page = await browser.NewPageAsync(_app, _contexts);
        await page.SetViewportSizeAsync(1920, 1080);

        await page.GotoAsync(await TestData.ScreenPathAsync(_app, "overlay", finale.JoinCode));
        await Assertions.Expect(page.Locator(".stage-team")).ToHaveTextAsync("De Bouwers");

        var team = await FontSizeAsync(page.Locator(".stage-team"));
        var school = await FontSizeAsync(page.Locator(".stage-school"));
        Assert.True(team >= school * 1.3, $"team {team}px, school {school}px");
    }

    [Fact]
    public async Task ANewPhone_SeesTheReactionCountsSoFar_BeforeAnyoneTapsAgain()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStage(finale.Categories[0].Id, finale.Teams[0].Id)));
        var first = await browser.NewPhoneAsync(_app, _contexts);
        await first.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(first.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await first.GetByRole(AriaRole.Button, new() { Name = "Applaus" }).ClickAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Applaus" }).ClickAsync();
        await Assertions.Expect(first.Locator("[data-reaction='applause'] .reaction-count")).ToHaveTextAsync("2");

        var late = await browser.NewPhoneAsync(_app, _contexts);
        await late.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(late.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(late.Locator("[data-reaction='applause'] .reaction-count")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task FeedbackCards_KeepBulletsInTheirCell_AndHaveNoEmptyGeneralFeedbackHeading()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var team = finale.Teams.Single(t => t.Name == "De Bouwers");
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenJudging(team.Id)));
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SubmitScore(finale.Judges[0].Id, team.Id, [new(finale.Rubric[0].Id, 8, "Slim bedacht"), new(finale.Rubric[1].Id, 6, string.Empty)], null, null)));
        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page);

        await page.GotoAsync($"/events/{finale.Id}/feedback?team={team.Id}");
        var card = page.Locator($"article[data-team='{team.Id}']");
        await Assertions.Expect(card.Locator("li")).ToHaveTextAsync("Slim bedacht");

        await Assertions.Expect(card).Not.ToContainTextAsync("Algemene feedback");
        var bullet = await card.Locator("li").BoundingBoxAsync();
        var cell = await card.Locator("td", new() { Has = page.Locator("li") }).BoundingBoxAsync();
        Assert.True(bullet!.X - cell!.X >= 12, $"the list starts {bullet.X - cell.X}px into its cell: its bullet hangs outside");
    }

    private static Task<string> OutlineAsync(ILocator locator) =>
        locator.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");

    private static Task<double> FontSizeAsync(ILocator locator) =>
        locator.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

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
