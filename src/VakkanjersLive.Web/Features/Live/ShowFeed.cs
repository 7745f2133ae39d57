using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Live;

/// <summary>
/// The show in the feed: the stage, the stream, reactions on or off, the countdown, the pitch timer and the reveal
/// ("volgende team" is a stage item and a timer item; the running order itself is the producer's). A frozen order
/// (<see cref="RevealPrepared"/>) never leaves: only its size does, and each step discloses one entry. Rehearsals
/// and cleared rehearsals map to nothing.
/// </summary>
public static class ShowFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Item<StageSet>((e, s, position) => Stage(e, s.CategoryId, position))
        .Item<StreamSet>((_, s, position) => new FeedItem(position, FeedItemTypes.Stream) { Url = s.Url })
        .Item<ReactionsSwitched>((_, r, position) => new FeedItem(position, FeedItemTypes.Reactions) { Enabled = r.Enabled })
        .Item<CountdownSet>((_, c, position) => new FeedItem(position, FeedItemTypes.Countdown) { EndsAt = c.EndsAt, Label = c.Label })
        .Item<RevealPrepared>((e, r, position) => r.Rehearsal ? null : new FeedItem(position, FeedItemTypes.RevealStart)
        {
            CategoryId = r.CategoryId,
            CategoryName = e.FindCategory(r.CategoryId)?.Name,
            Total = r.Entries.Count,
        })
        .Item<RevealStepped>((e, s, position) => e.RevealOf(s.CategoryId) is { Rehearsal: false } reveal && s.Revealed <= reveal.Entries.Count
            ? Step(e, reveal, s.Revealed, position)
            : null)
        .Never<RevealCleared>()
        .Never<RunningOrderSet>()
        .Items<TeamCalled>((e, c, position) => [Stage(e, c.CategoryId, position), Timer(e, c.CategoryId, position)])
        .Item<PitchTimerStopped>((e, t, position) => Timer(e, t.CategoryId, position));

    /// <summary>Who is on stage in the category now.</summary>
    public static FeedItem Stage(LiveEvent e, Guid categoryId, long position) =>
        new(position, FeedItemTypes.Stage) { CategoryId = categoryId, CategoryName = e.FindCategory(categoryId)?.Name, Team = Card(e, e.OnStage(categoryId)?.Id) };

    /// <summary>The category's pitch timer as it is now (no start: stopped).</summary>
    public static FeedItem Timer(LiveEvent e, Guid categoryId, long position) => e.PitchTimerOf(categoryId) is { } timer
        ? new FeedItem(position, FeedItemTypes.PitchTimer)
        {
            CategoryId = categoryId,
            CategoryName = e.FindCategory(categoryId)?.Name,
            Team = Card(e, timer.TeamId),
            StartedAt = timer.StartedAt,
            PresentationSeconds = timer.PresentationSeconds,
            QuestionSeconds = timer.QuestionSeconds,
        }
        : new FeedItem(position, FeedItemTypes.PitchTimer) { CategoryId = categoryId, CategoryName = e.FindCategory(categoryId)?.Name };

    /// <summary>Step <paramref name="step"/> (1-based) discloses entry step-1 of the frozen order; the last is the winner.</summary>
    public static FeedItem Step(LiveEvent e, Reveal reveal, int step, long position)
    {
        var entry = reveal.Entries[step - 1];
        return new FeedItem(position, FeedItemTypes.RevealStep)
        {
            CategoryId = reveal.CategoryId,
            CategoryName = e.FindCategory(reveal.CategoryId)?.Name,
            Team = Card(e, entry.TeamId),
            Step = step,
            Total = reveal.Entries.Count,
            Rank = entry.Rank,
            Score = entry.Score,
            SharedRank = entry.SharedRank,
            Winner = entry.Rank == 1,
        };
    }

    /// <summary>What the public sees of a team: its name, school and project; never its members.</summary>
    public static TeamCard? Card(LiveEvent e, Guid? teamId) =>
        teamId is { } id && e.FindTeam(id) is { } team
            ? new TeamCard(team.Id, team.Name, e.FindSchool(team.SchoolId)?.Name ?? string.Empty, team.ProjectTitle)
            : null;
}
