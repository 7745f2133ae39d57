using System.Collections.Immutable;
using System.Text;
using VakkanjersLive.Domain.Moderation;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Audience chat and its moderation: posting, settings, the review queue, hiding, timeouts, bans, reports, words,
/// pins and announcements.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxChatLength = 300;
    public const int MaxNicknameLength = 24;

    /// <summary>How many recent chat messages the projection keeps (the journal keeps them all until purged).</summary>
    public const int ChatHistorySize = ChatPart.HistorySize;

    public const int MaxSlowModeSeconds = 300;
    public const int MaxPinnedLength = 200;

    /// <summary>The timeouts a moderator can give with one click.</summary>
    public static readonly int[] TimeoutChoices = [10, 60, 300, 3600, 86400];

    public ChatSettings ChatSettings => Chat.Settings;

    public ImmutableDictionary<Guid, DateTimeOffset> TimeOuts => Chat.TimeOuts;

    public ImmutableHashSet<Guid> Banned => Chat.Banned;

    public ImmutableList<ChatReport> Reports => Chat.Reports;

    /// <summary>Words this event adds to the shipped lists.</summary>
    public ImmutableHashSet<string> ExtraBlockedWords => Chat.ExtraBlockedWords;

    /// <summary>Words of the shipped lists this event allows (e.g. a team name that trips the filter).</summary>
    public ImmutableHashSet<string> AllowedWords => Chat.AllowedWords;

    public string PinnedMessage => Chat.PinnedMessage;

    public ImmutableList<Announcement> Announcements => Chat.Announcements;

    public int PurgedMessages => Chat.PurgedMessages;

    public ChatMessage? FindMessage(Guid messageId) => Chat.Find(messageId);

    public IEnumerable<ChatMessage> HeldMessages => Chat.Messages.Where(m => m.Status == ChatStatus.Held);

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// A viewer's message: refused while chat is off or paused, for banned or timed-out viewers and for zalgo text;
    /// held for review when the event says so, shown otherwise.
    /// </summary>
    public ILiveEventFact PostChat(Guid messageId, Guid viewerId, string? nickname, string? text, DateTimeOffset now)
    {
        EnsureExists();
        if (messageId == Guid.Empty || viewerId == Guid.Empty || Chat.Messages.Exists(m => m.Id == messageId))
        {
            throw new DomainException("id.invalid");
        }

        EnsureMayChat(viewerId, now);
        var checkedText = Guard.Text(text, "chat.text", MaxChatLength);
        if (IsZalgo(checkedText))
        {
            throw new DomainException("chat.text.zalgo");
        }

        var checkedNickname = CheckNickname(nickname);
        return ChatSettings.HoldForReview
            ? new ChatHeld(messageId, viewerId, checkedNickname, checkedText)
            : new ChatPosted(messageId, viewerId, checkedNickname, checkedText);
    }

    /// <summary>Why this viewer may not chat now, as a domain error; nothing when they may.</summary>
    public void EnsureMayChat(Guid viewerId, DateTimeOffset now)
    {
        switch (ChatSettings.Mode)
        {
            case ChatMode.Off:
                throw new DomainException("chat.off");
            case ChatMode.Paused:
                throw new DomainException("chat.paused");
        }

        if (Banned.Contains(viewerId))
        {
            throw new DomainException("chat.banned");
        }

        if (TimeOuts.TryGetValue(viewerId, out var until) && until > now)
        {
            throw new DomainException("chat.timed-out", (int)Math.Ceiling((until - now).TotalSeconds));
        }
    }

    /// <summary>Stacked combining marks ("zalgo") make text unreadable and spill over other lines.</summary>
    public static bool IsZalgo(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark ? run + 1 : 0;
            if (run > 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Nicknames: 2–24 letters, digits, spaces, dashes or underscores, at least one of them visible (a Hangul filler
    /// or another default-ignorable "letter" is no letter here); nothing that could be a link or contact.
    /// </summary>
    public static string CheckNickname(string? nickname)
    {
        if (!string.IsNullOrEmpty(nickname) && !TextFolding.HasVisibleCharacter(nickname))
        {
            throw new DomainException("chat.nickname.invalid");
        }

        var checkedName = Guard.Text(nickname, "chat.nickname", MaxNicknameLength);
        if (checkedName.Length < 2 || !checkedName.EnumerateRunes().All(r => (Rune.IsLetterOrDigit(r) && !TextFolding.IsDefaultIgnorable(r.Value)) || r.Value is ' ' or '-' or '_'))
        {
            throw new DomainException("chat.nickname.invalid");
        }

        return checkedName;
    }

    /// <summary>
    /// Names nobody in the audience may borrow, nor anything that looks like them (<see cref="TextFolding.ReservedKey"/>:
    /// "M0derat0r", "Мoderator" with a Cyrillic М, "Jury 2", "Organisatieteam").
    /// </summary>
    public static IReadOnlyList<string> ReservedNicknames { get; } =
    [
        "moderator", "moderatie", "jury", "organisatie", "organisation", "organization", "organisator", "admin",
        "beheerder", "staff", "presentator", "official", "officieel", "vakkanjers", "support", "helpdesk",
    ];

    /// <summary>The nickname this viewer holds in the event, if any.</summary>
    public ViewerNickname? NicknameOfViewer(Guid viewerId) => Chat.Nicknames.GetValueOrDefault(viewerId);

    /// <summary>
    /// The nickname a viewer joins under. A typed one (null or blank: generate one) is checked
    /// (<see cref="CheckNickname"/>), may not look like a reserved name (<see cref="ReservedNicknames"/>), like a
    /// moderator's name (<paramref name="staffNames"/>) or a judge's name of this event, nor like a nickname another
    /// viewer of this event holds (<see cref="TextFolding.NameKey"/>: "Slimme Vos 42", "slimme_vos_42" and one with a
    /// Cyrillic "ѕ" are one name). A generated one is drawn until it is free. A name that is exactly a generated one
    /// (<see cref="GeneratedNicknames.IsGenerated"/>: the join page offers one) is journaled as generated when it is
    /// free (taken, it is refused like a typed one). Codes: <c>chat.nickname.invalid</c>, <c>chat.nickname.reserved</c>,
    /// <c>chat.nickname.taken</c>.
    /// </summary>
    public NicknameChosen ChooseNickname(Guid viewerId, string? typed, IEnumerable<string> staffNames, Func<string>? generate = null)
    {
        EnsureExists();
        if (viewerId == Guid.Empty)
        {
            throw new DomainException("id.invalid");
        }

        if (GeneratedNicknames.IsGenerated(typed) && !IsNicknameTaken(viewerId, typed!))
        {
            return new NicknameChosen(viewerId, typed!, Generated: true);
        }

        if (string.IsNullOrWhiteSpace(typed))
        {
            generate ??= GeneratedNicknames.Generate;
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var name = generate();
                if (!IsNicknameTaken(viewerId, name))
                {
                    return new NicknameChosen(viewerId, name, Generated: true);
                }
            }

            throw new DomainException("chat.nickname.taken");
        }

        var nickname = CheckNickname(typed);
        if (IsReservedNickname(nickname, staffNames.Concat(Judges.Select(j => j.Name))))
        {
            throw new DomainException("chat.nickname.reserved");
        }

        return IsNicknameTaken(viewerId, nickname) ? throw new DomainException("chat.nickname.taken") : new NicknameChosen(viewerId, nickname, Generated: false);
    }

    /// <summary>Whether another viewer of this event holds this nickname or one that looks like it.</summary>
    public bool IsNicknameTaken(Guid viewerId, string nickname) =>
        Chat.NicknameOwners.TryGetValue(TextFolding.NameKey(nickname), out var owner) && owner != viewerId;

    /// <summary>
    /// Whether a nickname looks like a reserved word or a staff name: the whole name (separators and look-alikes aside)
    /// is one, starts with one, or has a word that is one; long ones (six letters or more: "moderator", a staff name)
    /// also count at the end ("TheModerator"). A word inside another ("Badminton" has "admin") does not count.
    /// </summary>
    public static bool IsReservedNickname(string nickname, IEnumerable<string> staffNames)
    {
        var whole = TextFolding.ReservedKey(nickname);
        var words = nickname.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Select(TextFolding.ReservedKey).ToHashSet(StringComparer.Ordinal);
        var reserved = ReservedNicknames.Concat(staffNames.Where(n => !string.IsNullOrWhiteSpace(n))).Select(TextFolding.ReservedKey).Where(k => k.Length >= 3);
        return reserved.Any(key => whole == key || words.Contains(key) || (key.Length >= 4 && whole.StartsWith(key, StringComparison.Ordinal))
            || (key.Length >= 6 && whole.EndsWith(key, StringComparison.Ordinal)));
    }

    /// <summary>
    /// New chat settings. With <paramref name="editedFrom"/> (the settings a form was filled in from) they are refused
    /// with <c>chat.settings.changed</c> when the settings in force are others by now (panic mode, another
    /// moderator): saving a form never silently undoes a change the moderator has not seen.
    /// </summary>
    public ChatSettingsChanged ChangeChatSettings(ChatSettings settings, ChatSettings? editedFrom = null)
    {
        EnsureExists();
        if (!Enum.IsDefined(settings.Mode) || settings.SlowModeSeconds is < 0 or > MaxSlowModeSeconds)
        {
            throw new DomainException("chat.settings.invalid", 0, MaxSlowModeSeconds);
        }

        if (editedFrom is not null && editedFrom != ChatSettings)
        {
            throw new DomainException("chat.settings.changed");
        }

        return new ChatSettingsChanged(settings);
    }

    public ChatApproved ApproveChat(Guid messageId) =>
        FindMessage(messageId) is { Status: ChatStatus.Held } ? new ChatApproved(messageId) : throw new DomainException("chat.message.not-held");

    public ChatRejected RejectChat(Guid messageId) =>
        FindMessage(messageId) is { Status: ChatStatus.Held } ? new ChatRejected(messageId) : throw new DomainException("chat.message.not-held");

    public ChatHidden HideChat(Guid messageId) =>
        FindMessage(messageId) is { Status: ChatStatus.Shown } ? new ChatHidden(messageId) : throw new DomainException("chat.message.not-shown");

    public ViewerTimedOut TimeOut(Guid viewerId, int seconds, DateTimeOffset now)
    {
        EnsureKnownViewer(viewerId);
        return TimeoutChoices.Contains(seconds) ? new ViewerTimedOut(viewerId, now.AddSeconds(seconds)) : throw new DomainException("chat.timeout.invalid");
    }

    public ViewerBanned Ban(Guid viewerId)
    {
        EnsureKnownViewer(viewerId);
        return Banned.Contains(viewerId) ? throw new DomainException("chat.viewer.already-banned") : new ViewerBanned(viewerId);
    }

    public ChatReported Report(Guid messageId, Guid reporterId, string? reason)
    {
        if (FindMessage(messageId) is not { Status: ChatStatus.Shown } message)
        {
            throw new DomainException("chat.message.not-shown");
        }

        if (reporterId == Guid.Empty)
        {
            throw new DomainException("id.invalid");
        }

        // Reporting one's own message only fills the moderators' queue.
        if (message.ViewerId == reporterId)
        {
            throw new DomainException("chat.report.own");
        }

        if (Reports.Exists(r => r.MessageId == messageId && r.ReporterId == reporterId))
        {
            throw new DomainException("chat.report.duplicate");
        }

        return new ChatReported(messageId, reporterId, Guard.Text(reason, "chat.report", 200, required: false));
    }

    public BlockedWordsChanged ChangeBlockedWords(IEnumerable<string?> added, IEnumerable<string?> removed)
    {
        EnsureExists();
        var add = added.Select(CheckWord).Distinct(StringComparer.Ordinal).ToList();
        var remove = removed.Select(CheckWord).Distinct(StringComparer.Ordinal).ToList();
        return add.Count + remove.Count == 0 ? throw new DomainException("chat.words.none") : new BlockedWordsChanged(add, remove);
    }

    public MessagePinned Pin(string? text)
    {
        EnsureExists();
        return new MessagePinned(Guard.Text(text, "chat.pinned", MaxPinnedLength, required: false));
    }

    public AnnouncementMade Announce(Guid announcementId, string? text)
    {
        EnsureExists();
        return announcementId == Guid.Empty ? throw new DomainException("id.invalid") : new AnnouncementMade(announcementId, Guard.Text(text, "chat.announcement", MaxPinnedLength));
    }

    private void EnsureKnownViewer(Guid viewerId)
    {
        if (viewerId == Guid.Empty || !Chat.Messages.Exists(m => m.ViewerId == viewerId))
        {
            throw new DomainException("chat.viewer.unknown");
        }
    }

    private static string CheckWord(string? word)
    {
        var text = Guard.Text(word, "chat.word", 40).ToLowerInvariant();
        return text.Length >= 2 && text.All(c => char.IsLetter(c) || c == ' ') ? text : throw new DomainException("chat.word.invalid", text);
    }
}
