using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Live;

/// <summary>
/// The show in the feed: the stage, the stream, reactions on or off, the countdown and the reveal. A frozen order
/// (<see cref="RevealPrepared"/>) never leaves: only its size does, and each step discloses one entry. Rehearsals
/// and cleared rehearsals map to nothing.
/// </summary>
public static class ShowFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Item<StageSet>((e, s, position) => new FeedItem(position, FeedItemTypes.Stage) { CategoryId = s.CategoryId, CategoryName = e.FindCategory(s.CategoryId)?.Name, Team = Card(e, s.TeamId) })
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
        .Never<RevealCleared>();

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
            : item with { Rank = entry.Rank, Score = entry.Score, SharedRank = entry.SharedRank, Winner = entry.Rank == 1 };
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
