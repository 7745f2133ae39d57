namespace VakkanjersLive.Domain.Events;

/// <summary>The scenes a venue screen or an overlay can show, and the two kinds of screen (issue 13, item 8).</summary>
public static class SceneNames
{
    /// <summary>The state chooses (what happened last, else a question, a poll, a reveal, a countdown, the stage, the join QR).</summary>
    public const string Auto = "auto";

    public const string Join = "join";

    public const string Stage = "stage";

    public const string Countdown = "countdown";

    public const string Poll = "poll";

    public const string Question = "question";

    public const string Reveal = "reveal";

    /// <summary>Only the event's name on a calm background: between parts of the show.</summary>
    public const string Blank = "blank";

    /// <summary>The venue screen (<c>/screen</c>).</summary>
    public const string Screen = "screen";

    /// <summary>The stream overlay (<c>/overlay</c>).</summary>
    public const string Overlay = "overlay";

    /// <summary>Every scene a producer can choose, in the console's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Auto, Join, Stage, Countdown, Poll, Question, Reveal, Blank];

    public static IReadOnlyList<string> Displays { get; } = [Screen, Overlay];
}

/// <summary>A display's chosen scene (<see cref="SceneChosen"/>).</summary>
public sealed record SceneChoice(string Scene, Guid? CategoryId)
{
    public static SceneChoice Automatic { get; } = new(SceneNames.Auto, null);
}
