using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>An episode's run-of-show: planning segments, the show clock, advancing and the switches of each segment.</summary>
public sealed class SegmentTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 27, 14, 30, 0, TimeSpan.Zero);
    private readonly Guid _intro = Guid.NewGuid();
    private readonly Guid _panel = Guid.NewGuid();
    private readonly Guid _qa = Guid.NewGuid();
    private readonly Guid _poll = Guid.NewGuid();
    private readonly Guid _guest = Guid.NewGuid();

    private static LiveEvent Step(LiveEvent state, Func<LiveEvent, ILiveEventFact> decide) => state.Then(decide(state));

    private LiveEvent Planned()
    {
        var state = LiveEvent.Empty.Apply(LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.TechniekLive, "Sterk Techniekonderwijs LIVE", new DateOnly(2026, 10, 1), "", "", JoinCodes.Generate()), 1);
        state = Step(state, s => s.PlanEpisode(Guid.NewGuid(), 1, "Techniekhubs", "", new DateTime(2026, 10, 27, 15, 30, 0), new DateTime(2026, 10, 27, 16, 30, 0)));
        state = Step(state, s => s.AddGuest(_guest, "Sanne de Vries", "docent techniek", "Technova College", true, true));
        return Step(state, s => s.CreatePoll(_poll, "Wil jij later iets met techniek?", [new PollOption(Guid.NewGuid(), "Ja"), new PollOption(Guid.NewGuid(), "Nee")], resultsLive: true));
    }

    /// <summary>Intro (5 min), panel (20 min, the guest, slow mode 10 s, the poll), Q&amp;A (15 min, questions on).</summary>
    private LiveEvent WithSegments()
    {
        var state = Planned();
        state = Step(state, s => s.PlanSegment(_intro, "Intro", 5, "Welkom, kort het thema", [], false, null, 0));
        state = Step(state, s => s.PlanSegment(_panel, "Panel", 20, "", [_guest], false, _poll, 10));
        return Step(state, s => s.PlanSegment(_qa, "Vragen", 15, "", [], true, null, 0));
    }

    private static LiveEvent Live(LiveEvent state) => Step(state, s => s.GoLive());

    /// <summary>"Volgend segment" at <paramref name="at"/>, then every switch it calls for, as the console does.</summary>
    private static LiveEvent Advance(LiveEvent state, DateTimeOffset at)
    {
        state = Step(state, s => s.AdvanceSegment(at));
        for (var i = 0; i < 8 && state.HasSegmentSwitchDue; i++)
        {
            state = Step(state, s => s.SwitchForSegment());
        }

        return state;
    }

    [Fact]
    public void Segments_AreAddedChangedReorderedAndRemoved_WhilePlanned()
    {
        var state = WithSegments();
        Assert.Equal(["Intro", "Panel", "Vragen"], state.Segments.Select(s => s.Name));

        state = Step(state, s => s.MoveSegment(_qa, 0));
        Assert.Equal(["Vragen", "Intro", "Panel"], state.Segments.Select(s => s.Name));

        state = Step(state, s => s.ChangeSegment(_intro, " Opening ", 7, "Notitie", [_guest], true, null, 0));
        var intro = state.Broadcast.FindSegment(_intro)!;
        Assert.Equal(("Opening", 7, "Notitie", true), (intro.Name, intro.PlannedMinutes, intro.Notes, intro.QuestionsOn));
        Assert.Equal([_guest], intro.GuestIds);

        state = Step(state, s => s.RemoveSegment(_qa));
        Assert.Equal(["Opening", "Panel"], state.Segments.Select(s => s.Name));

        // A removed guest leaves the segments too.
        state = Step(state, s => s.RemoveGuest(_guest));
        Assert.All(state.Segments, s => Assert.Empty(s.GuestIds));
    }

    [Fact]
    public void PlanSegment_WithBadInput_IsRefused()
    {
        var state = WithSegments();

        Rejected.With("segment.name.required", () => state.PlanSegment(Guid.NewGuid(), " ", 5, "", [], false, null, 0));
        Rejected.With("segment.minutes.out-of-range", () => state.PlanSegment(Guid.NewGuid(), "Pauze", 0, "", [], false, null, 0));
        Rejected.With("segment.minutes.out-of-range", () => state.PlanSegment(Guid.NewGuid(), "Pauze", LiveEvent.MaxSegmentMinutes + 1, "", [], false, null, 0));
        Rejected.With("segment.guest.unknown", () => state.PlanSegment(Guid.NewGuid(), "Pauze", 5, "", [Guid.NewGuid()], false, null, 0));
        Rejected.With("segment.poll.not-draft", () => state.PlanSegment(Guid.NewGuid(), "Pauze", 5, "", [], false, Guid.NewGuid(), 0));
        Rejected.With("segment.slow-mode.out-of-range", () => state.PlanSegment(Guid.NewGuid(), "Pauze", 5, "", [], false, null, -1));
        Rejected.With("id.invalid", () => state.PlanSegment(_intro, "Pauze", 5, "", [], false, null, 0));
        Rejected.With("segment.unknown", () => state.ChangeSegment(Guid.NewGuid(), "Pauze", 5, "", [], false, null, 0));
        Rejected.With("segment.position.out-of-range", () => state.MoveSegment(_intro, 3));

        var opened = Step(state, s => s.OpenPoll(_poll));
        Rejected.With("segment.poll.not-draft", () => opened.PlanSegment(Guid.NewGuid(), "Peiling", 5, "", [], false, _poll, 0));

        var live = Live(state);
        Rejected.With("segment.not-planned", () => live.PlanSegment(Guid.NewGuid(), "Pauze", 5, "", [], false, null, 0));
        Rejected.With("segment.not-planned", () => live.RemoveSegment(_intro));
        Rejected.With("segment.not-planned", () => live.MoveSegment(_intro, 1));
    }

    [Fact]
    public void AdvanceSegment_OnlyWhileLive_AndNotPastTheLast()
    {
        Rejected.With("episode.state.not-live", () => WithSegments().AdvanceSegment(Start));
        Rejected.With("segment.none", () => Live(Planned()).AdvanceSegment(Start));

        var state = Live(WithSegments());
        state = Advance(state, Start);
        state = Advance(state, Start.AddMinutes(5));
        state = Advance(state, Start.AddMinutes(27));
        state = Advance(state, Start.AddMinutes(40));

        Assert.Null(state.CurrentSegment);
        Assert.All(state.Segments, s => Assert.NotNull(s.EndedAt));
        Rejected.With("segment.none-left", () => state.AdvanceSegment(Start.AddMinutes(41)));
    }

    [Fact]
    public void SegmentClock_ShowsNowNext_AndOverUnderPerSegmentAndInTotal()
    {
        var state = Live(WithSegments());

        var before = state.SegmentClockAt(Start);
        Assert.Null(before.Current);
        Assert.Equal(_intro, before.Next?.Id);
        Assert.Equal(TimeSpan.Zero, before.ShowTime);

        state = Advance(state, Start);

        // The intro (5 min planned) ends after 4 minutes: one minute under.
        state = Advance(state, Start.AddMinutes(4));

        // Panel (20 min planned) is on for 23 minutes: three over so far, two over in total.
        var clock = state.SegmentClockAt(Start.AddMinutes(27));
        Assert.Equal(_panel, clock.Current?.Id);
        Assert.Equal(_qa, clock.Next?.Id);
        Assert.Equal(TimeSpan.FromMinutes(27), clock.ShowTime);
        Assert.Equal(TimeSpan.FromMinutes(-1), clock.Segments[0].OverUnder);
        Assert.Equal(TimeSpan.FromMinutes(3), clock.Segments[1].OverUnder);
        Assert.True(clock.Segments[1].IsCurrent);
        Assert.Null(clock.Segments[2].Ran);
        Assert.Equal(TimeSpan.FromMinutes(2), clock.TotalOverUnder);

        // A current segment still within its time does not count as under yet.
        var early = state.SegmentClockAt(Start.AddMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(-1), early.TotalOverUnder);

        // After the last segment the clock stops at its end.
        state = Advance(state, Start.AddMinutes(27));
        state = Advance(state, Start.AddMinutes(43));
        var after = state.SegmentClockAt(Start.AddHours(3));
        Assert.True(after.Finished);
        Assert.Null(after.Next);
        Assert.Equal(TimeSpan.FromMinutes(43), after.ShowTime);
        Assert.Equal(TimeSpan.FromMinutes(3), after.TotalOverUnder);
    }

    [Fact]
    public void StartingASegment_SwitchesOnWhatItNeeds_AndEndingItSwitchesItOffAgain()
    {
        var state = Live(WithSegments());
        var chatSlowMode = state.ChatSettings.SlowModeSeconds;
        state = Advance(state, Start);
        Assert.False(state.Questions.Enabled);
        Assert.Equal(PollState.Draft, state.FindPoll(_poll)!.State);

        // The panel opens its poll and sets its slow mode.
        state = Advance(state, Start.AddMinutes(5));
        Assert.Equal(PollState.Open, state.FindPoll(_poll)!.State);
        Assert.Equal(10, state.ChatSettings.SlowModeSeconds);
        Assert.False(state.Questions.Enabled);

        // Q&A: the poll closes, slow mode returns to the chat's own, questions come on.
        state = Advance(state, Start.AddMinutes(25));
        Assert.Equal(PollState.Closed, state.FindPoll(_poll)!.State);
        Assert.Equal(chatSlowMode, state.ChatSettings.SlowModeSeconds);
        Assert.True(state.Questions.Enabled);

        // Past the last segment: questions off again, nothing left to switch.
        state = Advance(state, Start.AddMinutes(40));
        Assert.False(state.Questions.Enabled);
        Assert.False(state.HasSegmentSwitchDue);
        Rejected.With("segment.switch.none", () => state.SwitchForSegment());
    }

    [Fact]
    public void SegmentSwitches_KeepTheRulesOfTheirParts()
    {
        var other = Guid.NewGuid();
        var state = WithSegments();
        state = Step(state, s => s.CreatePoll(other, "Ander?", [new PollOption(Guid.NewGuid(), "A"), new PollOption(Guid.NewGuid(), "B")], resultsLive: false));
        state = Live(state);
        state = Advance(state, Start);

        // A moderator opened another poll by hand: the panel's poll does not open beside it (one poll at a time).
        state = Step(state, s => s.OpenPoll(other));
        state = Step(state, s => s.AdvanceSegment(Start.AddMinutes(5)));
        state = Step(state, s => s.SwitchForSegment());
        Assert.Equal(10, state.ChatSettings.SlowModeSeconds);
        Rejected.With("poll.another-open", () => state.SwitchForSegment());

        // A moderator who changes slow mode during the segment keeps it when the segment ends.
        state = Step(state, s => s.ChangeChatSettings(ChatSettings.Panic));
        state = Advance(state, Start.AddMinutes(25));
        Assert.Equal(ChatSettings.Panic.SlowModeSeconds, state.ChatSettings.SlowModeSeconds);
        Assert.Equal(PollState.Draft, state.FindPoll(_poll)!.State);
    }
}
