using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// An episode's run-of-show: segments planned (added, changed, reordered, removed) while the episode is planned, run
/// with one "next segment" while it is live, and the show clock computed from the facts and the server's time. Each
/// segment's switches (questions on, a prepared poll open, slow mode) are applied through the existing decisions of
/// questions, polls and chat, one fact at a time (<see cref="SwitchForSegment"/>), so every rule of theirs holds.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxSegments = 30;
    public const int MaxSegmentMinutes = 240;
    public const int MaxSegmentNameLength = 80;
    public const int MaxSegmentNotesLength = 1000;

    public ImmutableList<Segment> Segments => Broadcast.Segments;

    public Segment? CurrentSegment => Broadcast.CurrentSegment;

    // ---- decisions -------------------------------------------------------------------------------------------

    public SegmentPlanned PlanSegment(Guid segmentId, string? name, int plannedMinutes, string? notes, IEnumerable<Guid>? guestIds, bool questionsOn, Guid? pollId, int slowModeSeconds)
    {
        EnsureSegmentsEditable();
        EnsureNewId(segmentId, Broadcast.FindSegment(segmentId) is not null);
        if (Broadcast.Segments.Count >= MaxSegments)
        {
            throw new DomainException("segment.too-many", MaxSegments);
        }

        var (checkedName, checkedNotes, guests) = CheckSegment(name, plannedMinutes, notes, guestIds, pollId, slowModeSeconds);
        return new SegmentPlanned(segmentId, checkedName, plannedMinutes, checkedNotes, guests, questionsOn, pollId, slowModeSeconds);
    }

    public SegmentChanged ChangeSegment(Guid segmentId, string? name, int plannedMinutes, string? notes, IEnumerable<Guid>? guestIds, bool questionsOn, Guid? pollId, int slowModeSeconds)
    {
        EnsureSegmentsEditable();
        _ = KnownSegment(segmentId);
        var (checkedName, checkedNotes, guests) = CheckSegment(name, plannedMinutes, notes, guestIds, pollId, slowModeSeconds);
        return new SegmentChanged(segmentId, checkedName, plannedMinutes, checkedNotes, guests, questionsOn, pollId, slowModeSeconds);
    }

    public SegmentMoved MoveSegment(Guid segmentId, int position)
    {
        EnsureSegmentsEditable();
        _ = KnownSegment(segmentId);
        return position < 0 || position >= Broadcast.Segments.Count
            ? throw new DomainException("segment.position.out-of-range", 1, Broadcast.Segments.Count)
            : new SegmentMoved(segmentId, position);
    }

    public SegmentRemoved RemoveSegment(Guid segmentId)
    {
        EnsureSegmentsEditable();
        return new SegmentRemoved(KnownSegment(segmentId).Id);
    }

    /// <summary>
    /// "Volgend segment": ends the current segment and starts the next, at <paramref name="now"/> (the server's time).
    /// Past the last segment the run-of-show is over; another click is refused.
    /// </summary>
    public SegmentAdvanced AdvanceSegment(DateTimeOffset now)
    {
        EnsureEpisodeIn(EpisodeState.Live, "episode.state.not-live");
        var segments = Broadcast.Segments;
        if (segments.IsEmpty)
        {
            throw new DomainException("segment.none");
        }

        var current = Broadcast.CurrentSegment;
        if (current is null && segments.Exists(s => s.StartedAt is not null))
        {
            throw new DomainException("segment.none-left");
        }

        var next = current is null ? segments[0] : segments.IndexOf(current) + 1 < segments.Count ? segments[segments.IndexOf(current) + 1] : null;

        // The chat's own slow mode is remembered when the first segment with a slow mode of its own starts.
        var baseline = current is { SlowModeSeconds: > 0 } ? Broadcast.SlowModeBaseline : Chat.Settings.SlowModeSeconds;
        return new SegmentAdvanced(current?.Id, next?.Id, now, baseline);
    }

    /// <summary>Whether a switch of the segment just started or ended is still to be made (see <see cref="SwitchForSegment"/>).</summary>
    public bool HasSegmentSwitchDue => DueSegmentSwitch() is not null;

    /// <summary>
    /// The next switch that the last "next segment" calls for, made through the part's own decision: questions on (or
    /// off again), the segment's slow mode (or the chat's own again, unless a moderator changed it meanwhile), the
    /// ended segment's poll closed, the new segment's prepared poll opened — the usual rules hold (one poll at a time).
    /// </summary>
    public ILiveEventFact SwitchForSegment() => DueSegmentSwitch()?.Invoke() ?? throw new DomainException("segment.switch.none");

    /// <summary>The show clock at <paramref name="now"/>: now / next, show time, over/under per segment and in total.</summary>
    public SegmentClock SegmentClockAt(DateTimeOffset now)
    {
        var segments = Broadcast.Segments;
        var current = Broadcast.CurrentSegment;
        var timings = segments.ConvertAll(s =>
        {
            TimeSpan? ran = s.StartedAt is { } started ? (s.EndedAt ?? now) - started : null;
            return new SegmentTiming(s, ran, ran - s.Planned, s.Id == current?.Id);
        });
        var firstStart = segments.Where(s => s.StartedAt is not null).Select(s => s.StartedAt!.Value).DefaultIfEmpty().Min();
        var lastEnd = current is null ? segments.Where(s => s.EndedAt is not null).Select(s => s.EndedAt!.Value).DefaultIfEmpty().Max() : now;
        var showTime = firstStart == default ? TimeSpan.Zero : lastEnd - firstStart;
        var total = timings.Where(t => t.OverUnder is not null && !t.IsCurrent).Aggregate(TimeSpan.Zero, (sum, t) => sum + t.OverUnder!.Value)
            + timings.Where(t => t.IsCurrent && t.OverUnder > TimeSpan.Zero).Aggregate(TimeSpan.Zero, (sum, t) => sum + t.OverUnder!.Value);
        var index = current is null ? -1 : segments.IndexOf(current);
        var started = segments.Exists(s => s.StartedAt is not null);
        var next = !started ? segments.FirstOrDefault() : index >= 0 && index + 1 < segments.Count ? segments[index + 1] : null;
        return new SegmentClock(current, next, showTime, total, timings, Finished: started && current is null);
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    private Func<ILiveEventFact>? DueSegmentSwitch()
    {
        if (!IsEpisode)
        {
            return null;
        }

        var current = Broadcast.CurrentSegment;
        var ended = Broadcast.LastEndedSegmentId is { } endedId ? Broadcast.FindSegment(endedId) : null;
        if (current is null && ended is null)
        {
            return null;
        }

        var wantsQuestions = current?.QuestionsOn ?? false;
        if (wantsQuestions && !Questions.Enabled)
        {
            return () => SwitchQuestions(true);
        }

        if (!wantsQuestions && ended is { QuestionsOn: true } && Questions.Enabled)
        {
            return () => SwitchQuestions(false);
        }

        var slowMode = current?.SlowModeSeconds ?? 0;
        if (slowMode > 0 && Chat.Settings.SlowModeSeconds != slowMode)
        {
            return () => ChangeChatSettings(Chat.Settings with { SlowModeSeconds = slowMode });
        }

        if (slowMode == 0 && ended is { SlowModeSeconds: > 0 } && Chat.Settings.SlowModeSeconds == ended.SlowModeSeconds && ended.SlowModeSeconds != Broadcast.SlowModeBaseline)
        {
            return () => ChangeChatSettings(Chat.Settings with { SlowModeSeconds = Broadcast.SlowModeBaseline });
        }

        if (ended?.PollId is { } endedPoll && endedPoll != current?.PollId && FindPoll(endedPoll) is { State: PollState.Open })
        {
            return () => ClosePoll(endedPoll);
        }

        return current?.PollId is { } poll && FindPoll(poll) is { State: PollState.Draft } ? () => OpenPoll(poll) : null;
    }

    private void EnsureSegmentsEditable()
    {
        EnsureEpisode();
        if (Broadcast.State != EpisodeState.Planned)
        {
            throw new DomainException("segment.not-planned");
        }
    }

    private Segment KnownSegment(Guid segmentId) => Broadcast.FindSegment(segmentId) ?? throw new DomainException("segment.unknown");

    private (string Name, string Notes, IReadOnlyList<Guid> Guests) CheckSegment(string? name, int plannedMinutes, string? notes, IEnumerable<Guid>? guestIds, Guid? pollId, int slowModeSeconds)
    {
        var checkedName = Guard.Text(name, "segment.name", MaxSegmentNameLength);
        if (plannedMinutes is < 1 or > MaxSegmentMinutes)
        {
            throw new DomainException("segment.minutes.out-of-range", 1, MaxSegmentMinutes);
        }

        var checkedNotes = Guard.Text(notes, "segment.notes", MaxSegmentNotesLength, required: false);
        var guests = (guestIds ?? []).Distinct().ToList();
        if (guests.Exists(id => !Broadcast.Guests.Exists(g => g.Id == id)))
        {
            throw new DomainException("segment.guest.unknown");
        }

        if (pollId is { } poll && FindPoll(poll) is not { State: PollState.Draft })
        {
            throw new DomainException("segment.poll.not-draft");
        }

        if (slowModeSeconds is < 0 or > MaxSlowModeSeconds)
        {
            throw new DomainException("segment.slow-mode.out-of-range", 0, MaxSlowModeSeconds);
        }

        return (checkedName, checkedNotes, guests);
    }
}
