using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Features.Live;
using VakkanjersLive.Web.Features.Moderation;

namespace VakkanjersLive.Web.Tests.Moderation;

/// <summary>
/// Issue 11: the moderation console's settings form shows the settings in force (after panic mode, after another
/// moderator), saving cannot silently undo them, the chat marks timed-out and banned viewers, and the child-safe
/// preset says what it does. Rendered against a real app node; time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class ModerationConsoleTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LiveEvent _event = default!;

    private static readonly TimeSpan LiveStaffPageFrame = VakkanjersLive.Web.Components.Shared.LiveStaffPage.Frame;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private ChatSettings Settings => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!.ChatSettings;

    public async Task InitializeAsync() => _event = await TestData.SmallFinaleAsync(_app);

    [Fact]
    public async Task TheSlowModeField_FollowsPanicMode_AndAnotherModeratorsChange()
    {
        await using var context = NewContext();
        var page = context.Render<ModerationConsole>(p => p.Add(c => c.EventId, _event.Id));
        page.WaitForAssertion(() => Assert.Equal("5", SlowModeInput(page).GetAttribute("value")));

        await Run(s => s.ChangeChatSettings(ChatSettings.Panic));
        page.WaitForAssertion(() => Assert.Equal("30", SlowModeInput(page).GetAttribute("value")));

        await Run(s => s.ChangeChatSettings(s.ChatSettings with { SlowModeSeconds = 60 }));
        _time.Advance(LiveStaffPageFrame); // a second change within a frame renders at the frame's end
        page.WaitForAssertion(() => Assert.Equal("60", SlowModeInput(page).GetAttribute("value")));
        Assert.Empty(page.FindAll("#settings-changed"));
    }

    [Fact]
    public async Task AFieldBeingEdited_KeepsItsValue_AndSavingAfterAChangeFromElsewhere_AsksFirst()
    {
        await using var context = NewContext();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<ModerationConsole>(p => p.Add(c => c.EventId, _event.Id));
        page.WaitForAssertion(() => Assert.Equal("5", SlowModeInput(page).GetAttribute("value")));
        SlowModeInput(page).Change("12");

        await Run(s => s.ChangeChatSettings(ChatSettings.Panic));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#settings-changed")));
        Assert.Equal("12", SlowModeInput(page).GetAttribute("value"));

        // Save: asked first; nothing is written while the question is open, and "cancel" shows what is in force.
        await page.InvokeAsync(() => page.Find("#save-slow-mode").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Toch 12 s opslaan?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(ChatSettings.Panic, Settings);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Annuleren").Click());
        page.WaitForAssertion(() => Assert.Equal("30", SlowModeInput(page).GetAttribute("value")));
        Assert.Equal(ChatSettings.Panic, Settings);
        Assert.Empty(page.FindAll("#settings-changed"));
    }

    [Fact]
    public async Task TheChat_MarksTimedOutViewersWithTheTimeLeft_AndBannedOnes_InBothConsoles()
    {
        await Run(s => s.ChangeChatSettings(s.ChatSettings with { HoldForReview = false, SlowModeSeconds = 0 }));
        var (timedOut, banned, fine) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var viewer in new[] { timedOut, banned, fine })
        {
            await Run(s => s.PostChat(Guid.NewGuid(), viewer, "Kijker", $"Bericht van {viewer}", _time.GetUtcNow()));
        }

        await Run(s => s.TimeOut(timedOut, 300, _time.GetUtcNow()));
        await Run(s => s.Ban(banned));
        await using var context = NewContext();
        var moderation = context.Render<ModerationConsole>(p => p.Add(c => c.EventId, _event.Id));
        var live = context.Render<LiveConsole>(p => p.Add(c => c.EventId, _event.Id));

        AssertMarks(moderation, "#live-chat", timedOut, banned, fine);
        AssertMarks(live, "#console-chat", timedOut, banned, fine);

        // The time left counts down, and the mark goes when the timeout ends.
        _time.Advance(TimeSpan.FromSeconds(250));
        moderation.WaitForAssertion(() => Assert.Contains("nog 50 s", Standing(moderation, "#live-chat", timedOut, "timed-out"), StringComparison.Ordinal));
        for (var i = 0; i < 60; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        moderation.WaitForAssertion(() => Assert.Single(moderation.FindAll("#live-chat [data-standing]")));
    }

    [Fact]
    public async Task TheChildSafePreset_HoldsEveryMessage_AndTheConsoleSaysSoInDutch()
    {
        Assert.True(Settings.HoldForReview);
        await using var context = NewContext();
        var page = context.Render<ModerationConsole>(p => p.Add(c => c.EventId, _event.Id));

        page.WaitForAssertion(() => Assert.Equal(
            "Kindveilige standaard (zo begint elke finale): elk bericht wacht op goedkeuring door een moderator, langzame modus 5 s, alleen bedachte bijnamen, geen links.",
            page.Find("#safe-preset-summary").TextContent.Trim()));
        Assert.Contains("langzame modus 30 s", page.Find("#panic-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains("Eerst goedkeuren", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePollPanel_ShowsAnAddressWithManyVotes_ByItsHashOnly()
    {
        var (poll, yes) = (Guid.NewGuid(), new PollOption(Guid.NewGuid(), "Ja"));
        await Run(s => s.CreatePoll(poll, "Publieksprijs?", [yes, new PollOption(Guid.NewGuid(), "Nee")], resultsLive: false));
        await Run(s => s.OpenPoll(poll));
        var origins = _app.Services.GetRequiredService<Web.Realtime.VoteOrigins>();
        var address = System.Net.IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < Features.Polls.PollPanel.SuspiciousVotes; i++)
        {
            await Run(s => s.Vote(poll, yes.Id, Guid.NewGuid()));
            origins.Record(poll, address, _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!.Version);
        }

        await using var context = NewContext();
        var page = context.Render<LiveConsole>(p => p.Add(c => c.EventId, _event.Id));

        page.WaitForAssertion(() => Assert.Equal(
            $"adres {origins.Origin(address)}: 10 van 10 stemmen",
            page.Find($"[data-origins-for='{poll}'] li .poll-origin-votes").TextContent.Trim()));
        Assert.DoesNotContain("203.0.113.7", page.Markup, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static AngleSharp.Dom.IElement SlowModeInput(IRenderedComponent<ModerationConsole> page) =>
        page.Find("#slow-mode") is { TagName: "INPUT" } input ? input : page.Find("#slow-mode input");

    private static void AssertMarks<T>(IRenderedComponent<T> page, string list, Guid timedOut, Guid banned, Guid fine)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll($"{list} li[data-message]").Count));
        Assert.Equal("Time-out, nog 5 min", Standing(page, list, timedOut, "timed-out"));
        Assert.Equal("Geblokkeerd", Standing(page, list, banned, "banned"));
        Assert.Equal("(no mark)", Standing(page, list, fine, "timed-out"));
        Assert.Equal("(no mark)", Standing(page, list, fine, "banned"));
    }

    private static string Standing<T>(IRenderedComponent<T> page, string list, Guid viewer, string standing)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll($"{list} li[data-message]").Single(li => li.TextContent.Contains(viewer.ToString(), StringComparison.Ordinal))
            .QuerySelector($"[data-standing='{standing}']")?.TextContent.Trim() ?? "(no mark)";

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));

    private BunitContext NewContext() => Components.StaffBunit.Context(_app, _time);
}
