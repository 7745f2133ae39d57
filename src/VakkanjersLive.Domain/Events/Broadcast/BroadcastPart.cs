using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The live event as an episode of a broadcast series (Sterk Techniekonderwijs LIVE): series, number, theme, planned
/// time, guests, its life cycle and the replay. Empty for an event that is no episode.
/// </summary>
public sealed record BroadcastPart
{
    public static BroadcastPart Empty { get; } = new();

    public Guid SeriesId { get; private init; }

    public bool IsEpisode => SeriesId != Guid.Empty;

    public int Number { get; private init; }

    public string Theme { get; private init; } = string.Empty;

    public string Description { get; private init; } = string.Empty;

    public DateTimeOffset StartsAt { get; private init; }

    public DateTimeOffset EndsAt { get; private init; }

    public ImmutableList<Guest> Guests { get; private init; } = [];

    public EpisodeState State { get; private init; }

    public string ReplayUrl { get; private init; } = string.Empty;

    /// <summary>How often the plan changed since it was made (a calendar's SEQUENCE: a moved episode updates in place).</summary>
    public int Revision { get; private init; }

    /// <summary>The run-of-show, in order.</summary>
    public ImmutableList<Segment> Segments { get; private init; } = [];

    /// <summary>The segment on now, if the run-of-show is running.</summary>
    public Guid? CurrentSegmentId { get; private init; }

    /// <summary>The segment that ended at the last "next segment" (what its switches turn off again).</summary>
    public Guid? LastEndedSegmentId { get; private init; }

    /// <summary>The chat's slow mode from before the segments changed it.</summary>
    public int SlowModeBaseline { get; private init; }

    public Segment? CurrentSegment => CurrentSegmentId is { } id ? FindSegment(id) : null;

    public Segment? FindSegment(Guid segmentId) => Segments.Find(s => s.Id == segmentId);

    /// <summary>
    /// Guests are adults who agreed to appear on the public pages (consent noted before <see cref="GuestAdded"/> is
    /// accepted); no purge blanks them, since the replay keeps them. Nothing here is viewer or pupil data.
    /// </summary>
    internal static void Register(PartRegistration<BroadcastPart> part) => part
        .On<EpisodePlanned>(
            (p, e, _) => p with { SeriesId = e.SeriesId, Number = e.Number, Theme = e.Theme, Description = e.Description, StartsAt = e.StartsAt, EndsAt = e.EndsAt, State = EpisodeState.Planned },
            FactPrivacy.NoPersonalData,
            FactAudit.NotAudited)
        .On<EpisodeChanged>((p, e, _) => p with { Number = e.Number, Theme = e.Theme, Description = e.Description, Revision = p.Revision + 1 }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<EpisodeMoved>((p, e, _) => p with { StartsAt = e.StartsAt, EndsAt = e.EndsAt, Revision = p.Revision + 1 }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<GuestAdded>((p, e, _) => p with { Guests = p.Guests.Add(new Guest(e.GuestId, e.Name, e.Role, e.Organisation)) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<GuestRemoved>((p, e, _) => p with { Guests = p.Guests.RemoveAll(g => g.Id == e.GuestId), Segments = p.Segments.ConvertAll(s => s with { GuestIds = s.GuestIds.Remove(e.GuestId) }) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<EpisodeWentLive>((p, _, _) => p with { State = EpisodeState.Live }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<EpisodeEnded>((p, _, _) => p with { State = EpisodeState.Ended }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<ReplayPublished>((p, e, _) => p with { State = EpisodeState.ReplayAvailable, ReplayUrl = e.Url }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SegmentPlanned>((p, e, _) => p with { Segments = p.Segments.Add(Plan(e.SegmentId, e.Name, e.PlannedMinutes, e.Notes, e.GuestIds, e.QuestionsOn, e.PollId, e.SlowModeSeconds)) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SegmentChanged>((p, e, _) => p with { Segments = p.Segments.ConvertAll(s => s.Id == e.SegmentId ? Plan(e.SegmentId, e.Name, e.PlannedMinutes, e.Notes, e.GuestIds, e.QuestionsOn, e.PollId, e.SlowModeSeconds) : s) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SegmentMoved>((p, e, _) => p.FindSegment(e.SegmentId) is { } moved ? p with { Segments = p.Segments.Remove(moved).Insert(Math.Clamp(e.Position, 0, p.Segments.Count - 1), moved) } : p, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SegmentRemoved>((p, e, _) => p with { Segments = p.Segments.RemoveAll(s => s.Id == e.SegmentId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SegmentAdvanced>(
            (p, e, _) => p with
            {
                Segments = p.Segments.ConvertAll(s => s.Id == e.EndedSegmentId ? s with { EndedAt = e.At } : s.Id == e.StartedSegmentId ? s with { StartedAt = e.At } : s),
                CurrentSegmentId = e.StartedSegmentId,
                LastEndedSegmentId = e.EndedSegmentId,
                SlowModeBaseline = e.SlowModeBaseline,
            },
            FactPrivacy.NoPersonalData,
            FactAudit.NotAudited);

    private static Segment Plan(Guid id, string name, int minutes, string notes, IReadOnlyList<Guid> guestIds, bool questionsOn, Guid? pollId, int slowModeSeconds) =>
        new(id, name, minutes, notes, [.. guestIds], questionsOn, pollId, slowModeSeconds);
}
