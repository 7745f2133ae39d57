using System.Collections.Immutable;
using System.Globalization;
using VakkanjersLive.Domain.Moderation;

namespace VakkanjersLive.Domain.Events;

/// <summary>The audience chat as moderators see it, with everything moderation decided about it.</summary>
public sealed record ChatPart
{
    /// <summary>How many recent chat messages the projection keeps (the journal keeps them all until purged).</summary>
    public const int HistorySize = 500;

    public static ChatPart Empty { get; } = new();

    public ImmutableList<ChatMessage> Messages { get; private init; } = [];

    public ChatSettings Settings { get; private init; } = ChatSettings.Safe;

    public ImmutableDictionary<Guid, DateTimeOffset> TimeOuts { get; private init; } = ImmutableDictionary<Guid, DateTimeOffset>.Empty;

    public ImmutableHashSet<Guid> Banned { get; private init; } = [];

    public ImmutableList<ChatReport> Reports { get; private init; } = [];

    public ImmutableHashSet<string> ExtraBlockedWords { get; private init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public ImmutableHashSet<string> AllowedWords { get; private init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public string PinnedMessage { get; private init; } = string.Empty;

    public ImmutableList<Announcement> Announcements { get; private init; } = [];

    public int PurgedMessages { get; private init; }

    /// <summary>The nickname each viewer joined under (<see cref="NicknameChosen"/>).</summary>
    public ImmutableDictionary<Guid, ViewerNickname> Nicknames { get; private init; } = ImmutableDictionary<Guid, ViewerNickname>.Empty;

    /// <summary>Who holds a nickname, by its look-alike key (<see cref="TextFolding.NameKey"/>).</summary>
    public ImmutableDictionary<string, Guid> NicknameOwners { get; private init; } = ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal);

    public ChatMessage? Find(Guid messageId) => Messages.Find(m => m.Id == messageId);

    /// <summary>The nickname a viewer last chatted under, for moderators (empty when unknown or purged).</summary>
    public string NicknameOf(Guid viewerId) => Messages.Find(m => m.ViewerId == viewerId)?.Nickname ?? string.Empty;

    /// <summary>Whether a journal fact is a viewer's message (what a purge counts).</summary>
    public static bool IsMessage(ILiveEventFact fact) => fact is ChatPosted or ChatHeld;

    /// <summary>
    /// Messages, nicknames, reporters and viewer ids are viewer data: a purge blanks them. Moderators' own actions
    /// are on the moderation log; a viewer's message, hold and report are not actions of anyone to account for.
    /// </summary>
    internal static void Register(PartRegistration<ChatPart> part) => part
        .On<ChatPosted>(
            (c, e, position) => c with { Messages = c.Add(new ChatMessage(e.MessageId, e.ViewerId, e.Nickname, e.Text, position, ChatStatus.Shown)) },
            new Erase<ChatPosted>(m => m.Text.Length > 0 || m.Nickname.Length > 0 ? m with { ViewerId = Guid.Empty, Nickname = string.Empty, Text = string.Empty } : null),
            FactAudit.NotAudited)
        .On<ChatSettingsChanged>(
            (c, e, _) => c with { Settings = e.Settings },
            FactPrivacy.NoPersonalData,
            new Logged<ChatSettingsChanged>((_, e) => Moderation("settings", $"{e.Settings.Mode}, {(e.Settings.HoldForReview ? "hold" : "no hold")}, slow {e.Settings.SlowModeSeconds}s")))
        .On<ChatHeld>(
            (c, e, position) => c with { Messages = c.Add(new ChatMessage(e.MessageId, e.ViewerId, e.Nickname, e.Text, position, ChatStatus.Held)) },
            new Erase<ChatHeld>(m => m.Text.Length > 0 || m.Nickname.Length > 0 ? m with { ViewerId = Guid.Empty, Nickname = string.Empty, Text = string.Empty } : null),
            FactAudit.NotAudited)
        .On<ChatApproved>(
            (c, e, position) => c.WithStatus(e.MessageId, ChatStatus.Shown, position),
            FactPrivacy.NoPersonalData,
            new Logged<ChatApproved>((s, e) => Moderation("approved", s.Chat.Find(e.MessageId)?.Nickname ?? string.Empty)))
        .On<ChatRejected>(
            (c, e, _) => c.WithStatus(e.MessageId, ChatStatus.Rejected, null),
            FactPrivacy.NoPersonalData,
            new Logged<ChatRejected>((s, e) => Moderation("rejected", s.Chat.Find(e.MessageId)?.Nickname ?? string.Empty)))
        .On<ChatHidden>(
            (c, e, _) => c.WithStatus(e.MessageId, ChatStatus.Hidden, null),
            FactPrivacy.NoPersonalData,
            new Logged<ChatHidden>((s, e) => Moderation("hidden", s.Chat.Find(e.MessageId)?.Nickname ?? string.Empty)))
        .On<ViewerTimedOut>(
            (c, e, _) => c with { TimeOuts = c.TimeOuts.SetItem(e.ViewerId, e.Until) },
            new Erase<ViewerTimedOut>(t => t.ViewerId != Guid.Empty ? t with { ViewerId = Guid.Empty } : null),
            new Logged<ViewerTimedOut>((s, e) => Moderation("timed-out", $"{s.Chat.NicknameOf(e.ViewerId)} → {e.Until.ToLocalTime().ToString("HH:mm:ss", CultureInfo.CurrentCulture)}")))
        .On<ViewerBanned>(
            (c, e, _) => c with
            {
                Banned = c.Banned.Add(e.ViewerId),
                Messages = c.Messages.Select(m => m.ViewerId == e.ViewerId && m.Status is ChatStatus.Shown or ChatStatus.Held
                    ? m with { Status = m.Status == ChatStatus.Shown ? ChatStatus.Hidden : ChatStatus.Rejected }
                    : m).ToImmutableList(),
            },
            new Erase<ViewerBanned>(b => b.ViewerId != Guid.Empty ? b with { ViewerId = Guid.Empty } : null),
            new Logged<ViewerBanned>((s, e) => Moderation("banned", s.Chat.NicknameOf(e.ViewerId))))
        .On<ChatReported>(
            (c, e, position) => c with { Reports = c.Reports.Add(new ChatReport(e.MessageId, e.ReporterId, e.Reason, position)) },
            new Erase<ChatReported>(r => r.ReporterId != Guid.Empty ? r with { ReporterId = Guid.Empty, Reason = string.Empty } : null),
            FactAudit.NotAudited)
        .On<BlockedWordsChanged>(
            (c, e, _) => c with
            {
                ExtraBlockedWords = c.ExtraBlockedWords.Union(e.Added).Except(e.Removed),
                AllowedWords = c.AllowedWords.Union(e.Removed).Except(e.Added),
            },
            FactPrivacy.NoPersonalData,
            new Logged<BlockedWordsChanged>((_, e) => Moderation("words", string.Join(", ", e.Added.Select(a => "+" + a).Concat(e.Removed.Select(r => "−" + r))))))
        .On<MessagePinned>(
            (c, e, _) => c with { PinnedMessage = e.Text },
            FactPrivacy.NoPersonalData,
            new Logged<MessagePinned>((_, e) => Moderation("pinned", e.Text)))
        .On<AnnouncementMade>(
            (c, e, position) => c with { Announcements = c.Announcements.TakeLast(9).ToImmutableList().Add(new Announcement(e.AnnouncementId, e.Text, position)) },
            FactPrivacy.NoPersonalData,
            new Logged<AnnouncementMade>((_, e) => Moderation("announced", e.Text)))
        .On<NicknameChosen>(
            (c, e, _) => c.WithNickname(e),
            new Erase<NicknameChosen>(n => n.ViewerId != Guid.Empty || n.Nickname.Length > 0 ? n with { ViewerId = Guid.Empty, Nickname = string.Empty } : null),
            FactAudit.NotAudited)
        .On<ChatPurged>(
            (c, e, _) => c with
            {
                Nicknames = c.Nicknames.Clear(),
                NicknameOwners = c.NicknameOwners.Clear(),
                Messages = [],
                Reports = [],
                TimeOuts = c.TimeOuts.Clear(),
                Banned = [],
                PurgedMessages = c.PurgedMessages + e.MessageCount,
            },
            FactPrivacy.RecordsPurge(PrivacyPurge.Audience),
            new Logged<ChatPurged>((_, e) => Moderation("purged", e.MessageCount.ToString(CultureInfo.InvariantCulture))));

    private static AuditLine Moderation(string action, string target) => new(AuditTrail.Moderation, action, target);

    /// <summary>A viewer takes a nickname; the one they held before is free again. An erased entry changes nothing.</summary>
    private ChatPart WithNickname(NicknameChosen chosen)
    {
        if (chosen.ViewerId == Guid.Empty || chosen.Nickname.Length == 0)
        {
            return this;
        }

        var owners = Nicknames.TryGetValue(chosen.ViewerId, out var held) ? NicknameOwners.Remove(TextFolding.NameKey(held.Nickname)) : NicknameOwners;
        return this with
        {
            Nicknames = Nicknames.SetItem(chosen.ViewerId, new ViewerNickname(chosen.Nickname, chosen.Generated)),
            NicknameOwners = owners.SetItem(TextFolding.NameKey(chosen.Nickname), chosen.ViewerId),
        };
    }

    /// <summary>Keeps the newest messages; a message still waiting for review is never the one dropped.</summary>
    private ImmutableList<ChatMessage> Add(ChatMessage message)
    {
        if (Messages.Count < HistorySize)
        {
            return Messages.Add(message);
        }

        var oldest = Messages.FindIndex(m => m.Status != ChatStatus.Held);
        return (oldest >= 0 ? Messages.RemoveAt(oldest) : Messages.RemoveAt(0)).Add(message);
    }

    /// <summary>An approved message moves to the approval's position: that is when the public first sees it.</summary>
    private ChatPart WithStatus(Guid messageId, ChatStatus status, long? position) => this with
    {
        Messages = Messages.Select(m => m.Id == messageId ? m with { Status = status, Position = position ?? m.Position } : m).ToImmutableList(),
    };
}
