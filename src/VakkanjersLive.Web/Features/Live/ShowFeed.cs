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
        .Never<RevealPlanned>()
        .Never<CeremonyOrdered>()
        .Item<RevealPrepared>((e, r, position) => r.Rehearsal ? null : new FeedItem(position, FeedItemTypes.RevealStart)
        {
            CategoryId = r.CategoryId,
            CategoryName = e.FindCategory(r.CategoryId)?.Name,
            Total = r.Entries.Count,
        })
        .Items<RevealStepped>((e, s, position) => e.RevealOf(s.CategoryId) is { Rehearsal: false } reveal && s.Revealed >= 1 && s.Revealed <= reveal.Steps.Count
            ? Step(e, reveal, s.Revealed, position)
            : [])
        .Never<RevealCleared>()
        .Never<RunningOrderSet>()
        .Items<TeamCalled>((e, c, position) => [Stage(e, c.CategoryId, position), Timer(e, c.CategoryId, position)])
        .Item<PitchTimerStopped>((e, t, position) => Timer(e, t.CategoryId, position))
        .Item<SceneChosen>((e, c, position) => Scene(e, c.Display, position));

    /// <summary>The scene the producer chose for a display (<c>auto</c>: the state chooses).</summary>
    public static FeedItem Scene(LiveEvent e, string display, long position)
    {
        var choice = e.SceneOf(display);
        return new FeedItem(position, FeedItemTypes.Scene)
        {
            Display = display,
            Scene = choice.Scene,
            CategoryId = choice.CategoryId,
            CategoryName = choice.CategoryId is { } c ? e.FindCategory(c)?.Name : null,
        };
    }

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

    /// <summary>
    /// What step <paramref name="step"/> (1-based) of the reveal discloses: the mentions together, one place, or the
    /// pause before the winner.
    /// </summary>
    public static IEnumerable<FeedItem> Step(LiveEvent e, Reveal reveal, int step, long position) =>
        reveal.Steps[step - 1] is { Kind: RevealStepKind.Pause }
            ? [new FeedItem(position, FeedItemTypes.RevealPause) { CategoryId = reveal.CategoryId, CategoryName = e.FindCategory(reveal.CategoryId)?.Name }]
            : reveal.Steps[step - 1].Entries.Select(i => Entry(e, reveal, i, position));

    /// <summary>Entry <paramref name="index"/> of the frozen order as the public sees it; a mention without place or score.</summary>
    public static FeedItem Entry(LiveEvent e, Reveal reveal, int index, long position)
    {
        var entry = reveal.Entries[index];
        var item = new FeedItem(position, FeedItemTypes.RevealStep)
        {
            CategoryId = reveal.CategoryId,
            CategoryName = e.FindCategory(reveal.CategoryId)?.Name,
            Team = Card(e, entry.TeamId),
            Step = index + 1,
            Total = reveal.Entries.Count,
        };
        return entry.Mention
            ? item with { Mention = true }
            : item with { Rank = entry.Rank, Score = entry.Score, SharedRank = entry.SharedRank, Winner = entry.Rank == 1, Parts = entry.Parts };
    }

    /// <summary>A reveal as a joining viewer gets it: what is public so far, and whether the hall waits for the winner.</summary>
    public static PublicReveal Public(LiveEvent e, Reveal reveal) =>
        new(reveal.CategoryId, e.FindCategory(reveal.CategoryId)?.Name ?? string.Empty, reveal.Entries.Count, [.. reveal.Visible.Select(i => Entry(e, reveal, i, e.Version))], reveal.IsPaused);

    /// <summary>What the public sees of a team: its name, school and project; never its members.</summary>
    public static TeamCard? Card(LiveEvent e, Guid? teamId) =>
        teamId is { } id && e.FindTeam(id) is { } team
            ? new TeamCard(team.Id, team.Name, e.FindSchool(team.SchoolId)?.Name ?? string.Empty, team.ProjectTitle)
            : null;
}
