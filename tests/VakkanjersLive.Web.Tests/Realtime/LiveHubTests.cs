using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

public sealed class LiveHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    public LiveHubTests() => _app = LimitsClock.App(_clock);

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
    }

    [Fact]
    public async Task Join_WithAnUnknownCode_IsRefusedWithAClearMessage()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);

        var result = await viewer.JoinAsync("ZZZZZZ");

        Assert.False(result.Ok);
        Assert.Equal("live.event.unknown", result.Code);
        Assert.Equal("Er is geen evenement met deze code. Controleer de code.", result.Message);
    }

    [Fact]
    public async Task ThisNodesViewers_AreKnownPerGroup_UntilTheyLeave_OrMoveToAnotherEvent()
    {
        var connections = _app.Services.GetRequiredService<LiveHubLifetimeManager>();
        var other = await TestData.SmallFinaleAsync(_app, "Andere finale");
        var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        var screen = await HubClient.ConnectAsync(_app);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);

        Assert.Single(connections.LocalMembers(LiveGroups.Audience(_event.Id)));
        Assert.Single(connections.LocalMembers(LiveGroups.Screens(_event.Id)));

        await viewer.JoinAsync(other.JoinCode);
        Assert.Empty(connections.LocalMembers(LiveGroups.Audience(_event.Id)));
        Assert.Single(connections.LocalMembers(LiveGroups.Audience(other.Id)));

        await viewer.DisposeAsync();
        await screen.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (connections.LocalMembers(LiveGroups.Audience(other.Id)).Any() || connections.LocalMembers(LiveGroups.Screens(_event.Id)).Any())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task Join_GivesASnapshot_AndAGeneratedNickname()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);

        var result = await viewer.JoinAsync(_event.JoinCode.ToLowerInvariant());

        Assert.True(result.Ok);
        Assert.Equal("Jureerfinale", result.EventName);
        Assert.Matches(@"^\p{L}+ \p{L}+ \d{2,3}$", result.Nickname);
        Assert.Equal(_app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!.Version, result.Snapshot!.Position);
        Assert.Single(result.Snapshot.Stage);
        Assert.Empty(result.Snapshot.Reveals);
    }

    [Theory]
    [InlineData("Kuuuut 12", "chat.nickname.blocked")]
    [InlineData("www.site.nl", "chat.nickname.invalid")]
    [InlineData("a", "chat.nickname.invalid")]
    [InlineData("<b>jan</b>", "chat.nickname.invalid")]
    public async Task Join_WithABadNickname_IsRefused(string nickname, string code)
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        var result = await viewer.JoinAsync(_event.JoinCode, nickname);
        Assert.False(result.Ok);
        Assert.Equal(code, result.Code);
    }

    /// <summary>Issue 11: invisible nicknames, look-alikes of reserved names, and copies of another viewer's name.</summary>
    [Theory]
    [InlineData("\u3164\u3164", "chat.nickname.invalid")]
    [InlineData("\u2800\u2800", "chat.nickname.invalid")]
    [InlineData("Moderator", "chat.nickname.reserved")]
    [InlineData("\u041Coderator", "chat.nickname.reserved")]
    [InlineData("Jury", "chat.nickname.reserved")]
    [InlineData("Organisatie", "chat.nickname.reserved")]
    public async Task Join_WithAnInvisibleOrReservedNickname_IsRefused(string nickname, string code)
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        var result = await viewer.JoinAsync(_event.JoinCode, nickname);
        Assert.False(result.Ok);
        Assert.Equal(code, result.Code);
        Assert.StartsWith("Deze bijnaam", (await viewer.JoinAsync(_event.JoinCode, "Moderator")).Message);
    }

    [Fact]
    public async Task Join_WithAnotherViewersNickname_OrALookAlike_IsTaken_AndARejoinKeepsTheName()
    {
        await using var alice = await HubClient.ConnectAsync(_app);
        await using var bob = await HubClient.ConnectAsync(_app);
        var generated = (await alice.JoinAsync(_event.JoinCode)).Nickname;

        Assert.Equal("chat.nickname.taken", (await bob.JoinAsync(_event.JoinCode, generated)).Code);
        Assert.Equal("chat.nickname.taken", (await bob.JoinAsync(_event.JoinCode, generated.ToUpperInvariant().Replace(' ', '_'))).Code);
        Assert.Equal(generated, (await alice.JoinAsync(_event.JoinCode)).Nickname);
        Assert.Equal(generated, (await alice.JoinAsync(_event.JoinCode, generated)).Nickname);

        var state = _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;
        Assert.Equal(generated, state.NicknameOfViewer(alice.ViewerId)!.Nickname);
        Assert.Null(state.NicknameOfViewer(bob.ViewerId));
    }

    /// <summary>
    /// Issue 11: with generated nicknames only (the child-safe default), the generated name the join page offered is
    /// the name the viewer gets; a typed name is replaced, and an offered name someone holds gives way to a drawn one.
    /// </summary>
    [Fact]
    public async Task Join_GeneratedOnly_KeepsAnOfferedGeneratedName_AndReplacesATypedOne()
    {
        await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.ChangeChatSettings(ChatSettings.Safe)));
        await using var alice = await HubClient.ConnectAsync(_app);
        await using var bob = await HubClient.ConnectAsync(_app);
        await using var carol = await HubClient.ConnectAsync(_app);

        Assert.Equal("Slimme Vos 42", (await alice.JoinAsync(_event.JoinCode, "Slimme Vos 42")).Nickname);
        var second = await bob.JoinAsync(_event.JoinCode, "Slimme Vos 42");
        var typed = await carol.JoinAsync(_event.JoinCode, "Robotfan");

        Assert.True(second.Ok, second.Code);
        Assert.NotEqual("Slimme Vos 42", second.Nickname);
        Assert.True(GeneratedNicknames.IsGenerated(second.Nickname), second.Nickname);
        Assert.True(typed.Ok, typed.Code);
        Assert.True(GeneratedNicknames.IsGenerated(typed.Nickname), typed.Nickname);
        var state = _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;
        Assert.Equal(new ViewerNickname("Slimme Vos 42", Generated: true), state.NicknameOfViewer(alice.ViewerId));
        Assert.Equal("Slimme Vos 42", (await alice.JoinAsync(_event.JoinCode, "Slimme Vos 42")).Nickname);
    }

    [Fact]
    public async Task Chat_RoundTrips_ToOtherViewers_AsText()
    {
        await using var alice = await HubClient.ConnectAsync(_app);
        await using var bob = await HubClient.ConnectAsync(_app);
        await alice.JoinAsync(_event.JoinCode, "Slimme Vos 42");
        await bob.JoinAsync(_event.JoinCode);

        var sent = await alice.ChatAsync("<script>alert(1)</script> wat een gaaf project!");
        var received = await bob.WaitForAsync(i => i.Type == FeedItemTypes.Chat);

        Assert.True(sent.Ok, sent.Message);
        Assert.Equal("Slimme Vos 42", received.Nickname);
        Assert.Equal("<script>alert(1)</script> wat een gaaf project!", received.Text);
    }

    [Theory]
    [InlineData("", "chat.text.required")]
    [InlineData("k u t", "chat.blocked-word")]
    [InlineData("F.U.C.K this", "chat.blocked-word")]
    [InlineData("kijk op www.voorbeeld.nl", "chat.link")]
    [InlineData("mail me: jan@voorbeeld.nl", "chat.contact-details")]
    [InlineData("bel 06-12345678", "chat.contact-details")]
    [InlineData("hallo\u200Bdaar", "chat.text.invalid-characters")]
    [InlineData("evil \u202E txt", "chat.text.invalid-characters")]
    [InlineData("\u3164\u3164 \u2800", "chat.text.required")]
    [InlineData("\u0455hit", "chat.blocked-word")]
    [InlineData("\uFF53\uFF49\uFF54\uFF45\uFF0E\uFF4E\uFF4C", "chat.link")]
    [InlineData("discord gg/abcdef", "chat.link")]
    [InlineData("snap: jan_2012", "chat.contact-details")]
    [InlineData("nul zes een twee drie vier vijf zes zeven acht", "chat.contact-details")]
    public async Task Chat_BreakingARule_IsRefusedWithTheReason(string text, string code)
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        var result = await viewer.ChatAsync(text);

        Assert.False(result.Ok);
        Assert.Equal(code, result.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Empty(_app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!.Chat.Messages);
    }

    [Fact]
    public async Task Chat_TooLong_IsRefused()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        var result = await viewer.ChatAsync(new string('a', LiveEvent.MaxChatLength + 1));
        Assert.Equal("chat.text.too-long", result.Code);
    }

    [Fact]
    public async Task Chat_Flood_IsCutOffAfterTheBurst()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        var results = new List<SendResult>();
        for (var i = 0; i < 10; i++)
        {
            results.Add(await viewer.ChatAsync($"bericht {i}"));
        }

        Assert.All(results.Take(3), r => Assert.True(r.Ok));
        Assert.All(results.Skip(3), r => Assert.Equal("chat.too-fast", r.Code));
        Assert.Equal(3, _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!.Chat.Messages.Count);

        // Then one per two seconds, on the limits' clock (not the wall clock).
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal("chat.too-fast", (await viewer.ChatAsync("te vroeg")).Code);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True((await viewer.ChatAsync("weer een")).Ok);
        Assert.Equal("chat.too-fast", (await viewer.ChatAsync("en nog een")).Code);
    }

    [Fact]
    public async Task Calls_BeforeJoining_OrWithoutPayload_GetClearErrors()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);

        Assert.Equal("live.not-joined", (await viewer.ChatAsync("hoi")).Code);
        await viewer.JoinAsync(_event.JoinCode);
        Assert.Equal("payload.invalid", (await viewer.Connection.InvokeAsync<SendResult>("SendChat", (ChatRequest?)null)).Code);
        Assert.Equal("payload.invalid", (await viewer.Connection.InvokeAsync<SendResult>("React", new ReactionRequest(Guid.NewGuid(), "boo"))).Code);
        Assert.Equal("payload.invalid", (await viewer.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, Guid.NewGuid(), null, "moderator"))).Code);
    }

    [Fact]
    public async Task Reactions_AreCountedAndCoalesced_AndCanBeSwitchedOff()
    {
        var team = _event.Teams[0];
        await using var viewer = await HubClient.ConnectAsync(_app);
        await using var screen = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await viewer.Connection.InvokeAsync<SendResult>("React", new ReactionRequest(team.Id, "applause"))).Ok);
        }

        var snapshot = await screen.NextReactionsAsync();
        var count = Assert.Single(snapshot.Counts);
        Assert.Equal((team.Id, "applause", 5L), (count.TeamId, count.Kind, count.Total));

        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SwitchReactions(false)));
        await viewer.WaitForAsync(i => i.Type == FeedItemTypes.Reactions && i.Enabled == false);
        // Refused before the limits, as ever: however often a phone taps, it hears "off", never "too fast".
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal("reactions.off", (await viewer.Connection.InvokeAsync<SendResult>("React", new ReactionRequest(team.Id, "applause"))).Code);
        }
    }

    [Fact]
    public async Task Join_CarriesTheReactionTotalsSoFar()
    {
        var team = _event.Teams[0];
        await using var early = await HubClient.ConnectAsync(_app);
        await early.JoinAsync(_event.JoinCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await early.Connection.InvokeAsync<SendResult>("React", new ReactionRequest(team.Id, "heart"))).Ok);
        }

        await using var late = await HubClient.ConnectAsync(_app);
        var joined = await late.JoinAsync(_event.JoinCode);

        var count = Assert.Single(joined.Reactions!.Counts);
        Assert.Equal((team.Id, "heart", 3L, 0), (count.TeamId, count.Kind, count.Total, count.Burst));
    }

    [Fact]
    public async Task Stage_AndStream_ReachViewersAndScreens()
    {
        var team = _event.Teams[0];
        await using var viewer = await HubClient.ConnectAsync(_app);
        await using var screen = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);

        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SetStage(team.CategoryId, team.Id)));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SetStream("https://www.youtube.com/watch?v=abc123")));

        foreach (var client in new[] { viewer, screen })
        {
            var stage = await client.WaitForAsync(i => i.Type == FeedItemTypes.Stage);
            Assert.Equal((team.Name, "De Regenboog", team.ProjectTitle), (stage.Team!.Name, stage.Team.School, stage.Team.Project));
            Assert.Equal("https://www.youtube.com/watch?v=abc123", (await client.WaitForAsync(i => i.Type == FeedItemTypes.Stream)).Url);
        }
    }

    [Fact]
    public async Task Resync_AfterADrop_ReturnsWhatWasMissed_OnceAndInOrder()
    {
        await using var talker = await HubClient.ConnectAsync(_app);
        await talker.JoinAsync(_event.JoinCode);
        var viewer = await HubClient.ConnectAsync(_app);
        var joined = await viewer.JoinAsync(_event.JoinCode);
        var last = joined.Snapshot!.Position;
        await viewer.DisposeAsync();

        foreach (var text in new[] { "een", "twee", "drie" })
        {
            Assert.True((await talker.ChatAsync(text)).Ok);
        }

        await talker.WaitForAsync(i => i.Text == "drie");
        await using var back = await HubClient.ConnectAsync(_app);
        await back.JoinAsync(_event.JoinCode);
        var resync = await back.Connection.InvokeAsync<ResyncResult>("Resync", last);

        Assert.True(resync.Ok);
        Assert.Null(resync.Snapshot);
        Assert.Equal(last, resync.Batch!.After);
        Assert.Equal(["een", "twee", "drie"], resync.Batch.Items.Where(i => i.Type == FeedItemTypes.Chat).Select(i => i.Text));
        Assert.Equal(resync.Batch.Items.Select(i => i.Position).Distinct().Order(), resync.Batch.Items.Select(i => i.Position));

        var stale = await back.Connection.InvokeAsync<ResyncResult>("Resync", -5L);
        Assert.NotNull(stale.Snapshot);
        Assert.Equal(["een", "twee", "drie"], stale.Snapshot!.Chat.Select(c => c.Text));
    }

    [Fact]
    public async Task Rejoin_WithItsLastPosition_GetsOnlyWhatItMissed_NotTheWholeSnapshot()
    {
        // A reconnect storm (issue 16): 10,000 phones coming back each asking for a full snapshot with 50 chat lines
        // is what made the re-join slower than the bare hub. A phone that knows its position gets the missed items.
        await using var talker = await HubClient.ConnectAsync(_app);
        await talker.JoinAsync(_event.JoinCode);
        var cookie = await AudienceIdentity.CookieAsync(_app);
        var viewer = await HubClient.ConnectAsync(_app, cookie);
        var last = (await viewer.JoinAsync(_event.JoinCode)).Snapshot!.Position;
        var viewerId = viewer.ViewerId;
        await viewer.DisposeAsync();

        foreach (var text in new[] { "een", "twee" })
        {
            Assert.True((await talker.ChatAsync(text)).Ok);
        }

        await talker.WaitForAsync(i => i.Text == "twee");
        await using var back = await HubClient.ConnectAsync(_app, cookie);
        var lean = await back.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, viewerId, null, ViewerKinds.Audience) { Since = last });

        Assert.True(lean.Ok);
        Assert.Null(lean.Snapshot);
        Assert.Equal(last, lean.Batch!.After);
        Assert.Equal(["een", "twee"], lean.Batch.Items.Where(i => i.Type == FeedItemTypes.Chat).Select(i => i.Text));

        // A position this node cannot serve from its buffer (ahead of it, or never seen) gets the snapshot, as before.
        await using var ahead = await HubClient.ConnectAsync(_app, cookie);
        var full = await ahead.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, viewerId, null, ViewerKinds.Audience) { Since = lean.Batch.UpTo + 1000 });
        Assert.Null(full.Batch);
        Assert.Equal(["een", "twee"], full.Snapshot!.Chat.Select(c => c.Text));
    }

    [Fact]
    public async Task Resync_AskedAgainAndAgain_IsRefusedAfterABurst_WhileJoinStaysLimitedToo()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        // Each answer can carry a snapshot or a ring buffer of items: a script asking in a loop is cut off.
        var answers = new List<ResyncResult>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await viewer.Connection.InvokeAsync<ResyncResult>("Resync", 0L));
        }

        Assert.All(answers.Take(5), a => Assert.True(a.Ok));
        Assert.False(answers[5].Ok);
        Assert.Equal("live.too-fast", answers[5].Code);

        var joins = new List<JoinResult>();
        for (var i = 0; i < 5; i++)
        {
            joins.Add(await viewer.JoinAsync(_event.JoinCode));
        }

        Assert.All(joins.Take(4), j => Assert.True(j.Ok));
        Assert.Equal("live.too-fast", joins[4].Code);
        Assert.Equal("Even geduld: je vraagt te vaak om bij te werken. Probeer het zo opnieuw.", joins[4].Message);

        // Then once per five seconds, each.
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await viewer.Connection.InvokeAsync<ResyncResult>("Resync", 0L)).Ok);
        Assert.Equal("live.too-fast", (await viewer.Connection.InvokeAsync<ResyncResult>("Resync", 0L)).Code);
        Assert.True((await viewer.JoinAsync(_event.JoinCode)).Ok);

        // Another connection (a reconnect) starts with its own allowance.
        await using var other = await HubClient.ConnectAsync(_app);
        Assert.True((await other.JoinAsync(_event.JoinCode)).Ok);
        Assert.True((await other.Connection.InvokeAsync<ResyncResult>("Resync", 0L)).Ok);
    }

    [Fact]
    public async Task Batches_ChainWithoutGaps_EvenWhenNonPublicEntriesComeBetween()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        var joined = await viewer.JoinAsync(_event.JoinCode);
        var team = _event.Teams[0];

        await viewer.ChatAsync("voor");
        await viewer.WaitForAsync(i => i.Text == "voor");
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.OpenJudging(team.Id)));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SetStage(team.CategoryId, team.Id)));
        await viewer.WaitForAsync(i => i.Type == FeedItemTypes.Stage);

        var batches = viewer.Batches.ToList();
        for (var i = 1; i < batches.Count; i++)
        {
            Assert.Equal(batches[i - 1].UpTo, batches[i].After);
        }

        Assert.True(batches[0].After <= joined.Snapshot!.Position);
        Assert.DoesNotContain(viewer.Items, i => i.Type is not (FeedItemTypes.Chat or FeedItemTypes.Stage or FeedItemTypes.ChatSettings));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
