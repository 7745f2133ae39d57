using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Moderation;

/// <summary>
/// Chat in the feed: shown messages (at their approval's position when they were held), take-downs, the purge,
/// the settings viewers need (mode, slow mode), the pinned message and announcements. Held and rejected messages,
/// reports, timeouts, word lists and the nicknames viewers chose (until they chat) never leave.
/// </summary>
public static class ChatFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Item<ChatPosted>((_, c, position) => new FeedItem(position, FeedItemTypes.Chat) { MessageId = c.MessageId, Nickname = c.Nickname, Text = c.Text })
        .Never<ChatHeld>()
        .Item<ChatApproved>((e, a, _) => e.FindMessage(a.MessageId) is { Status: ChatStatus.Shown } m ? Chat(m) : null)
        .Never<ChatRejected>()
        .Item<ChatHidden>((_, h, position) => Hidden(h.MessageId, position))

        // A ban takes the viewer's shown messages down, and their approved questions with them.
        .Items<ViewerBanned>((e, b, position) => e.Chat.Messages
            .Where(m => m.ViewerId == b.ViewerId && m.Status == ChatStatus.Hidden)
            .Select(m => Hidden(m.Id, position))
            .Concat(e.Questions.All.Where(q => q.ViewerId == b.ViewerId && q.Status == QuestionStatus.Hidden).Select(q => Questions.QuestionFeed.Hidden(q.Id, position))))
        .Never<ViewerTimedOut>()
        .Never<ChatReported>()
        .Never<BlockedWordsChanged>()
        .Never<NicknameChosen>()
        .Item<ChatPurged>((_, _, position) => new FeedItem(position, FeedItemTypes.ChatCleared))
        .Item<ChatSettingsChanged>((_, c, position) => new FeedItem(position, FeedItemTypes.ChatSettings) { Mode = Mode(c.Settings.Mode), Seconds = c.Settings.SlowModeSeconds })
        .Item<MessagePinned>((_, p, position) => new FeedItem(position, FeedItemTypes.Pinned) { Text = p.Text })
        .Item<AnnouncementMade>((_, a, position) => new FeedItem(position, FeedItemTypes.Announcement) { MessageId = a.AnnouncementId, Text = a.Text });

    public static FeedItem Chat(ChatMessage m) =>
        new(m.Position, FeedItemTypes.Chat) { MessageId = m.Id, Nickname = m.Nickname, Text = m.Text };

    public static string Mode(ChatMode mode) => mode.ToString().ToLowerInvariant();

    private static FeedItem Hidden(Guid messageId, long position) => new(position, FeedItemTypes.ChatHidden) { MessageId = messageId };
}
