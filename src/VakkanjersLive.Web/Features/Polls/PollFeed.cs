using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Polls;

/// <summary>
/// Polls in the feed: only the current poll reaches the audience, with its whole public state. Drafts never leave;
/// a vote on a poll with hidden results maps to nothing, not even a count.
/// </summary>
public static class PollFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Never<PollCreated>()
        .Never<PollChanged>()
        .Never<PollDeleted>()
        .Item<PollOpened>((e, o, position) => Item(e, o.PollId, FeedItemTypes.PollOpen, position))
        .Item<PollClosed>((e, c, position) => Item(e, c.PollId, FeedItemTypes.PollClosed, position))
        .Item<PollResultsSwitched>((e, r, position) => Item(e, r.PollId, FeedItemTypes.PollResults, position))
        .Item<VoteCast>((e, v, position) => e.FindPoll(v.PollId) is { ResultsVisible: true } ? Item(e, v.PollId, FeedItemTypes.PollResults, position) : null)
        .Item<VotesDiscarded>((e, d, position) => e.FindPoll(d.PollId) is { ResultsVisible: true } ? Item(e, d.PollId, FeedItemTypes.PollResults, position) : null);

    public static PublicPoll Public(Poll poll)
    {
        if (poll.Mode == PollMode.PerClass)
        {
            return PerClass(poll);
        }

        var visible = poll.ResultsVisible;
        var percentages = visible ? poll.Percentages() : null;
        return new PublicPoll(
            poll.Id,
            poll.Question,
            poll.State == PollState.Open ? "open" : "closed",
            visible,
            visible ? poll.TotalVotes : null,
            poll.Options.Select((o, i) => new PublicPollOption(o.Id, o.Text, visible ? poll.Counts[i] : null, percentages?[i])).ToList());
    }

    /// <summary>
    /// A per-class poll: nothing but the options until the moderator shows the results; then each team's points, best
    /// first (<see cref="PerClassBallots.Standings"/>), and how many classes voted. Votes per class never leave.
    /// </summary>
    private static PublicPoll PerClass(Poll poll)
    {
        var state = poll.State == PollState.Open ? "open" : "closed";
        if (!poll.ResultsVisible)
        {
            return new PublicPoll(poll.Id, poll.Question, state, false, null, [.. poll.Options.Select(o => new PublicPollOption(o.Id, o.Text, null, null))], PollModes.PerClass);
        }

        var standings = PerClassBallots.Standings(poll);
        var total = standings.Sum(s => s.Points);
        var options = standings
            .Select(s => new PublicPollOption(s.OptionId, poll.Options.First(o => o.Id == s.OptionId).Text, s.Points, total == 0 ? 0 : s.Points * 100 / total))
            .ToList();
        return new PublicPoll(poll.Id, poll.Question, state, true, total, options, PollModes.PerClass, poll.ClassTallies.Count);
    }

    /// <summary>Only the current poll reaches the audience (a hidden earlier poll stays where it is).</summary>
    private static FeedItem? Item(LiveEvent e, Guid pollId, string type, long position) =>
        e.CurrentPoll is { } poll && poll.Id == pollId ? new FeedItem(position, type) { Poll = Public(poll) } : null;
}
