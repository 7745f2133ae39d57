namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The parts ("rooms") of a live event's state. Every fact belongs to exactly one part; a change notification says
/// which parts moved, so a page that shows the roster does not re-render for chat.
/// </summary>
[Flags]
public enum EventParts
{
    None = 0,

    /// <summary>Name, date, venue, theme, join code.</summary>
    Details = 1,

    /// <summary>Categories, schools, teams, rubric, judges and their codes, rounds.</summary>
    Roster = 2,

    /// <summary>Judging open/closed, scorecards, conflicts, round locks, scoring rules, awards.</summary>
    Judging = 4,

    /// <summary>The stage, the stream, reactions, the countdown and the reveal.</summary>
    Show = 8,

    /// <summary>Chat messages and their moderation (settings, review, bans, reports, words, pins, purges).</summary>
    Chat = 16,

    /// <summary>Audience polls and votes.</summary>
    Polls = 32,

    /// <summary>Audience questions and upvotes.</summary>
    Questions = 64,

    /// <summary>The event as an episode of a broadcast series: number, theme, planned time, guests, life cycle, replay.</summary>
    Broadcast = 128,

    /// <summary>The company speeddate: companies, classes taking part, rotation, shared clock, questions, ratings.</summary>
    Speeddate = 256,

    All = Details | Roster | Judging | Show | Chat | Polls | Questions | Broadcast | Speeddate,
}
