using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Moderation;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>Each moderation action, seen from other viewers on the real hub.</summary>
public sealed class ModerationHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveEvent Current => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;

    public ModerationHubTests() => _app = LimitsClock.App(_clock);

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
    }

    [Fact]
    public async Task NewEvent_StartsChildSafe_GeneratedNicknamesAndSlowMode()
    {
        var fresh = await TestData.SmallFinaleAsync(_app, "Nieuwe finale");
        await using var viewer = await HubClient.ConnectAsync(_app);

        var joined = await viewer.JoinAsync(fresh.JoinCode, "Echte Naam");
        var first = await viewer.ChatAsync("hallo");
        var second = await viewer.ChatAsync("nog een");

        Assert.NotEqual("Echte Naam", joined.Nickname);
        Assert.Equal(("open", 5), (joined.Snapshot!.ChatMode, joined.Snapshot.SlowModeSeconds));
        Assert.True(first.Ok);
        Assert.Equal("chat.slow-mode", second.Code);
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("Langzame modus: wacht nog 1 seconden.", (await viewer.ChatAsync("nog een")).Message);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await viewer.ChatAsync("nu wel")).Ok);
        Assert.Equal("chat.link", (await (await JoinedAsync(fresh.JoinCode)).ChatAsync("kijk op www.school.nl")).Code);
    }

    [Fact]
    public async Task HeldMessages_WaitForAModerator_ThenApprovedOnesReachEveryone_RejectedOnesNobody()
    {
        await Run(s => s.ChangeChatSettings(s.ChatSettings with { HoldForReview = true }));
        var sender = await JoinedAsync();
        var other = await JoinedAsync();

        var held = await sender.ChatAsync("mag ik iets vragen?");
        var rejectedOne = await sender.ChatAsync("iets anders");
        Assert.Equal(("chat.held", "Je bericht wacht op goedkeuring."), (held.Code, held.Message));
        Assert.True(held.Ok);
        var queue = Current.HeldMessages.ToList();
        Assert.Equal(2, queue.Count);

        await Run(s => s.ApproveChat(queue[0].Id));
        await Run(s => s.RejectChat(queue[1].Id));
        var shown = await other.WaitForAsync(i => i.Type == FeedItemTypes.Chat);

        Assert.Equal("mag ik iets vragen?", shown.Text);
        await Chat(other, "sentinel");
        Assert.DoesNotContain(other.Items, i => i.Text == "iets anders");
        Assert.DoesNotContain(Current.Chat.Messages, m => m.Text == "iets anders" && m.Status == ChatStatus.Shown);
    }

    [Fact]
    public async Task AHiddenMessage_DisappearsForEveryViewer_AndFromLaterSnapshots()
    {
        var sender = await JoinedAsync();
        var other = await JoinedAsync();
        await Chat(sender, "oeps");
        var message = await other.WaitForAsync(i => i.Text == "oeps");

        await Run(s => s.HideChat(message.MessageId!.Value));

        var hidden = await other.WaitForAsync(i => i.Type == FeedItemTypes.ChatHidden);
        Assert.Equal(message.MessageId, hidden.MessageId);
        var late = await JoinedAsync();
        var snapshot = await late.Connection.InvokeAsync<ResyncResult>("Resync", -1L);
        Assert.DoesNotContain(snapshot.Snapshot!.Chat, c => c.Text == "oeps");
    }

    [Fact]
    public async Task ATimedOutViewer_CannotPost_OthersStill_Can()
    {
        var naughty = await JoinedAsync();
        var nice = await JoinedAsync();
        await Chat(naughty, "eerste");

        await Run(s => s.TimeOut(naughty.ViewerId, 60, DateTimeOffset.UtcNow));

        var refused = await naughty.ChatAsync("nog eentje");
        Assert.Equal("chat.timed-out", refused.Code);
        Assert.StartsWith("Je mag over ", refused.Message, StringComparison.Ordinal);
        Assert.True((await nice.ChatAsync("ik wel")).Ok);
    }

    [Fact]
    public async Task ABannedViewer_CannotPost_AndTheirMessagesDisappearEverywhere()
    {
        var banned = await JoinedAsync();
        var other = await JoinedAsync();
        await Chat(banned, "vervelend");
        await other.WaitForAsync(i => i.Text == "vervelend");

        await Run(s => s.Ban(banned.ViewerId));

        await other.WaitForAsync(i => i.Type == FeedItemTypes.ChatHidden);
        Assert.Equal("chat.banned", (await banned.ChatAsync("ik ben terug")).Code);
    }

    [Theory]
    [InlineData(ChatMode.Off, "chat.off")]
    [InlineData(ChatMode.Paused, "chat.paused")]
    public async Task ChatOffOrPaused_RefusesMessages_AndViewersAreTold(ChatMode mode, string code)
    {
        var viewer = await JoinedAsync();
        await Run(s => s.ChangeChatSettings(s.ChatSettings with { Mode = mode }));

        var settings = await viewer.WaitForAsync(i => i.Type == FeedItemTypes.ChatSettings && i.Mode == mode.ToString().ToLowerInvariant());
        Assert.NotNull(settings);
        Assert.Equal(code, (await viewer.ChatAsync("hoi")).Code);
    }

    [Fact]
    public async Task PanicPreset_HoldsEverything_AndStopsTypedNicknames()
    {
        await Run(_ => new ChatSettingsChanged(ChatSettings.Panic));
        var viewer = await HubClient.ConnectAsync(_app);
        var joined = await viewer.JoinAsync(_event.JoinCode, "Eigen Naam");

        Assert.NotEqual("Eigen Naam", joined.Nickname);
        Assert.Equal("chat.held", (await viewer.ChatAsync("hallo")).Code);
        Assert.Equal(30, joined.Snapshot!.SlowModeSeconds);
        await viewer.DisposeAsync();
    }

    [Fact]
    public async Task EventWords_AreBlockedAsWell_AndAllowedWordsPass()
    {
        var viewer = await JoinedAsync();
        await Run(s => s.ChangeBlockedWords(["broccoli"], ["loser"]));

        Assert.Equal("chat.blocked-word", (await viewer.ChatAsync("ik haat BR0CC0LI")).Code);
        Assert.True((await viewer.ChatAsync("de loser-prijs")).Ok);
    }

    [Fact]
    public async Task ZalgoAndOversizedPayloads_AreRefused_WithoutCrashing()
    {
        var viewer = await JoinedAsync();

        Assert.Equal("chat.text.zalgo", (await viewer.ChatAsync("h\u0301\u0302\u0303\u0304allo")).Code);
        await Assert.ThrowsAnyAsync<Exception>(() => viewer.ChatAsync(new string('x', 20_000)));
        var fresh = await JoinedAsync();
        Assert.True((await fresh.ChatAsync("nog steeds in de lucht")).Ok);
    }

    [Fact]
    public async Task Reports_LandInTheModeratorsQueue()
    {
        var sender = await JoinedAsync();
        var reporter = await JoinedAsync();
        await Chat(sender, "twijfelachtig");
        var message = await reporter.WaitForAsync(i => i.Text == "twijfelachtig");

        var report = await reporter.Connection.InvokeAsync<SendResult>("Report", new ReportRequest(message.MessageId!.Value, "gemeen"));
        var again = await reporter.Connection.InvokeAsync<SendResult>("Report", new ReportRequest(message.MessageId!.Value, null));

        Assert.Equal("chat.reported", report.Code);
        Assert.Equal("chat.report.duplicate", again.Code);
        Assert.Equal("gemeen", Assert.Single(Current.Reports).Reason);
    }

    [Fact]
    public async Task Reports_NotOnOnesOwnMessage_AndAReasonWithContactDetails_IsRefused()
    {
        var sender = await JoinedAsync();
        var reporter = await JoinedAsync();
        await Chat(sender, "twijfelachtig bericht");
        var message = await reporter.WaitForAsync(i => i.Text == "twijfelachtig bericht");

        var own = await sender.Connection.InvokeAsync<SendResult>("Report", new ReportRequest(message.MessageId!.Value, null));
        var phone = await reporter.Connection.InvokeAsync<SendResult>("Report", new ReportRequest(message.MessageId!.Value, "bel me op 06 12 34 56 78"));

        Assert.Equal("chat.report.own", own.Code);
        Assert.Equal(("chat.report.reason-refused", false), (phone.Code, phone.Ok));
        Assert.Empty(Current.Reports);
        Assert.Equal("chat.reported", (await reporter.Connection.InvokeAsync<SendResult>("Report", new ReportRequest(message.MessageId!.Value, "scheldwoord"))).Code);
    }

    [Fact]
    public async Task PinsAndAnnouncements_ReachEveryone()
    {
        var viewer = await JoinedAsync();
        await Run(s => s.Pin("Welkom! Wees aardig voor elkaar."));
        await Run(s => s.Announce(Guid.NewGuid(), "De uitslag begint over 5 minuten"));

        Assert.Equal("Welkom! Wees aardig voor elkaar.", (await viewer.WaitForAsync(i => i.Type == FeedItemTypes.Pinned)).Text);
        Assert.Equal("De uitslag begint over 5 minuten", (await viewer.WaitForAsync(i => i.Type == FeedItemTypes.Announcement)).Text);
    }

    [Fact]
    public async Task PurgeNow_ErasesChatFromTheJournal_AndFromEveryPage()
    {
        var sender = await JoinedAsync();
        var other = await JoinedAsync();
        await Chat(sender, "mijn geheimpje");
        await other.WaitForAsync(i => i.Text == "mijn geheimpje");
        var (pollId, optionId) = (Guid.NewGuid(), Guid.NewGuid());
        await Run(s => s.CreatePoll(pollId, "Leuk?", [new PollOption(optionId, "Ja"), new PollOption(Guid.NewGuid(), "Nee")], resultsLive: false));
        await Run(s => s.OpenPoll(pollId));
        Assert.True((await sender.VoteAsync(pollId, optionId)).Ok);

        var result = await _app.Services.GetRequiredService<ChatPurge>().PurgeAsync(_event.Id, "test");

        Assert.True(result.Succeeded);
        await other.WaitForAsync(i => i.Type == FeedItemTypes.ChatCleared);
        Assert.Empty(Current.Chat.Messages);
        Assert.Equal(1, Current.FindPoll(pollId)!.TotalVotes);
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(_event.Id)))
        {
            Assert.DoesNotContain("geheimpje", entry.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain(sender.ViewerId.ToString(), entry.Payload, StringComparison.OrdinalIgnoreCase);
        }

        var resync = await other.Connection.InvokeAsync<ResyncResult>("Resync", 0L);
        Assert.DoesNotContain("geheimpje", System.Text.Json.JsonSerializer.Serialize(resync), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutomaticPurge_ErasesOnlyEventsPastTheirRetention()
    {
        var old = await TestData.SmallFinaleAsync(_app, "Oude finale");
        await Run(s => s.ChangeDetails(s.Name, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40)), s.Venue, s.Theme), old.Id);
        await Run(s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Kijker", "oud bericht", DateTimeOffset.UtcNow), old.Id);
        await Run(s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Kijker", "nieuw bericht", DateTimeOffset.UtcNow));

        var purged = await _app.Services.GetRequiredService<AutomaticChatPurge>().PurgeDueAsync(CancellationToken.None);

        Assert.Equal([old.Id], purged);
        Assert.Empty(_app.Services.GetRequiredService<ProjectionStore>().GetEvent(old.Id)!.Chat.Messages);
        Assert.Single(Current.Chat.Messages);
    }

    private async Task<HubClient> JoinedAsync(string? code = null)
    {
        var client = await HubClient.ConnectAsync(_app);
        _clients.Add(client);
        Assert.True((await client.JoinAsync(code ?? _event.JoinCode)).Ok);
        return client;
    }

    private readonly List<HubClient> _clients = [];

    private static async Task Chat(HubClient client, string text)
    {
        var result = await client.ChatAsync(text);
        Assert.True(result.Ok, result.Message);
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide, Guid? eventId = null) =>
        TestData.Ok(Commands.ForEventAsync(eventId ?? _event.Id, Guid.NewGuid(), "moderator:test", decide));

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _app.Dispose();
    }
}
