using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

public sealed class ModerationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task AModerator_HoldsApprovesAndHides_WhileTwoPhonesWatch()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, finale.Id);
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.ChangeChatSettings(s.ChatSettings with { HoldForReview = true })));

        var sender = await browser.NewPageAsync(_app, _contexts);
        var watcher = await browser.NewPageAsync(_app, _contexts);
        var moderator = await browser.NewPageAsync(_app, _contexts);
        foreach (var phone in new[] { sender, watcher })
        {
            await phone.GotoAsync($"/live/{finale.JoinCode}");
            await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        }

        var nickname = await sender.Locator("#nickname").TextContentAsync();
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/moderation");
        await Assertions.Expect(moderator.Locator("#held-empty")).ToBeVisibleAsync();

        // Held: the sender is told, nobody else sees it, the moderator gets it at once.
        await sender.GetByRole(AriaRole.Textbox, new() { Name = "Bericht" }).FillAsync("Hoe lang duurt de finale?");
        await sender.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(sender.Locator("#chat-feedback")).ToHaveTextAsync("Je bericht wacht op goedkeuring.");
        await Assertions.Expect(moderator.Locator("#held-list")).ToContainTextAsync("Hoe lang duurt de finale?");
        await Assertions.Expect(watcher.Locator("#chat-list li")).ToHaveCountAsync(0);

        // One click to approve: both phones show it.
        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Bericht van {nickname} goedkeuren" }).ClickAsync();
        foreach (var phone in new[] { sender, watcher })
        {
            await Assertions.Expect(phone.Locator("#chat-list")).ToContainTextAsync("Hoe lang duurt de finale?");
        }

        // One click to hide: it disappears from both phones.
        await moderator.Locator("#live-chat").GetByRole(AriaRole.Button, new() { Name = $"Bericht van {nickname} verbergen" }).ClickAsync();
        foreach (var phone in new[] { sender, watcher })
        {
            await Assertions.Expect(phone.Locator("#chat-list li")).ToHaveCountAsync(0);
        }

        // The log says who did what.
        await moderator.Locator("#load-log").ClickAsync();
        await Assertions.Expect(moderator.Locator("#moderation-log")).ToContainTextAsync("keurde goed");
        await Assertions.Expect(moderator.Locator("#moderation-log")).ToContainTextAsync("verborg een bericht van");
    }

    /// <summary>
    /// Issue 11: after panic mode the settings form shows the panic values (saving it cannot undo panic), and the live
    /// chat marks a viewer who is timed out, with the time left, and one who is banned.
    /// </summary>
    [Fact]
    public async Task AfterPanicMode_TheFormShowsThePanicValues_AndTheChatMarksTimedOutAndBannedViewers()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, finale.Id);
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        var (rowdy, worse) = (Guid.NewGuid(), Guid.NewGuid());
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "viewer", s => s.PostChat(Guid.NewGuid(), rowdy, "Luide Uil 12", "Eerste bericht", DateTimeOffset.UtcNow)));
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "viewer", s => s.PostChat(Guid.NewGuid(), worse, "Boze Vos 13", "Tweede bericht", DateTimeOffset.UtcNow)));

        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/moderation");
        var slowMode = moderator.Locator("input#slow-mode, #slow-mode input").First;
        await Assertions.Expect(slowMode).ToHaveValueAsync("0");

        await moderator.Locator("#panic").ClickAsync();
        await Assertions.Expect(slowMode).ToHaveValueAsync("30");
        await Assertions.Expect(moderator.GetByRole(AriaRole.Switch, new() { Name = "Berichten eerst goedkeuren" })).ToBeCheckedAsync();
        await moderator.Locator("#save-slow-mode").ClickAsync();
        Assert.Equal(ChatSettings.Panic, _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.ChatSettings);

        var chat = moderator.Locator("#live-chat");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Time-out voor Luide Uil 12" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Menuitem, new() { Name = "5 minuten" }).ClickAsync();
        await Assertions.Expect(chat.Locator("li", new() { HasText = "Eerste bericht" }).Locator("[data-standing='timed-out']")).ToHaveTextAsync("Time-out, nog 5 min");

        await moderator.GetByRole(AriaRole.Button, new() { Name = "Boze Vos 13 blokkeren" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Blokkeren" }).ClickAsync();
        await Assertions.Expect(chat.Locator("li", new() { HasText = "Tweede bericht" }).Locator("[data-standing='banned']")).ToHaveTextAsync("Geblokkeerd");
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
