using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>An episode's life cycle: planned → live → ended → replay available, one step at a time.</summary>
public enum EpisodeState
{
    Planned,
    Live,
    Ended,
    ReplayAvailable,
}

public sealed record Guest(Guid Id, string Name, string Role, string Organisation);

/// <summary>
/// One segment of an episode's run-of-show (intro, panel, company speeddate, Q&amp;A, closing — free names): its plan
/// (planned minutes, producer notes, the guests on, what it switches on) and, once run, when it started and ended.
/// </summary>
public sealed record Segment(
    Guid Id,
    string Name,
    int PlannedMinutes,
    string Notes,
    ImmutableList<Guid> GuestIds,
    bool QuestionsOn,
    Guid? PollId,
    int SlowModeSeconds)
{
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public TimeSpan Planned => TimeSpan.FromMinutes(PlannedMinutes);
}

/// <summary>
/// A segment on the show clock at one moment: how long it ran (so far) and how far over (positive) or under
/// (negative) its planned time it is. A segment not started yet has no run time.
/// </summary>
public sealed record SegmentTiming(Segment Segment, TimeSpan? Ran, TimeSpan? OverUnder, bool IsCurrent);

/// <summary>
/// The show clock at one moment, computed from the segment facts and the server's time: the segment on now and the
/// next one, the time since the first segment started, each segment's over/under time and the total (the ended
/// segments' over/under plus the current one's overrun: how far the show is behind its plan).
/// </summary>
public sealed record SegmentClock(Segment? Current, Segment? Next, TimeSpan ShowTime, TimeSpan TotalOverUnder, ImmutableList<SegmentTiming> Segments, bool Finished);
