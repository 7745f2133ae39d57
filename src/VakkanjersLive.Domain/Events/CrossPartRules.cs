namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The few rules that reach from one part into another, each an explicit call on the other part's own method: no
/// part rewrites another part's state. To add one, add a case here and the method on the part it changes.
/// </summary>
internal static class CrossPartRules
{
    public static LiveEvent After(LiveEvent state, ILiveEventFact fact) => fact switch
    {
        // A withdrawn team leaves the stage and loses its awards.
        TeamWithdrawn t => state with { Show = state.Show.WithoutTeam(t.TeamId), Judging = state.Judging.WithoutTeam(t.TeamId) },

        // "Volgende team" opens the new team's judging and closes the earlier teams whose panel had scored.
        TeamCalled c => state with { Judging = state.Judging.Called(c.TeamId, c.Closed) },

        // A finalists import with a running order sets the categories' orders too (one fact, whole or not at all).
        FinalistsImported { RunningOrders: { Count: > 0 } orders } => state with { Show = state.Show.WithRunningOrders(orders) },

        // A category's next round starts: the reveal of the round before is over (its results stay frozen when it was real).
        CategoryRoundStarted r => state with
        {
            Show = state.Show.WithoutReveal(r.CategoryId),
            Judging = state.RevealOf(r.CategoryId) is { Rehearsal: false } ? state.Judging.Frozen(r.CategoryId, r.FromRoundId) : state.Judging,
        },

        // A ban takes the viewer's questions down too (held ones are turned down, shown ones hidden).
        ViewerBanned b => state with { Questions = state.Questions.TakeDownViewer(b.ViewerId) },

        // The privacy purge forgets who voted (tallies stay) and erases the audience's questions.
        ChatPurged => state with { Polls = state.Polls.ForgetVoters(), Questions = state.Questions.Erase(), Speeddate = state.Speeddate.Erase() },

        // The roster purge ends the company links with the teacher links.
        RosterPurged => state with { Speeddate = state.Speeddate.WithoutLinks() },

        // An episode's date and theme are the event's: the events list and the join page show them.
        EpisodePlanned p => state with { Details = state.Details.Scheduled(DateOnly.FromDateTime(AmsterdamTime.ToLocal(p.StartsAt)), p.Theme) },
        EpisodeMoved m => state with { Details = state.Details.Scheduled(DateOnly.FromDateTime(AmsterdamTime.ToLocal(m.StartsAt)), state.Details.Theme) },
        EpisodeChanged c => state with { Details = state.Details.Scheduled(state.Details.Date, c.Theme) },
        _ => state,
    };
}
