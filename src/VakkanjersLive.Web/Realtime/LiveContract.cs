namespace VakkanjersLive.Web.Realtime;

/// <summary>Server-to-client messages of the public hub (see docs/hub.md).</summary>
public interface ILiveClient
{
    /// <summary>Public journal items after <see cref="FeedBatch.After"/> up to <see cref="FeedBatch.UpTo"/>.</summary>
    Task Feed(FeedBatch batch);

    /// <summary>Reaction counts per team, coalesced (at most two a second).</summary>
    Task Reactions(ReactionSnapshot snapshot);
}

/// <summary>The <see cref="JoinRequest.Kind"/> of a connection (the browser gets them from protocol.js).</summary>
[BrowserProtocol]
public static class ViewerKinds
{
    /// <summary>A phone: may chat, vote, ask and upvote.</summary>
    public const string Audience = "audience";

    /// <summary>The venue screen or the stream overlay: follows the feed, cannot chat.</summary>
    public const string Screen = "screen";
}

/// <summary>
/// A join. <see cref="ViewerId"/> is ignored (the server's cookie says who the viewer is); <see cref="ScreenToken"/>:
/// the token a moderator made for a venue screen or overlay (required for <see cref="ViewerKinds.Screen"/>).
/// </summary>
public sealed record JoinRequest(string? EventCode, Guid ViewerId, string? Nickname, string? Kind, string? ScreenToken = null)
{
    /// <summary>
    /// A rejoin: the last position the client has. When this node still buffers what came after it, the answer
    /// carries those items (<see cref="JoinResult.Batch"/>) instead of a snapshot: a reconnect storm costs little.
    /// </summary>
    public long? Since { get; init; }
}

/// <summary>
/// The answer to Join. <see cref="Reactions"/>: the reaction totals so far (they live outside the journal, so not in
/// the snapshot), so a phone that joins late shows the counts at once, not 0 until the next tap.
/// <see cref="ServerTime"/>: the server's clock when it answered, so the client reads the pitch timer on it.
/// </summary>
public sealed record JoinResult(bool Ok, string? Code, string? Message, Guid EventId, string EventName, string Nickname, LiveSnapshot? Snapshot, ReactionSnapshot? Reactions = null, DateTimeOffset? ServerTime = null)
{
    /// <summary>For a rejoin with <see cref="JoinRequest.Since"/>: the items after it (then <see cref="Snapshot"/> is null).</summary>
    public FeedBatch? Batch { get; init; }
}

/// <summary>
/// A chat line. <see cref="SentAt"/>: when the client sent it, in milliseconds since 1970 on its own clock (the
/// browser's <c>Date.now()</c>); slow mode judges the viewer by it (see <c>PostClock</c>). Optional.
/// </summary>
public sealed record ChatRequest(Guid CommandId, string? Text, long? SentAt = null)
{
    /// <summary>The latest send time accepted: the end of the year 9999.</summary>
    public const long MaxSentAt = 253_402_300_799_999;
}

public sealed record ReactionRequest(Guid TeamId, string? Kind);

/// <summary>A viewer's vote; <see cref="CommandId"/> is made by the client, so a resend is counted once.</summary>
public sealed record VoteRequest(Guid CommandId, Guid PollId, Guid OptionId);

public sealed record ReportRequest(Guid MessageId, string? Reason);

/// <summary>A viewer's question; <see cref="CommandId"/> is made by the client and becomes the question's id.</summary>
public sealed record QuestionRequest(Guid CommandId, string? Text);

/// <summary>An upvote of an approved question, or (with <see cref="Withdraw"/>) taking it back.</summary>
public sealed record UpvoteRequest(Guid CommandId, Guid QuestionId, bool Withdraw);

/// <summary>Every hub call answers with this (or a richer result): <see cref="Code"/> is stable, <see cref="Message"/> localised.</summary>
public sealed record SendResult(bool Ok, string? Code, string? Message)
{
    public static SendResult Success { get; } = new(true, null, null);
}

/// <summary>
/// Either the items since the client's position, or (when they are no longer buffered) a full snapshot that replaces
/// the client's state.
/// </summary>
public sealed record ResyncResult(bool Ok, string? Code, FeedBatch? Batch, LiveSnapshot? Snapshot);

/// <summary>
/// <see cref="ServerTime"/>: the server's clock when the batch was made, before it was sent, so
/// <c>serverTime − received</c> is a lower bound of the offset to the server's clock (the pitch timer reads on it).
/// </summary>
public sealed record FeedBatch(long After, long UpTo, IReadOnlyList<FeedItem> Items, DateTimeOffset? ServerTime = null);

/// <summary>
/// One public happening. <see cref="Type"/> is one of the <see cref="FeedItemTypes"/> constants. Fields that do not
/// apply are null (and left out of the JSON).
/// </summary>
public sealed record FeedItem(long Position, string Type)
{
    public Guid? CategoryId { get; init; }

    public string? CategoryName { get; init; }

    public TeamCard? Team { get; init; }

    public Guid? MessageId { get; init; }

    public string? Nickname { get; init; }

    public string? Text { get; init; }

    public string? Url { get; init; }

