using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Chat and its moderation on <see cref="LiveEvent"/>: posting, the review queue, hiding, timeouts, bans, reports,
/// per-event words, pins, announcements, purges and the bounded chat history.
/// </summary>
public sealed class ModerationTests
{
    private const string Nickname = "Slimme Vos 42";

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 19, 30, 0, TimeSpan.FromHours(2));

    private readonly Guid _viewer = Guid.NewGuid();
    private readonly Guid _otherViewer = Guid.NewGuid();
    /// <summary>The child-safe settings without hold-for-review: most tests post straight to the chat.</summary>
    private static readonly ChatSettings Open = ChatSettings.Safe with { HoldForReview = false };

    private readonly LiveEvent _event = WithSettings(Scenario.NewEvent(), Open);

    private static LiveEvent Post(LiveEvent state, Guid messageId, Guid viewerId, string text = "Wat gaaf!") =>
        state.Then(state.PostChat(messageId, viewerId, Nickname, text, Now));

    private static LiveEvent WithSettings(LiveEvent state, ChatSettings settings) => state.Then(state.ChangeChatSettings(settings));

    /// <summary>The event in panic mode with one held message of <see cref="_viewer"/>.</summary>
    private LiveEvent WithHeldMessage(Guid messageId) => Post(WithSettings(_event, ChatSettings.Panic), messageId, _viewer);

    // ---- settings ----------------------------------------------------------------------------------------------

    [Fact]
    public void NewEvent_StartsWithTheSafeChatSettings_WhichHoldEveryMessageForReview()
    {
        var fresh = Scenario.NewEvent();
        var settings = fresh.ChatSettings;

        Assert.Same(ChatSettings.Safe, settings);
        Assert.Equal(ChatMode.Open, settings.Mode);
        Assert.True(settings.HoldForReview);
        Assert.IsType<ChatHeld>(fresh.PostChat(Guid.NewGuid(), _viewer, Nickname, "Hoi", Now));
        Assert.Equal(5, settings.SlowModeSeconds);
        Assert.True(settings.GeneratedNicknamesOnly);
        Assert.True(settings.BlockLinks);
    }

    [Fact]
    public void NewEvent_HasNoChatModerationState()
    {
        Assert.Empty(_event.Chat.Messages);
        Assert.Empty(_event.TimeOuts);
        Assert.Empty(_event.Banned);
        Assert.Empty(_event.Reports);
        Assert.Empty(_event.ExtraBlockedWords);
        Assert.Empty(_event.AllowedWords);
        Assert.Empty(_event.Announcements);
        Assert.Equal(string.Empty, _event.PinnedMessage);
        Assert.Equal(0, _event.PurgedMessages);
    }

    [Fact]
    public void PanicPreset_HoldsEverythingForReviewWithA30SecondSlowMode()
    {
        Assert.Equal(new ChatSettings(ChatMode.Open, HoldForReview: true, SlowModeSeconds: 30, GeneratedNicknamesOnly: true, BlockLinks: true), ChatSettings.Panic);
    }

    [Fact]
    public void ChangeChatSettings_EditedFromSettingsNoLongerInForce_IsRefused()
    {
        var panic = WithSettings(_event, ChatSettings.Panic);

        Rejected.With("chat.settings.changed", () => panic.ChangeChatSettings(Open with { SlowModeSeconds = 10 }, editedFrom: Open));
        Assert.Equal(10, panic.ChangeChatSettings(ChatSettings.Panic with { SlowModeSeconds = 10 }, editedFrom: ChatSettings.Panic).Settings.SlowModeSeconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(LiveEvent.MaxSlowModeSeconds)]
    public void ChangeChatSettings_WithASlowModeFrom0To300_IsAppliedAsGiven(int seconds)
    {
        var settings = new ChatSettings(ChatMode.Paused, HoldForReview: true, seconds, GeneratedNicknamesOnly: false, BlockLinks: false);

        var fact = _event.ChangeChatSettings(settings);
        var e = _event.Then(fact);

        Assert.Equal(new ChatSettingsChanged(settings), fact);
        Assert.Equal(settings, e.ChatSettings);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(LiveEvent.MaxSlowModeSeconds + 1)]
    [InlineData(3600)]
    public void ChangeChatSettings_WithASlowModeOutside0To300_IsRejected(int seconds)
    {
        var exception = Rejected.With("chat.settings.invalid", () => _event.ChangeChatSettings(ChatSettings.Safe with { SlowModeSeconds = seconds }));

        Assert.Equal([0, 300], exception.Arguments);
    }

    [Fact]
    public void ChangeChatSettings_WithAnUndefinedMode_IsRejected()
    {
        Rejected.With("chat.settings.invalid", () => _event.ChangeChatSettings(ChatSettings.Safe with { Mode = (ChatMode)42 }));
    }

    [Fact]
    public void ChangeChatSettings_OnAnEventThatDoesNotExist_IsRejected()
    {
        Rejected.With("event.unknown", () => LiveEvent.Empty.ChangeChatSettings(ChatSettings.Panic));
    }

    // ---- posting -----------------------------------------------------------------------------------------------

    [Fact]
    public void PostChat_WithOpenChat_ReturnsChatPostedWithTrimmedTextAndNickname()
    {
        var messageId = Guid.NewGuid();

        var fact = _event.PostChat(messageId, _viewer, "  Slimme Vos 42 ", "  Wat gaaf!  ", Now);

        Assert.Equal(new ChatPosted(messageId, _viewer, Nickname, "Wat gaaf!"), fact);
    }

    [Fact]
    public void ChatPosted_ThenApply_ShowsTheMessageAtItsPosition()
    {
        var messageId = Guid.NewGuid();

        var e = Post(_event, messageId, _viewer);

        var message = Assert.Single(e.Chat.Messages);
        Assert.Equal(new ChatMessage(messageId, _viewer, Nickname, "Wat gaaf!", e.Version, ChatStatus.Shown), message);
        Assert.Empty(e.HeldMessages);
    }

    [Fact]
    public void PostChat_WhenHoldForReview_ReturnsChatHeld()
    {
        var e = WithSettings(_event, ChatSettings.Panic);
        var messageId = Guid.NewGuid();

        var fact = e.PostChat(messageId, _viewer, Nickname, "Mag dit?", Now);

        Assert.Equal(new ChatHeld(messageId, _viewer, Nickname, "Mag dit?"), fact);
    }

    [Fact]
    public void ChatHeld_ThenApply_IsHeldAndNotShown()
    {
        var messageId = Guid.NewGuid();

        var e = WithHeldMessage(messageId);

        var message = Assert.Single(e.Chat.Messages);
        Assert.Equal(ChatStatus.Held, message.Status);
        Assert.Equal(e.Version, message.Position);
        Assert.Equal(messageId, Assert.Single(e.HeldMessages).Id);
        Assert.DoesNotContain(e.Chat.Messages, m => m.Status == ChatStatus.Shown);
    }

    [Fact]
    public void PostChat_WithAnEmptyOrReusedId_IsRejected()
    {
        var messageId = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);

        Rejected.With("id.invalid", () => e.PostChat(messageId, _otherViewer, Nickname, "Nog een keer", Now));
        Rejected.With("id.invalid", () => e.PostChat(Guid.Empty, _viewer, Nickname, "Hoi", Now));
        Rejected.With("id.invalid", () => e.PostChat(Guid.NewGuid(), Guid.Empty, Nickname, "Hoi", Now));
    }

    [Theory]
    [InlineData(null, "chat.text.required")]
    [InlineData("   ", "chat.text.required")]
    [InlineData("a\u200Bb", "chat.text.invalid-characters")]
    public void PostChat_WithMissingOrInvalidText_IsRejected(string? text, string code)
    {
        Rejected.With(code, () => _event.PostChat(Guid.NewGuid(), _viewer, Nickname, text, Now));
    }

    [Fact]
    public void PostChat_WithTextOverTheMaximumLength_IsRejected()
    {
        Assert.IsType<ChatPosted>(_event.PostChat(Guid.NewGuid(), _viewer, Nickname, new string('a', LiveEvent.MaxChatLength), Now));

        var exception = Rejected.With("chat.text.too-long", () => _event.PostChat(Guid.NewGuid(), _viewer, Nickname, new string('a', LiveEvent.MaxChatLength + 1), Now));
        Assert.Equal(300, Assert.Single(exception.Arguments));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("jan@school.nl")]
    [InlineData("www.site.nl")]
    [InlineData("Vos!")]
    public void PostChat_WithAnInvalidNickname_IsRejected(string nickname)
    {
        Rejected.With("chat.nickname.invalid", () => _event.PostChat(Guid.NewGuid(), _viewer, nickname, "Hoi", Now));
    }

    [Fact]
    public void PostChat_WithANicknameOverTheMaximumLength_IsRejected()
    {
        Assert.Equal("Wijze_Uil-12 ABCDEFGHIJK", LiveEvent.CheckNickname("Wijze_Uil-12 ABCDEFGHIJK"));

        Rejected.With("chat.nickname.too-long", () => _event.PostChat(Guid.NewGuid(), _viewer, new string('a', LiveEvent.MaxNicknameLength + 1), "Hoi", Now));
    }

    [Fact]
    public void PostChat_WhenChatIsOff_IsRejected()
    {
        var e = WithSettings(_event, Open with { Mode = ChatMode.Off });

        Rejected.With("chat.off", () => e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Hoi", Now));
        Rejected.With("chat.off", () => e.EnsureMayChat(_viewer, Now));
    }

    [Fact]
    public void PostChat_WhenChatIsPaused_IsRejected()
    {
        var e = WithSettings(_event, ChatSettings.Panic with { Mode = ChatMode.Paused });

        Rejected.With("chat.paused", () => e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Hoi", Now));
        Rejected.With("chat.paused", () => e.EnsureMayChat(_viewer, Now));
    }

    [Fact]
    public void PostChat_AfterChatIsReopened_IsAccepted()
    {
        var e = WithSettings(_event, Open with { Mode = ChatMode.Off });
        e = WithSettings(e, Open);

        Assert.IsType<ChatPosted>(e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Hoi", Now));
    }

    // ---- zalgo -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Z\u0351\u0364\u036Balgo")]
    [InlineData("h\u0336\u0336\u0336oi")]
    [InlineData("hoi a\u0336\u0337\u0335")]
    [InlineData("x\u20DD\u20DD\u20DD")]
    public void PostChat_WithThreeOrMoreStackedCombiningMarks_IsRejectedAsZalgo(string text)
    {
        Assert.True(LiveEvent.IsZalgo(text));
        Rejected.With("chat.text.zalgo", () => _event.PostChat(Guid.NewGuid(), _viewer, Nickname, text, Now));
    }

    [Theory]
    [InlineData("Crème brûlée en een café")]
    [InlineData("Zoë gaat skiën")]
    [InlineData("Dankjewel, Düsseldorf!")]
    [InlineData("Tiếng Việt")]
    [InlineData("Vie\u0323\u0302t Nam")]
    [InlineData("مُحَمَّد")]
    [InlineData("a\u0336\u0337 twee tekens")]
    public void PostChat_WithNormalAccentsOfAtMostTwoMarks_IsAccepted(string text)
    {
        var fact = Assert.IsType<ChatPosted>(_event.PostChat(Guid.NewGuid(), _viewer, Nickname, text, Now));

        Assert.False(LiveEvent.IsZalgo(fact.Text));
        Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), fact.Text);
    }

    [Fact]
    public void IsZalgo_CountsOnlyMarksStackedOnOneCharacter()
    {
        Assert.False(LiveEvent.IsZalgo("a\u0336\u0337b\u0336\u0337c\u0336\u0337"));
        Assert.True(LiveEvent.IsZalgo("a\u0336\u0337\u0336b"));
    }

    // ---- review queue ------------------------------------------------------------------------------------------

    [Fact]
    public void ApproveChat_OfAHeldMessage_ShowsItAtTheApprovalsPosition()
    {
        var messageId = Guid.NewGuid();
        var e = WithHeldMessage(messageId);
        var heldAt = e.Version;
        e = Post(e, Guid.NewGuid(), _otherViewer, "Ik wacht ook");

        var fact = e.ApproveChat(messageId);
        e = e.Then(fact);

        Assert.Equal(new ChatApproved(messageId), fact);
        var message = e.FindMessage(messageId)!;
        Assert.Equal(ChatStatus.Shown, message.Status);
        Assert.Equal(e.Version, message.Position);
        Assert.NotEqual(heldAt, message.Position);
        Assert.DoesNotContain(e.HeldMessages, m => m.Id == messageId);
        Assert.Single(e.HeldMessages);
    }

    [Fact]
    public void RejectChat_OfAHeldMessage_RejectsItAndKeepsItsPosition()
    {
        var messageId = Guid.NewGuid();
        var e = WithHeldMessage(messageId);
        var heldAt = e.Version;
        e = WithSettings(e, Open);

        var fact = e.RejectChat(messageId);
        e = e.Then(fact);

        Assert.Equal(new ChatRejected(messageId), fact);
        var message = e.FindMessage(messageId)!;
        Assert.Equal(ChatStatus.Rejected, message.Status);
        Assert.Equal(heldAt, message.Position);
        Assert.Empty(e.HeldMessages);
    }

    [Fact]
    public void ApproveOrRejectChat_OfAShownOrUnknownMessage_IsRejected()
    {
        var shown = Guid.NewGuid();
        var e = Post(_event, shown, _viewer);

        Rejected.With("chat.message.not-held", () => e.ApproveChat(shown));
        Rejected.With("chat.message.not-held", () => e.RejectChat(shown));
        Rejected.With("chat.message.not-held", () => e.ApproveChat(Guid.NewGuid()));
        Rejected.With("chat.message.not-held", () => e.RejectChat(Guid.NewGuid()));
    }

    [Fact]
    public void ApproveOrRejectChat_OfAnAlreadyDecidedMessage_IsRejected()
    {
        var approved = Guid.NewGuid();
        var rejected = Guid.NewGuid();
        var e = WithHeldMessage(approved);
        e = Post(e, rejected, _viewer, "Tweede");
        e = e.Then(e.ApproveChat(approved));
        e = e.Then(e.RejectChat(rejected));

        Rejected.With("chat.message.not-held", () => e.ApproveChat(approved));
        Rejected.With("chat.message.not-held", () => e.RejectChat(approved));
        Rejected.With("chat.message.not-held", () => e.ApproveChat(rejected));
    }

    // ---- hiding ------------------------------------------------------------------------------------------------

    [Fact]
    public void HideChat_OfAShownMessage_HidesItAndKeepsItsPosition()
    {
        var messageId = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);
        var postedAt = e.Version;

        var fact = e.HideChat(messageId);
        e = e.Then(fact);

        Assert.Equal(new ChatHidden(messageId), fact);
        Assert.Equal(ChatStatus.Hidden, e.FindMessage(messageId)!.Status);
        Assert.Equal(postedAt, e.FindMessage(messageId)!.Position);
        Rejected.With("chat.message.not-shown", () => e.HideChat(messageId));
    }

    [Fact]
    public void HideChat_OfAHeldOrUnknownMessage_IsRejected()
    {
        var held = Guid.NewGuid();
        var e = WithHeldMessage(held);

        Rejected.With("chat.message.not-shown", () => e.HideChat(held));
        Rejected.With("chat.message.not-shown", () => e.HideChat(Guid.NewGuid()));
    }

    // ---- timeouts ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(300)]
    [InlineData(3600)]
    [InlineData(86400)]
    public void TimeOut_WithOneOfTheChoices_TimesTheViewerOutUntilNowPlusThoseSeconds(int seconds)
    {
        var e = Post(_event, Guid.NewGuid(), _viewer);

        var fact = e.TimeOut(_viewer, seconds, Now);
        e = e.Then(fact);

        Assert.Equal(new ViewerTimedOut(_viewer, Now.AddSeconds(seconds)), fact);
        Assert.Equal(Now.AddSeconds(seconds), e.TimeOuts[_viewer]);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(61)]
    [InlineData(600)]
    [InlineData(86401)]
    public void TimeOut_WithAnyOtherDuration_IsRejected(int seconds)
    {
        var e = Post(_event, Guid.NewGuid(), _viewer);

        Rejected.With("chat.timeout.invalid", () => e.TimeOut(_viewer, seconds, Now));
    }

    [Fact]
    public void TimeOut_OfAViewerWithoutMessages_IsRejected()
    {
        var e = Post(_event, Guid.NewGuid(), _viewer);

        Rejected.With("chat.viewer.unknown", () => e.TimeOut(_otherViewer, 60, Now));
        Rejected.With("chat.viewer.unknown", () => e.TimeOut(Guid.Empty, 60, Now));
    }

    [Fact]
    public void PostChat_WhileTimedOut_IsRejectedWithTheRemainingSeconds_UntilTheTimePasses()
    {
        var e = Post(_event, Guid.NewGuid(), _viewer);
        e = e.Then(e.TimeOut(_viewer, 60, Now));

        var atOnce = Rejected.With("chat.timed-out", () => e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Hallo?", Now));
        Assert.Equal(60, Assert.Single(atOnce.Arguments));

        var halfway = Rejected.With("chat.timed-out", () => e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Hallo?", Now.AddSeconds(30.5)));
        Assert.Equal(30, Assert.Single(halfway.Arguments));

        var lastMoment = Rejected.With("chat.timed-out", () => e.EnsureMayChat(_viewer, Now.AddSeconds(59.9)));
        Assert.Equal(1, Assert.Single(lastMoment.Arguments));

        Assert.IsType<ChatPosted>(e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Sorry!", Now.AddSeconds(60)));
        Assert.IsType<ChatPosted>(e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Sorry!", Now.AddHours(1)));
    }

    [Fact]
    public void TimeOut_AffectsOnlyThatViewerAndLeavesTheirMessagesShown()
    {
        var messageId = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);
        e = e.Then(e.TimeOut(_viewer, 300, Now));

        Assert.Equal(ChatStatus.Shown, e.FindMessage(messageId)!.Status);
        Assert.IsType<ChatPosted>(e.PostChat(Guid.NewGuid(), _otherViewer, Nickname, "Ik mag wel", Now));
    }

    [Fact]
    public void TimeOut_Again_ReplacesTheEarlierTimeOut()
    {
        var e = Post(_event, Guid.NewGuid(), _viewer);
        e = e.Then(e.TimeOut(_viewer, 86400, Now));
        e = e.Then(e.TimeOut(_viewer, 10, Now));

        Assert.Equal(Now.AddSeconds(10), e.TimeOuts[_viewer]);
        Assert.IsType<ChatPosted>(e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Weer terug", Now.AddSeconds(10)));
    }

    // ---- bans --------------------------------------------------------------------------------------------------

    [Fact]
    public void Ban_RefusesLaterPosts_HidesShownMessagesAndRejectsHeldOnes()
    {
        var shown = Guid.NewGuid();
        var alreadyHidden = Guid.NewGuid();
        var held = Guid.NewGuid();
        var othersShown = Guid.NewGuid();
        var othersHeld = Guid.NewGuid();
        var e = Post(_event, shown, _viewer);
        e = Post(e, alreadyHidden, _viewer, "Weg ermee");
        e = e.Then(e.HideChat(alreadyHidden));
        e = Post(e, othersShown, _otherViewer);
        e = WithSettings(e, ChatSettings.Panic);
        e = Post(e, held, _viewer, "Nog eentje");
        e = Post(e, othersHeld, _otherViewer, "Ik wacht");
        var positions = e.Chat.Messages.ToDictionary(m => m.Id, m => m.Position);

        var fact = e.Ban(_viewer);
        e = e.Then(fact);

        Assert.Equal(new ViewerBanned(_viewer), fact);
        Assert.Contains(_viewer, e.Banned);
        Assert.Equal(ChatStatus.Hidden, e.FindMessage(shown)!.Status);
        Assert.Equal(ChatStatus.Hidden, e.FindMessage(alreadyHidden)!.Status);
        Assert.Equal(ChatStatus.Rejected, e.FindMessage(held)!.Status);
        Assert.Equal(ChatStatus.Shown, e.FindMessage(othersShown)!.Status);
        Assert.Equal(ChatStatus.Held, e.FindMessage(othersHeld)!.Status);
        Assert.All(e.Chat.Messages, m => Assert.Equal(positions[m.Id], m.Position));
        Rejected.With("chat.banned", () => e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Hallo?", Now));
        Rejected.With("chat.banned", () => e.EnsureMayChat(_viewer, Now.AddDays(30)));
        Assert.IsType<ChatHeld>(e.PostChat(Guid.NewGuid(), _otherViewer, Nickname, "Ik mag nog", Now));
    }

    [Fact]
    public void Ban_Twice_IsRejected()
    {
        var e = Post(_event, Guid.NewGuid(), _viewer);
        e = e.Then(e.Ban(_viewer));

        Rejected.With("chat.viewer.already-banned", () => e.Ban(_viewer));
    }

    [Fact]
    public void Ban_OfAViewerWithoutMessages_IsRejected()
    {
        var e = Post(_event, Guid.NewGuid(), _viewer);

        Rejected.With("chat.viewer.unknown", () => e.Ban(_otherViewer));
        Rejected.With("chat.viewer.unknown", () => e.Ban(Guid.Empty));
    }

    // ---- reports -----------------------------------------------------------------------------------------------

    [Fact]
    public void Report_OfAShownMessage_IsRecordedWithItsPosition()
    {
        var messageId = Guid.NewGuid();
        var reporter = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);

        var fact = e.Report(messageId, reporter, "  Scheldwoord ");
        e = e.Then(fact);

        Assert.Equal(new ChatReported(messageId, reporter, "Scheldwoord"), fact);
        Assert.Equal(new ChatReport(messageId, reporter, "Scheldwoord", e.Version), Assert.Single(e.Reports));
    }

    [Fact]
    public void Report_WithoutAReason_HasAnEmptyReason()
    {
        var messageId = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);

        Assert.Equal(string.Empty, e.Report(messageId, Guid.NewGuid(), null).Reason);
        Assert.Equal(string.Empty, e.Report(messageId, Guid.NewGuid(), "   ").Reason);
    }

    [Fact]
    public void Report_WithAReasonOver200Characters_IsRejected()
    {
        var messageId = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);

        Assert.Equal(200, e.Report(messageId, Guid.NewGuid(), new string('x', 200)).Reason.Length);
        Rejected.With("chat.report.too-long", () => e.Report(messageId, Guid.NewGuid(), new string('x', 201)));
    }

    [Fact]
    public void Report_ByTheSameReporterTwice_IsRejected_ButOthersMayReportToo()
    {
        var messageId = Guid.NewGuid();
        var otherMessage = Guid.NewGuid();
        var reporter = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);
        e = Post(e, otherMessage, _viewer, "Nog een");
        e = e.Then(e.Report(messageId, reporter, null));

        Rejected.With("chat.report.duplicate", () => e.Report(messageId, reporter, "Echt waar"));

        e = e.Then(e.Report(messageId, Guid.NewGuid(), null));
        e = e.Then(e.Report(otherMessage, reporter, null));
        Assert.Equal(3, e.Reports.Count);
    }

    [Fact]
    public void Report_WithoutAReporter_IsRejected()
    {
        var messageId = Guid.NewGuid();
        var e = Post(_event, messageId, _viewer);

        Rejected.With("id.invalid", () => e.Report(messageId, Guid.Empty, null));
    }

    [Fact]
    public void Report_OfAHeldHiddenOrUnknownMessage_IsRejected()
    {
        var held = Guid.NewGuid();
        var hidden = Guid.NewGuid();
        var e = Post(_event, hidden, _viewer);
        e = e.Then(e.HideChat(hidden));
        e = WithSettings(e, ChatSettings.Panic);
        e = Post(e, held, _viewer);

        Rejected.With("chat.message.not-shown", () => e.Report(held, Guid.NewGuid(), null));
        Rejected.With("chat.message.not-shown", () => e.Report(hidden, Guid.NewGuid(), null));
        Rejected.With("chat.message.not-shown", () => e.Report(Guid.NewGuid(), Guid.NewGuid(), null));
    }

    // ---- per-event words ---------------------------------------------------------------------------------------

    [Fact]
    public void ChangeBlockedWords_TrimsLowerCasesAndDeduplicates()
    {
        var fact = _event.ChangeBlockedWords(["  Sukkel ", "SUKKEL", "Kill Yourself", "Zoë"], ["Hoer"]);

        Assert.Equal(["sukkel", "kill yourself", "zoë"], fact.Added);
        Assert.Equal(["hoer"], fact.Removed);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("k0t")]
    [InlineData("kut!")]
    [InlineData("kut-kop")]
    [InlineData("www.site.nl")]
    public void ChangeBlockedWords_WithAWordThatIsNotTwoOrMoreLettersOrSpaces_IsRejected(string word)
    {
        var added = Rejected.With("chat.word.invalid", () => _event.ChangeBlockedWords([word], []));
        Rejected.With("chat.word.invalid", () => _event.ChangeBlockedWords([], ["sukkel", word]));

        Assert.Equal(word.ToLowerInvariant(), Assert.Single(added.Arguments));
    }

    [Fact]
    public void ChangeBlockedWords_WithAWordOf40Letters_IsAccepted_ButNot41()
    {
        Assert.Equal(new string('a', 40), Assert.Single(_event.ChangeBlockedWords([new string('a', 40)], []).Added));

        // Over-long words get the generic text code, not "chat.word.invalid".
        Rejected.With("chat.word.too-long", () => _event.ChangeBlockedWords([new string('a', 41)], []));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ChangeBlockedWords_WithAnEmptyWord_IsRejected(string? word)
    {
        Rejected.With("chat.word.required", () => _event.ChangeBlockedWords([word], []));
    }

    [Fact]
    public void ChangeBlockedWords_WithNothingToAddOrRemove_IsRejected()
    {
        Rejected.With("chat.words.none", () => _event.ChangeBlockedWords([], []));
    }

    [Fact]
    public void BlockedWordsChanged_FoldsAddedIntoExtraAndRemovedIntoAllowed_AndBack()
    {
        var e = _event.Then(_event.ChangeBlockedWords(["sukkel", "loser"], []));
        Assert.Equal(["loser", "sukkel"], e.ExtraBlockedWords.Order());
        Assert.Empty(e.AllowedWords);

        e = e.Then(e.ChangeBlockedWords([], ["sukkel", "hoer"]));
        Assert.Equal(["loser"], e.ExtraBlockedWords);
        Assert.Equal(["hoer", "sukkel"], e.AllowedWords.Order());

        e = e.Then(e.ChangeBlockedWords(["Sukkel"], ["loser"]));
        Assert.Equal(["sukkel"], e.ExtraBlockedWords);
        Assert.Equal(["hoer", "loser"], e.AllowedWords.Order());
    }

    // ---- pins and announcements --------------------------------------------------------------------------------

    [Fact]
    public void Pin_SetsTheTrimmedPinnedMessage_AndAnEmptyPinClearsIt()
    {
        var e = _event.Then(_event.Pin("  Welkom bij de finale!  "));
        Assert.Equal("Welkom bij de finale!", e.PinnedMessage);

        var cleared = e.Then(e.Pin(string.Empty));
        Assert.Equal(string.Empty, cleared.PinnedMessage);
        Assert.Equal(new MessagePinned(string.Empty), e.Pin(null));
        Assert.Equal(new MessagePinned(string.Empty), e.Pin("   "));
    }

    [Fact]
    public void Pin_LongerThan200Characters_IsRejected()
    {
        Assert.Equal(LiveEvent.MaxPinnedLength, _event.Pin(new string('p', LiveEvent.MaxPinnedLength)).Text.Length);

        var exception = Rejected.With("chat.pinned.too-long", () => _event.Pin(new string('p', LiveEvent.MaxPinnedLength + 1)));
        Assert.Equal(200, Assert.Single(exception.Arguments));
    }

    [Fact]
    public void Announce_AddsTheAnnouncementAtItsPosition()
    {
        var id = Guid.NewGuid();

        var fact = _event.Announce(id, "  Pauze tot 20:00 ");
        var e = _event.Then(fact);

        Assert.Equal(new AnnouncementMade(id, "Pauze tot 20:00"), fact);
        Assert.Equal(new Announcement(id, "Pauze tot 20:00", e.Version), Assert.Single(e.Announcements));
    }

    [Fact]
    public void Announce_WithoutTextOrId_OrOver200Characters_IsRejected()
    {
        Rejected.With("chat.announcement.required", () => _event.Announce(Guid.NewGuid(), "  "));
        Rejected.With("id.invalid", () => _event.Announce(Guid.Empty, "Pauze"));
        Assert.IsType<AnnouncementMade>(_event.Announce(Guid.NewGuid(), new string('a', LiveEvent.MaxPinnedLength)));
        Rejected.With("chat.announcement.too-long", () => _event.Announce(Guid.NewGuid(), new string('a', LiveEvent.MaxPinnedLength + 1)));
    }

    [Fact]
    public void Announcements_KeepTheLastTen()
    {
        var e = _event;
        var ids = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            e = e.Then(e.Announce(id, "Mededeling"));
        }

        Assert.Equal(ids.Skip(2), e.Announcements.Select(a => a.Id));
    }

    // ---- purge and history -------------------------------------------------------------------------------------

    [Fact]
    public void ChatPurged_ClearsChatReportsTimeOutsAndBans_AndCountsThePurgedMessages()
    {
        var reported = Guid.NewGuid();
        var e = Post(_event, reported, _viewer);
        e = Post(e, Guid.NewGuid(), _otherViewer);
        e = e.Then(e.Report(reported, Guid.NewGuid(), null));
        e = e.Then(e.TimeOut(_otherViewer, 86400, Now));
        e = e.Then(e.Ban(_viewer));

        e = e.Then(new ChatPurged(2));

        Assert.Empty(e.Chat.Messages);
        Assert.Empty(e.Reports);
        Assert.Empty(e.TimeOuts);
        Assert.Empty(e.Banned);
        Assert.Equal(2, e.PurgedMessages);
        Assert.IsType<ChatPosted>(e.PostChat(Guid.NewGuid(), _viewer, Nickname, "Daar ben ik weer", Now));
        Assert.IsType<ChatPosted>(e.PostChat(Guid.NewGuid(), _otherViewer, Nickname, "Ik ook", Now));

        e = e.Then(new ChatPurged(5));
        Assert.Equal(7, e.PurgedMessages);
    }

    [Fact]
    public void Chat_KeepsAtMostChatHistorySizeMessages_DroppingTheOldest()
    {
        var ids = Enumerable.Range(0, LiveEvent.ChatHistorySize + 3).Select(_ => Guid.NewGuid()).ToList();
        var e = _event;
        foreach (var id in ids)
        {
            e = e.Then(new ChatPosted(id, _viewer, Nickname, "Hoi"));
        }

        Assert.Equal(LiveEvent.ChatHistorySize, e.Chat.Messages.Count);
        Assert.Equal(ids.Skip(3), e.Chat.Messages.Select(m => m.Id));
        Assert.Null(e.FindMessage(ids[0]));
    }

    [Fact]
    public void Chat_HeldMessagesCountTowardsTheHistory_AndADroppedOneCanNoLongerBeApproved()
    {
        var held = Guid.NewGuid();
        var e = WithHeldMessage(held);
        for (var i = 0; i < LiveEvent.ChatHistorySize; i++)
        {
            e = e.Then(new ChatHeld(Guid.NewGuid(), _otherViewer, Nickname, "Hoi"));
        }

        Assert.Equal(LiveEvent.ChatHistorySize, e.Chat.Messages.Count);
        Assert.Null(e.FindMessage(held));
        Rejected.With("chat.message.not-held", () => e.ApproveChat(held));
    }

    [Fact]
    public void Chat_Trimming_DropsShownMessagesBeforeOneWaitingForReview()
    {
        var held = Guid.NewGuid();
        var e = WithHeldMessage(held);
        for (var i = 0; i < LiveEvent.ChatHistorySize + 5; i++)
        {
            e = e.Then(new ChatPosted(Guid.NewGuid(), _otherViewer, Nickname, "Hoi"));
        }

        Assert.Equal(LiveEvent.ChatHistorySize, e.Chat.Messages.Count);
        Assert.Equal(ChatStatus.Held, e.FindMessage(held)!.Status);
        Assert.IsType<ChatApproved>(e.ApproveChat(held));
    }
}
