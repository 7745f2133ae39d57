using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>An event as an episode of a broadcast series: planning in Amsterdam time, moving, guests, life cycle, replay.</summary>
public sealed class BroadcastTests
{
    private static readonly Guid SeriesId = Guid.NewGuid();

    private static LiveEvent NewLive(EventKind kind = EventKind.TechniekLive) =>
        LiveEvent.Empty.Apply(LiveEvent.Empty.Create(Guid.NewGuid(), kind, "Sterk Techniekonderwijs LIVE", new DateOnly(2026, 10, 1), "", "", JoinCodes.Generate()), 1);

    private static LiveEvent Planned(DateTime? starts = null)
    {
        var start = starts ?? new DateTime(2026, 10, 27, 15, 30, 0);
        var state = NewLive();
        return state.Then(state.PlanEpisode(SeriesId, 1, "Techniekhubs", "Hoe regio's samenwerken", start, start.AddHours(1)));
    }

    private static LiveEvent Step(LiveEvent state, Func<LiveEvent, ILiveEventFact> decide) => state.Then(decide(state));

    [Fact]
    public void PlanEpisode_StoresUtcInstants_OnBothSidesOfTheDaylightSavingChange()
    {
        // 27 October 2026 is winter time (UTC+1), 20 October still summer time (UTC+2).
        var winter = Planned(new DateTime(2026, 10, 27, 15, 30, 0)).Broadcast;
        var summer = Planned(new DateTime(2026, 10, 20, 15, 30, 0)).Broadcast;

        Assert.Equal(new DateTimeOffset(2026, 10, 27, 14, 30, 0, TimeSpan.Zero), winter.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 13, 30, 0, TimeSpan.Zero), summer.StartsAt);
        Assert.Equal(TimeSpan.FromHours(1), winter.EndsAt - winter.StartsAt);
        Assert.Equal(EpisodeState.Planned, winter.State);
    }

    [Fact]
    public void PlanEpisode_SetsTheEventsDateAndTheme()
    {
        var state = Planned(new DateTime(2026, 10, 27, 0, 30, 0));

        // 00:30 in Amsterdam is still the 26th in UTC: the date is the one on the Dutch clock.
        Assert.Equal(new DateOnly(2026, 10, 27), state.Date);
        Assert.Equal("Techniekhubs", state.Theme);
        Assert.True(state.IsEpisode);
    }

    [Fact]
    public void PlanEpisode_AtATimeThatDoesNotExistOrExistsTwice_IsRefused()
    {
        var state = NewLive();

        Rejected.With("episode.time.skipped", () => state.PlanEpisode(SeriesId, 1, "Techniekhubs", "", new DateTime(2026, 3, 29, 2, 30, 0), new DateTime(2026, 3, 29, 4, 0, 0)));
        Rejected.With("episode.time.ambiguous", () => state.PlanEpisode(SeriesId, 1, "Techniekhubs", "", new DateTime(2026, 10, 25, 2, 30, 0), new DateTime(2026, 10, 25, 4, 0, 0)));
    }

    [Fact]
    public void PlanEpisode_WithBadInput_IsRefused()
    {
        var state = NewLive();
        var start = new DateTime(2026, 10, 27, 15, 30, 0);

        Rejected.With("episode.end.before-start", () => state.PlanEpisode(SeriesId, 1, "Techniekhubs", "", start, start));
        Rejected.With("episode.too-long", () => state.PlanEpisode(SeriesId, 1, "Techniekhubs", "", start, start.AddHours(13)));
        Rejected.With("episode.number.out-of-range", () => state.PlanEpisode(SeriesId, 0, "Techniekhubs", "", start, start.AddHours(1)));
        Rejected.With("episode.theme.required", () => state.PlanEpisode(SeriesId, 1, " ", "", start, start.AddHours(1)));
        Rejected.With("episode.series.required", () => state.PlanEpisode(Guid.Empty, 1, "Techniekhubs", "", start, start.AddHours(1)));
        Rejected.With("episode.kind.invalid", () => NewLive(EventKind.VakkanjersFinale).PlanEpisode(SeriesId, 1, "Techniekhubs", "", start, start.AddHours(1)));
        Rejected.With("episode.exists", () => Planned().PlanEpisode(SeriesId, 2, "Techniekhubs", "", start, start.AddHours(1)));
    }

    [Fact]
    public void MoveEpisode_KeepsTheEventAndItsJoinCode()
    {
        var planned = Planned();
        var moved = Step(planned, s => s.MoveEpisode(new DateTime(2026, 11, 3, 16, 0, 0), new DateTime(2026, 11, 3, 17, 0, 0)));

        Assert.Equal(planned.Id, moved.Id);
        Assert.Equal(planned.JoinCode, moved.JoinCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero), moved.Broadcast.StartsAt);
        Assert.Equal(new DateOnly(2026, 11, 3), moved.Date);
    }

    [Fact]
    public void MoveEpisode_OnceLive_IsRefused()
    {
        var live = Step(Planned(), s => s.GoLive());

        Rejected.With("episode.move.not-planned", () => live.MoveEpisode(new DateTime(2026, 11, 3, 16, 0, 0), new DateTime(2026, 11, 3, 17, 0, 0)));
    }

    [Fact]
    public void LifeCycle_GoesPlannedLiveEndedReplay_InOrderOnly()
    {
        var planned = Planned();
        Rejected.With("episode.state.not-live", () => planned.EndEpisode());
        Rejected.With("episode.state.not-ended", () => planned.PublishReplay("https://www.youtube.com/watch?v=abc"));

        var live = Step(planned, s => s.GoLive());
        Assert.Equal(EpisodeState.Live, live.Broadcast.State);
        Rejected.With("episode.state.not-planned", () => live.GoLive());
        Rejected.With("episode.state.not-ended", () => live.PublishReplay("https://www.youtube.com/watch?v=abc"));

        var ended = Step(live, s => s.EndEpisode());
        Assert.Equal(EpisodeState.Ended, ended.Broadcast.State);
        Rejected.With("episode.state.not-planned", () => ended.GoLive());

        var replay = Step(ended, s => s.PublishReplay("https://www.youtube.com/watch?v=abc"));
        Assert.Equal(EpisodeState.ReplayAvailable, replay.Broadcast.State);
        Assert.Equal("https://www.youtube.com/watch?v=abc", replay.Broadcast.ReplayUrl);

        var corrected = Step(replay, s => s.PublishReplay("http://example.org/replay"));
        Assert.Equal("http://example.org/replay", corrected.Broadcast.ReplayUrl);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/replay.mp4")]
    [InlineData("data:text/html,hoi")]
    [InlineData("/replay")]
    [InlineData("https://user:secret@example.org/replay")]
    [InlineData("geen link")]
    public void PublishReplay_OnlyTakesHttpOrHttpsLinks(string url)
    {
        var ended = Step(Step(Planned(), s => s.GoLive()), s => s.EndEpisode());

        Rejected.With("episode.replay-url.invalid", () => ended.PublishReplay(url));
    }

    [Fact]
    public void AddGuest_WithoutConsentOrAsAMinor_IsRefused()
    {
        var planned = Planned();

        Rejected.With("episode.guest.consent-required", () => planned.AddGuest(Guid.NewGuid(), "Sanne de Vries", "Docent techniek", "Techniekhub Twente", adult: true, consentNoted: false));
        Rejected.With("episode.guest.adult-required", () => planned.AddGuest(Guid.NewGuid(), "Sanne de Vries", "Docent techniek", "Techniekhub Twente", adult: false, consentNoted: true));
        Rejected.With("episode.unknown", () => NewLive().AddGuest(Guid.NewGuid(), "Sanne de Vries", "", "", adult: true, consentNoted: true));
    }

    [Fact]
    public void Guests_AreAddedOnceAndCanBeRemoved()
    {
        var guestId = Guid.NewGuid();
        var withGuest = Step(Planned(), s => s.AddGuest(guestId, " Sanne de Vries ", "Docent techniek", "Techniekhub Twente", adult: true, consentNoted: true));

        Assert.Equal([new Guest(guestId, "Sanne de Vries", "Docent techniek", "Techniekhub Twente")], withGuest.Broadcast.Guests);
        Rejected.With("episode.guest.duplicate", () => withGuest.AddGuest(Guid.NewGuid(), "sanne de vries", "", "", adult: true, consentNoted: true));

        var without = Step(withGuest, s => s.RemoveGuest(guestId));
        Assert.Empty(without.Broadcast.Guests);
        Rejected.With("episode.guest.unknown", () => without.RemoveGuest(guestId));
    }

    [Fact]
    public void BroadcastFacts_ChangeOnlyTheBroadcastPart_AndTheDetailsTheyReschedule()
    {
        var planned = Planned();
        var withGuest = Step(planned, s => s.AddGuest(Guid.NewGuid(), "Sanne de Vries", "", "", adult: true, consentNoted: true));
        var moved = Step(planned, s => s.MoveEpisode(new DateTime(2026, 11, 3, 16, 0, 0), new DateTime(2026, 11, 3, 17, 0, 0)));

        Assert.Equal(EventParts.Broadcast, LiveEvent.ChangedParts(planned, withGuest));
        Assert.Equal(EventParts.Broadcast | EventParts.Details, LiveEvent.ChangedParts(planned, moved));
    }
}
