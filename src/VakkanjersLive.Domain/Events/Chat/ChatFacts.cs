namespace VakkanjersLive.Domain.Events;

/// <summary>A viewer's chat message. Viewers have no account: a random browser id and a nickname, nothing else.</summary>
public sealed record ChatPosted(Guid MessageId, [property: ViewerData] Guid ViewerId, [property: ViewerData] string Nickname, [property: ViewerData] string Text) : ILiveEventFact;

public enum ChatMode
{
    Open,
    Paused,
    Off,
}

/// <summary>
/// How chat behaves for an event. <see cref="Safe"/> is the child-safe default every new event starts with.
/// </summary>
public sealed record ChatSettings(ChatMode Mode, bool HoldForReview, int SlowModeSeconds, bool GeneratedNicknamesOnly, bool BlockLinks)
{
    public static ChatSettings Safe { get; } = new(ChatMode.Open, HoldForReview: true, SlowModeSeconds: 5, GeneratedNicknamesOnly: true, BlockLinks: true);

    /// <summary>One switch when things go wrong (like Twitch's Shield Mode): everything waits for review, 30 s slow mode, no new nicknames.</summary>
    public static ChatSettings Panic { get; } = new(ChatMode.Open, HoldForReview: true, SlowModeSeconds: 30, GeneratedNicknamesOnly: true, BlockLinks: true);
}

public sealed record ChatSettingsChanged(ChatSettings Settings) : ILiveEventFact;

/// <summary>A message waiting for a moderator (hold-for-review). The sender sees "wacht op goedkeuring"; nobody else sees it.</summary>
public sealed record ChatHeld(Guid MessageId, [property: ViewerData] Guid ViewerId, [property: ViewerData] string Nickname, [property: ViewerData] string Text) : ILiveEventFact;

public sealed record ChatApproved(Guid MessageId) : ILiveEventFact;

public sealed record ChatRejected(Guid MessageId) : ILiveEventFact;

/// <summary>A shown message is taken down on every page.</summary>
public sealed record ChatHidden(Guid MessageId) : ILiveEventFact;

public sealed record ViewerTimedOut([property: ViewerData] Guid ViewerId, DateTimeOffset Until) : ILiveEventFact;

public sealed record ViewerBanned([property: ViewerData] Guid ViewerId) : ILiveEventFact;

public sealed record ChatReported(Guid MessageId, [property: ViewerData] Guid ReporterId, [property: ViewerData] string Reason) : ILiveEventFact;

public sealed record BlockedWordsChanged(IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : ILiveEventFact;

/// <summary>The pinned message shown above the chat (empty: none).</summary>
public sealed record MessagePinned(string Text) : ILiveEventFact;

public sealed record AnnouncementMade(Guid AnnouncementId, string Text) : ILiveEventFact;

/// <summary>
/// The nickname a viewer joined the event under, typed or <paramref name="Generated"/>: journaled so that no two viewers
/// of an event share one (or two that look alike), on every node.
/// </summary>
public sealed record NicknameChosen([property: ViewerData] Guid ViewerId, [property: ViewerData] string Nickname, bool Generated) : ILiveEventFact;

/// <summary>Chat and viewer data were erased from the journal (privacy for minors); the entries remain, emptied.</summary>
public sealed record ChatPurged(int MessageCount) : ILiveEventFact;
