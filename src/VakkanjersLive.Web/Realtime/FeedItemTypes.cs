using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// The <see cref="FeedItem.Type"/> of every public feed item: the one definition of the wire values. The browser gets
/// them as <c>FeedItemTypes</c> in <c>wwwroot/js/live/protocol.js</c>, generated from this class.
/// </summary>
[BrowserProtocol]
public static class FeedItemTypes
{
    /// <summary>Who is on stage in a category: <c>categoryId</c>, <c>categoryName</c>, <c>team</c> (absent: nobody).</summary>
    public const string Stage = "stage";

    /// <summary>A chat message shown to everyone: <c>messageId</c>, <c>nickname</c>, <c>text</c>.</summary>
    public const string Chat = "chat";

    /// <summary>A chat message taken down: <c>messageId</c>.</summary>
    public const string ChatHidden = "chat-hidden";

    /// <summary>The privacy purge: the chat and the audience questions are erased.</summary>
    public const string ChatCleared = "chat-cleared";

    /// <summary>The chat's mode (<c>open</c>, <c>paused</c>, <c>off</c>) and slow-mode <c>seconds</c>.</summary>
    public const string ChatSettings = "chat-settings";

    /// <summary>The pinned message's <c>text</c> (absent: none).</summary>
    public const string Pinned = "pinned";

    /// <summary>An announcement from the moderators: <c>messageId</c>, <c>text</c>.</summary>
    public const string Announcement = "announcement";

    /// <summary>The stream's <c>url</c> (empty: off-air).</summary>
    public const string Stream = "stream";

    /// <summary>Reactions switched on or off: <c>enabled</c>.</summary>
    public const string Reactions = "reactions";

    /// <summary>A countdown: <c>endsAt</c> (absent: stopped) and <c>label</c>.</summary>
    public const string Countdown = "countdown";

    /// <summary>A reveal begins: <c>categoryId</c>, <c>categoryName</c>, <c>total</c> (no scores).</summary>
    public const string RevealStart = "reveal-start";

    /// <summary>
    /// One entry of a reveal: <c>step</c> (its place in the frozen order), <c>total</c>, <c>team</c>, and for a place
    /// <c>rank</c>, <c>score</c>, <c>sharedRank</c>, <c>winner</c>; an honourable mention has <c>mention</c> instead
    /// (the mentions of a reveal come together, at one position).
    /// </summary>
    public const string RevealStep = "reveal-step";

    /// <summary>The pause before a reveal's winner ("en de winnaar is…"): <c>categoryId</c>, <c>categoryName</c>.</summary>
    public const string RevealPause = "reveal-pause";

    /// <summary>A poll was opened for votes: <c>poll</c> (its whole public state).</summary>
    public const string PollOpen = "poll-open";

    /// <summary>Voting on a poll has ended: <c>poll</c>.</summary>
    public const string PollClosed = "poll-closed";

    /// <summary>A poll's results shown or hidden, or a new tally of a poll with visible results: <c>poll</c>.</summary>
    public const string PollResults = "poll-results";

    /// <summary>Audience questions switched on or off: <c>enabled</c>.</summary>
    public const string Questions = "questions";

    /// <summary>A question approved, or marked answered: <c>question</c> (its whole public state).</summary>
    public const string Question = "question";

    /// <summary>A question's upvote count changed: <c>question</c>.</summary>
    public const string QuestionVotes = "question-votes";

    /// <summary>An approved question taken down: <c>questionId</c>.</summary>
    public const string QuestionHidden = "question-hidden";

    /// <summary>The question "nu aan de beurt": <c>questionId</c> and <c>question</c> (both absent: none).</summary>
    public const string QuestionHighlight = "question-highlight";

    /// <summary>
    /// A category's pitch timer: <c>categoryId</c>, <c>team</c>, <c>startedAt</c>, <c>presentationSeconds</c>,
    /// <c>questionSeconds</c> (<c>startedAt</c> absent: stopped). Clients read it against the server's clock
    /// (<c>serverTime</c> in Join's answer); a stage item for another team ends it.
    /// </summary>
    public const string PitchTimer = "pitch-timer";

    /// <summary>An episode's run-of-show moved on: <c>segment</c> (the segment on now and its guests; absent: none on).</summary>
    public const string Segment = "segment";

    /// <summary>
    /// The producer's scene for a display: <c>display</c> (<c>screen</c> or <c>overlay</c>), <c>scene</c>
    /// (<c>auto</c>: the state chooses) and <c>categoryId</c> (a reveal's or the stage's category; absent: none).
    /// </summary>
    public const string Scene = "scene";
}

/// <summary>The scenes a producer can choose for a display, and the displays (<see cref="SceneNames"/>).</summary>
[BrowserProtocol]
public static class ScreenScenes
{
    public const string Auto = SceneNames.Auto;
    public const string Join = SceneNames.Join;
    public const string Stage = SceneNames.Stage;
    public const string Countdown = SceneNames.Countdown;
    public const string Poll = SceneNames.Poll;
    public const string Question = SceneNames.Question;
    public const string Reveal = SceneNames.Reveal;
    public const string Blank = SceneNames.Blank;
}

/// <summary>The two kinds of screen a scene is chosen for.</summary>
[BrowserProtocol]
public static class SceneDisplays
{
    public const string Screen = SceneNames.Screen;
    public const string Overlay = SceneNames.Overlay;
}
