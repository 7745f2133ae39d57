using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>Chat moderation: settings, the review queue, hiding, timeouts, bans, reports, words, pins, purges.</summary>
public sealed partial record LiveEvent
{
    public const int MaxSlowModeSeconds = 300;
    public const int MaxPinnedLength = 200;

    /// <summary>The timeouts a moderator can give with one click.</summary>
    public static readonly int[] TimeoutChoices = [10, 60, 300, 3600, 86400];

    public ChatSettings ChatSettings { get; private init; } = ChatSettings.Safe;

    public ImmutableDictionary<Guid, DateTimeOffset> TimeOuts { get; private init; } = ImmutableDictionary<Guid, DateTimeOffset>.Empty;

    public ImmutableHashSet<Guid> Banned { get; private init; } = [];

    public ImmutableList<ChatReport> Reports { get; private init; } = [];

    /// <summary>Words this event adds to the shipped lists.</summary>
    public ImmutableHashSet<string> ExtraBlockedWords { get; private init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Words of the shipped lists this event allows (e.g. a team name that trips the filter).</summary>
    public ImmutableHashSet<string> AllowedWords { get; private init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public string PinnedMessage { get; private init; } = string.Empty;

    public ImmutableList<Announcement> Announcements { get; private init; } = [];

    public int PurgedMessages { get; private init; }

    public ChatMessage? FindMessage(Guid messageId) => Chat.Find(m => m.Id == messageId);

    public IEnumerable<ChatMessage> HeldMessages => Chat.Where(m => m.Status == ChatStatus.Held);

    // ---- decisions -------------------------------------------------------------------------------------------

    public ChatSettingsChanged ChangeChatSettings(ChatSettings settings)
    {
        EnsureExists();
        if (!Enum.IsDefined(settings.Mode) || settings.SlowModeSeconds is < 0 or > MaxSlowModeSeconds)
        {
            throw new DomainException("chat.settings.invalid", 0, MaxSlowModeSeconds);
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
        if (FindMessage(messageId) is not { Status: ChatStatus.Shown })
        {
            throw new DomainException("chat.message.not-shown");
        }

        if (reporterId == Guid.Empty)
        {
            throw new DomainException("id.invalid");
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
        if (viewerId == Guid.Empty || !Chat.Exists(m => m.ViewerId == viewerId))
        {
            throw new DomainException("chat.viewer.unknown");
        }
    }

    private static string CheckWord(string? word)
    {
        var text = Guard.Text(word, "chat.word", 40).ToLowerInvariant();
        return text.Length >= 2 && text.All(c => char.IsLetter(c) || c == ' ') ? text : throw new DomainException("chat.word.invalid", text);
    }

    // ---- folding ---------------------------------------------------------------------------------------------

    private LiveEvent ApplyModeration(ILiveEventFact fact, long position) => fact switch
    {
        ChatSettingsChanged e => this with { ChatSettings = e.Settings },
        ChatHeld e => this with { Chat = AddChat(new ChatMessage(e.MessageId, e.ViewerId, e.Nickname, e.Text, position, ChatStatus.Held)) },
        ChatApproved e => WithStatus(e.MessageId, ChatStatus.Shown, position),
        ChatRejected e => WithStatus(e.MessageId, ChatStatus.Rejected, null),
        ChatHidden e => WithStatus(e.MessageId, ChatStatus.Hidden, null),
        ViewerTimedOut e => this with { TimeOuts = TimeOuts.SetItem(e.ViewerId, e.Until) },
        ViewerBanned e => this with
        {
            Banned = Banned.Add(e.ViewerId),
            Chat = Chat.Select(m => m.ViewerId == e.ViewerId && m.Status is ChatStatus.Shown or ChatStatus.Held
                ? m with { Status = m.Status == ChatStatus.Shown ? ChatStatus.Hidden : ChatStatus.Rejected }
                : m).ToImmutableList(),

            // A ban takes the viewer's questions down too (held ones are turned down, shown ones hidden).
            Questions = Questions.Select(q => q.ViewerId == e.ViewerId ? TakenDown(q) : q).ToImmutableList(),
            HighlightedQuestionId = HighlightedQuestionId is { } h && FindQuestion(h)?.ViewerId == e.ViewerId ? null : HighlightedQuestionId,
        },
        ChatReported e => this with { Reports = Reports.Add(new ChatReport(e.MessageId, e.ReporterId, e.Reason, position)) },
        BlockedWordsChanged e => this with
        {
            ExtraBlockedWords = ExtraBlockedWords.Union(e.Added).Except(e.Removed),
            AllowedWords = AllowedWords.Union(e.Removed).Except(e.Added),
        },
        MessagePinned e => this with { PinnedMessage = e.Text },
        AnnouncementMade e => this with { Announcements = Announcements.TakeLast(9).ToImmutableList().Add(new Announcement(e.AnnouncementId, e.Text, position)) },
        ChatPurged e => this with
        {
            Chat = [],
            Reports = [],
            TimeOuts = TimeOuts.Clear(),
            Banned = [],
            PurgedMessages = PurgedMessages + e.MessageCount,
            Polls = Polls.Select(p => p with { Voters = [] }).ToImmutableList(),
            Questions = [],
            HighlightedQuestionId = null,
        },
        _ => ApplyPolls(fact, position),
    };

    /// <summary>An approved message moves to the approval's position: that is when the public first sees it.</summary>
    private LiveEvent WithStatus(Guid messageId, ChatStatus status, long? position) => this with
    {
        Chat = Chat.Select(m => m.Id == messageId ? m with { Status = status, Position = position ?? m.Position } : m).ToImmutableList(),
    };
}
