namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The live event becomes an episode of a broadcast series: its number, theme, description and planned time (UTC
/// instants; planned and shown in Europe/Amsterdam).
/// </summary>
public sealed record EpisodePlanned(Guid SeriesId, int Number, string Theme, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt) : ILiveEventFact;

public sealed record EpisodeChanged(int Number, string Theme, string Description) : ILiveEventFact;

/// <summary>A new time for a planned episode. The event, its join code and its calendar UID stay the same.</summary>
public sealed record EpisodeMoved(DateTimeOffset StartsAt, DateTimeOffset EndsAt) : ILiveEventFact;

/// <summary>
/// A guest of the episode (an adult panel member, a company's speaker), public on the schedule and the phone page.
/// Only added once the producer has noted the guest's consent; <see cref="GuestRemoved"/> takes them off every page.
/// </summary>
public sealed record GuestAdded(Guid GuestId, string Name, string Role, string Organisation, bool Adult, bool ConsentNoted) : ILiveEventFact;

public sealed record GuestRemoved(Guid GuestId) : ILiveEventFact;

public sealed record EpisodeWentLive : ILiveEventFact;

public sealed record EpisodeEnded : ILiveEventFact;

/// <summary>The replay is online (or its link was corrected).</summary>
public sealed record ReplayPublished(string Url) : ILiveEventFact;

/// <summary>
/// A segment added to the end of the run-of-show while the episode is planned: its name, planned minutes, producer
/// notes, the guests on, and what it switches on when it starts (questions, a prepared draft poll, slow mode).
/// </summary>
public sealed record SegmentPlanned(Guid SegmentId, string Name, int PlannedMinutes, string Notes, IReadOnlyList<Guid> GuestIds, bool QuestionsOn, Guid? PollId, int SlowModeSeconds) : ILiveEventFact;

public sealed record SegmentChanged(Guid SegmentId, string Name, int PlannedMinutes, string Notes, IReadOnlyList<Guid> GuestIds, bool QuestionsOn, Guid? PollId, int SlowModeSeconds) : ILiveEventFact;

/// <summary>The segment moves to <paramref name="Position"/> (0-based) in the run-of-show.</summary>
public sealed record SegmentMoved(Guid SegmentId, int Position) : ILiveEventFact;

public sealed record SegmentRemoved(Guid SegmentId) : ILiveEventFact;

/// <summary>
/// "Volgend segment": the current segment (if any) ends and the next one (if any) starts, at the server's time.
/// <paramref name="SlowModeBaseline"/> is the chat's slow mode to return to when a segment with its own slow mode ends.
/// </summary>
public sealed record SegmentAdvanced(Guid? EndedSegmentId, Guid? StartedSegmentId, DateTimeOffset At, int SlowModeBaseline) : ILiveEventFact;
