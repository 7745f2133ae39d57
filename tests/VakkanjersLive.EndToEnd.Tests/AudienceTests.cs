using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed class AudienceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task TwoPhones_AndTheVenueScreen_FollowTheShow_ChatReact_AndWatchTheReveal()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, finale.Id);
        var (bouwers, vonken) = (finale.Teams.Single(t => t.Name == "De Bouwers"), finale.Teams.Single(t => t.Name == "De Vonken"));
        await ScoreAndLockAsync(finale, bouwers, vonken);

        var phoneA = await browser.NewPhoneAsync(_app, _contexts);
        var phoneB = await browser.NewPhoneAsync(_app, _contexts);
        var screen = await browser.NewPageAsync(_app, _contexts);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        var sockets = new System.Collections.Concurrent.ConcurrentBag<string>();
        foreach (var page in new[] { phoneA, phoneB, screen })
        {
            page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        }

        // Through the join page with a typed nickname (the event allows typed ones): it reaches the live page, not the URL.
        await phoneA.GotoAsync("/live");
        await phoneA.Locator("#join-code").FillAsync(finale.JoinCode);
        await phoneA.Locator("#join-nickname").FillAsync("Snelle Uil 11");
        await phoneA.GetByRole(AriaRole.Button, new() { Name = "Meedoen" }).ClickAsync();
        await Assertions.Expect(phoneA.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        Assert.DoesNotContain("Uil", phoneA.Url, StringComparison.Ordinal);
        await Assertions.Expect(phoneA.Locator("#nickname")).ToHaveTextAsync("Snelle Uil 11");
        await phoneB.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(phoneB.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await screen.GotoAsync(await TestData.ScreenPathAsync(_app, "screen", finale.JoinCode));
        await Assertions.Expect(screen.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(screen.Locator(".qr svg")).ToBeVisibleAsync();

        // The moderator puts a team on stage: phones and screen show it without a reload.
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/judging");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "De Vonken op het podium zetten" }).ClickAsync();
        foreach (var page in new[] { phoneA, phoneB, screen })
        {
            await Assertions.Expect(page.Locator("#stage")).ToContainTextAsync("De Vonken");
        }

        // Chat and applause reach the other phone; HTML stays text.
        await phoneA.GetByRole(AriaRole.Textbox, new() { Name = "Bericht" }).FillAsync("<b>Wat</b> een gaaf project!");
        await phoneA.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(phoneB.Locator("#chat-list")).ToContainTextAsync("<b>Wat</b> een gaaf project!");
        await Assertions.Expect(phoneB.Locator("#chat-list b")).ToHaveCountAsync(0);
        await phoneB.GetByRole(AriaRole.Button, new() { Name = "Applaus" }).ClickAsync();
        await Assertions.Expect(phoneA.Locator("[data-reaction='applause'] .reaction-count")).ToHaveTextAsync("1");

        // A blocked word gets a clear reason, and nobody sees it.
        await phoneB.GetByRole(AriaRole.Textbox, new() { Name = "Bericht" }).FillAsync("k u t");
        await phoneB.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(phoneB.Locator("#chat-feedback")).ToHaveTextAsync("Dit bericht bevat een woord dat niet mag.");

        // Nothing about the results shows before the reveal.
        await Assertions.Expect(phoneA.Locator("#scoreboard")).ToHaveTextAsync("De uitslag wordt straks bekendgemaakt.");

        // The reveal, driven from the live console: last place first, then the winner, everywhere at once.
        await moderator.GotoAsync($"/events/{finale.Id}/live");
        await StaffPages.WaitInteractiveAsync(moderator);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Uitslag van Junior bevriezen" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap voor Junior" }).ClickAsync();
        foreach (var page in new[] { phoneA, phoneB, screen })
        {
            await Assertions.Expect(page.Locator(".reveal-row")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".reveal-row").First).ToContainTextAsync("De Vonken");
            await Assertions.Expect(page.Locator(".reveal-row").First).ToContainTextAsync("2e plaats");
        }

        await moderator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap voor Junior" }).ClickAsync();
        foreach (var page in new[] { phoneA, phoneB, screen })
        {
            await Assertions.Expect(page.Locator(".reveal-row.winner")).ToContainTextAsync("De Bouwers");
            await Assertions.Expect(page.Locator(".reveal-row.winner")).ToContainTextAsync("Winnaar!");
        }

        // No Blazor circuit on the audience side: the only sockets are the public hub's, and no Blazor script loads.
        Assert.NotEmpty(sockets);
        Assert.All(sockets, url => Assert.Contains("/hubs/live", url, StringComparison.Ordinal));
        Assert.DoesNotContain("blazor.web.js", await phoneA.ContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 11: with the child-safe settings (generated nicknames only) the name the join page offers is the name the
    /// viewer chats under, and no URL on the way carries it.
    /// </summary>
    [Fact]
    public async Task TheNameOfferedOnTheJoinPage_IsTheNameShownAfterJoining()
    {
        var finale = await TestData.SmallFinaleAsync(_app, "Bijnaamfinale");
        Assert.True(_app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.ChatSettings.GeneratedNicknamesOnly);
        var phone = await browser.NewPhoneAsync(_app, _contexts);
        var urls = new List<string>();
        phone.Request += (_, request) => urls.Add(request.Url);

        await phone.GotoAsync("/live");
        var offered = await phone.Locator("#join-nickname").InputValueAsync();
        Assert.True(GeneratedNicknames.IsGenerated(offered), offered);
        await phone.Locator("#join-code").FillAsync(finale.JoinCode.ToLowerInvariant());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Meedoen" }).ClickAsync();

        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(phone.Locator("#nickname")).ToHaveTextAsync(offered);
        var held = _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.Chat.Nicknames.Values.Single();
        Assert.Equal(new ViewerNickname(offered, Generated: true), held);
        var word = offered.Split(' ')[1];
        Assert.All(urls, url => Assert.DoesNotContain(word, Uri.UnescapeDataString(url), StringComparison.Ordinal));

        // A reload keeps the name (remembered for the event), and still no URL carries it.
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#nickname")).ToHaveTextAsync(offered);
    }

    [Fact]
    public async Task APhoneThatDropsItsConnection_CatchesUp_WithEveryMessageOnce()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, finale.Id); // messages post straight away, not held for review
        var phone = await browser.NewPhoneAsync(_app, _contexts);
        await phone.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Chat(finale, "eerste");
        await Assertions.Expect(phone.Locator("#chat-list")).ToContainTextAsync("eerste");

        // Kill the socket; messages sent meanwhile must arrive once the page reconnects on its own.
        await phone.EvaluateAsync("() => window.vklLive.connection.stop()");
        await Assertions.Expect(phone.Locator("#live-status")).Not.ToHaveTextAsync("Live verbonden");
        await Chat(finale, "tweede");
        await Chat(finale, "derde");

        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden", new() { Timeout = 20_000 });
        await Assertions.Expect(phone.Locator("#chat-list li")).ToHaveCountAsync(3);
        Assert.Equal(["eerste", "tweede", "derde"], await phone.Locator("#chat-list .chat-text").AllTextContentsAsync());
    }

    private Task Chat(LiveEvent finale, string text) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Testkijker", text, DateTimeOffset.UtcNow)));

    private async Task ScoreAndLockAsync(LiveEvent finale, Team first, Team second)
    {
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        async Task Run(Func<LiveEvent, ILiveEventFact> decide) => await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", decide));
        foreach (var (team, values) in new[] { (first, (9, 8)), (second, (5, 4)) })
        {
            await Run(s => s.OpenJudging(team.Id));
            foreach (var judge in finale.Judges)
            {
                await Run(s => s.SubmitScore(judge.Id, team.Id, [new CriterionScore(s.Rubric[0].Id, values.Item1, string.Empty), new CriterionScore(s.Rubric[1].Id, values.Item2, string.Empty)], null, null));
            }
        }

        await Run(s => s.ChooseMethod(VakkanjersLive.Domain.Scoring.AggregationMethod.WeightedMean));
        await Run(s => s.LockRound(s.CurrentRoundId));
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