    public bool? Enabled { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public string? Label { get; init; }

    public int? Step { get; init; }

    public int? Total { get; init; }

    public int? Rank { get; init; }

    public double? Score { get; init; }

    public bool? SharedRank { get; init; }

    public bool? Winner { get; init; }

    /// <summary>reveal-step: an honourable mention (named without its place or score).</summary>
    public bool? Mention { get; init; }

    /// <summary>reveal-step of a place with rules that blend panels: each panel's result (<c>panel</c>, <c>value</c>), in declared order.</summary>
    public IReadOnlyList<Domain.Events.RevealPart>? Parts { get; init; }

    /// <summary>chat-settings: "open", "paused" or "off".</summary>
    public string? Mode { get; init; }

    /// <summary>chat-settings: slow mode in seconds (0: off).</summary>
    public int? Seconds { get; init; }

    /// <summary>poll-open, poll-closed, poll-results: the poll's whole public state (it replaces what the client has).</summary>
    public PublicPoll? Poll { get; init; }

    /// <summary>question, question-votes, question-highlight: an approved question's whole public state.</summary>
    public PublicQuestion? Question { get; init; }

    /// <summary>question-hidden: the question to take away; question-highlight: the question now on (absent: none).</summary>
    public Guid? QuestionId { get; init; }

    /// <summary>pitch-timer: when the pitch started, on the server's clock (absent: the timer is stopped).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>pitch-timer: the presentation's length in seconds.</summary>
    public int? PresentationSeconds { get; init; }

    /// <summary>pitch-timer: the questions' length in seconds.</summary>
    public int? QuestionSeconds { get; init; }

    /// <summary>segment: the episode's segment on now and its guests (absent: none on).</summary>
    public PublicSegment? Segment { get; init; }

    /// <summary>scene: the display the producer chose a scene for (<see cref="SceneDisplays"/>).</summary>
    public string? Display { get; init; }

    /// <summary>scene: the chosen scene (<see cref="ScreenScenes"/>; <c>auto</c>: the state chooses).</summary>
    public string? Scene { get; init; }
}

/// <summary>
/// The segment on now as viewers may see it: its name, its place in the run-of-show and the guests on. The producer's
/// notes and planned minutes are never sent.
/// </summary>
public sealed record PublicSegment(Guid Id, string Name, int Number, int Total, IReadOnlyList<PublicGuest> Guests);

/// <summary>A guest as the public reads them (the phone page, the overlay's lower third).</summary>
public sealed record PublicGuest(Guid Id, string Name, string Role, string Organisation);

/// <summary>
/// An approved question as the public may see it. <see cref="Asked"/> orders questions with the same votes (lower:
/// asked earlier); who asked (beyond the nickname) and who upvoted are never sent.
/// </summary>
public sealed record PublicQuestion(Guid Id, string Nickname, string Text, int Votes, bool Answered, long Asked);

/// <summary>
/// A poll as the public may see it. Counts and percentages are present only while <see cref="ResultsVisible"/>;
/// who voted is never sent.
/// </summary>
/// <summary>
/// A poll's public state. <see cref="Mode"/>: <see cref="PollModes"/>; in a per-class poll with its results shown,
/// an option's votes are its points (options best first) and <see cref="Classes"/> says how many classes voted.
/// </summary>
public sealed record PublicPoll(Guid Id, string Question, string State, bool ResultsVisible, int? TotalVotes, IReadOnlyList<PublicPollOption> Options, string Mode = PollModes.Open, int? Classes = null);

/// <summary>How a poll counts (<see cref="PublicPoll.Mode"/>).</summary>
[BrowserProtocol]
public static class PollModes
{
    /// <summary>One vote per viewer; results are votes.</summary>
    public const string Open = "open";

    /// <summary>One ballot of points per class; results are points.</summary>
    public const string PerClass = "per-class";
}

public sealed record PublicPollOption(Guid Id, string Text, int? Votes, int? Percent);

public sealed record TeamCard(Guid Id, string Name, string School, string Project);

/// <summary>What a newly joined (or resynced) client needs to draw the page, at <see cref="Position"/>.</summary>
public sealed record LiveSnapshot(
    long Position,
    string EventName,
    string StreamUrl,
    bool ReactionsEnabled,
    DateTimeOffset? CountdownEndsAt,
    string CountdownLabel,
    IReadOnlyList<StageCard> Stage,
    IReadOnlyList<FeedItem> Chat,
    IReadOnlyList<PublicReveal> Reveals,
    string ChatMode,
    int SlowModeSeconds,
    string PinnedMessage,
    PublicPoll? Poll,
    bool QuestionsEnabled,
    IReadOnlyList<PublicQuestion> Questions,
    Guid? HighlightedQuestionId,
    IReadOnlyList<FeedItem>? Timers = null,
    PublicSegment? Segment = null,
    IReadOnlyList<FeedItem>? Scenes = null);

/// <summary>What a venue screen or overlay shows now (<c>ShowingScene</c>): its display, scene and category.</summary>
public sealed record SceneReport(string? Display, string? Scene, Guid? CategoryId);

public sealed record StageCard(Guid CategoryId, string CategoryName, TeamCard? Team);

/// <summary>
/// A reveal as the public may see it: only the entries shown so far (mentions, then places from the last up);
/// <see cref="Paused"/> while the hall waits for the winner.
/// </summary>
public sealed record PublicReveal(Guid CategoryId, string CategoryName, int Total, IReadOnlyList<FeedItem> Revealed, bool Paused = false);

public sealed record ReactionSnapshot(IReadOnlyList<ReactionCount> Counts);

public sealed record ReactionCount(Guid TeamId, string Kind, long Total, int Burst);

/// <summary>Hub group names are built here only.</summary>
public static class LiveGroups
{
    public static string Audience(Guid eventId) => $"event:{eventId:N}:audience";

    public static string Screens(Guid eventId) => $"event:{eventId:N}:screens";
}
