using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>Audience polls ("peilingen") and their tallies, folded from the votes.</summary>
public sealed record PollsPart
{
    public static PollsPart Empty { get; } = new();

    /// <summary>Every poll of the event, in the order they were created.</summary>
    public ImmutableList<Poll> All { get; private init; } = [];

    /// <summary>The poll the audience sees: the one opened (or whose results were shown) last.</summary>
    public Poll? Current => CurrentId is { } id ? Find(id) : null;

    /// <summary>The poll open for votes, if any (at most one at a time).</summary>
    public Poll? Running => All.Find(p => p.State == PollState.Open);

    private Guid? CurrentId { get; init; }

    public Poll? Find(Guid pollId) => All.Find(p => p.Id == pollId);

    /// <summary>The privacy purge forgets who voted; the tallies stay (a cross-part rule: chat's purge).</summary>
    internal PollsPart ForgetVoters() => this with { All = All.Select(p => p with { Voters = [] }).ToImmutableList() };

    /// <summary>
    /// A vote names its viewer (to refuse a second vote): the purge blanks it. Opening, closing and showing results
    /// are on the moderation log; drafts and votes are not.
    /// </summary>
    internal static void Register(PartRegistration<PollsPart> part) => part
        .On<PollCreated>((p, e, _) => p with { All = p.All.Add(NewPoll(e.PollId, e.Question, e.Options, e.ResultsLive, e.Mode, e.Points)) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<PollChanged>(
            (p, e, _) => p with { All = p.All.ReplaceWhere(x => x.Id == e.PollId, _ => NewPoll(e.PollId, e.Question, e.Options, e.ResultsLive, e.Mode, e.Points)) },
            FactPrivacy.NoPersonalData,
            FactAudit.NotAudited)
        .On<PollDeleted>((p, e, _) => p with { All = p.All.RemoveAll(x => x.Id == e.PollId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<PollOpened>(
            (p, e, _) => p with { All = p.All.ReplaceWhere(x => x.Id == e.PollId, x => x with { State = PollState.Open }), CurrentId = e.PollId },
            FactPrivacy.NoPersonalData,
            new Logged<PollOpened>((s, e) => Moderation("poll-opened", s, e.PollId)))
        .On<PollClosed>(
            (p, e, _) => p with { All = p.All.ReplaceWhere(x => x.Id == e.PollId, x => x with { State = PollState.Closed }) },
            FactPrivacy.NoPersonalData,
            new Logged<PollClosed>((s, e) => Moderation("poll-closed", s, e.PollId)))
        .On<PollResultsSwitched>(
            (p, e, _) => p with
            {
                All = p.All.ReplaceWhere(x => x.Id == e.PollId, x => x with { ResultsVisible = e.Visible }),
                CurrentId = e.Visible ? e.PollId : p.CurrentId,
            },
            FactPrivacy.NoPersonalData,
            new Logged<PollResultsSwitched>((s, e) => Moderation(e.Visible ? "poll-results-shown" : "poll-results-hidden", s, e.PollId)))
        .On<VoteCast>(
            (p, e, position) => p with { All = p.All.ReplaceWhere(x => x.Id == e.PollId, x => Counted(x, e, position)) },
            new Erase<VoteCast>(v => v.ViewerId != Guid.Empty ? v with { ViewerId = Guid.Empty } : null),
            FactAudit.NotAudited)
        .On<VotesDiscarded>(
            (p, e, _) => p with { All = p.All.ReplaceWhere(x => x.Id == e.PollId, x => Discarded(x, e)) },
            FactPrivacy.NoPersonalData,
            new Logged<VotesDiscarded>((s, e) => new AuditLine(
                AuditTrail.Moderation,
                "votes-discarded",
                $"{s.Polls.Find(e.PollId)?.Question} ({e.Positions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {e.From.UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}–{e.To.UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC)")));

    private static AuditLine Moderation(string action, LiveEvent state, Guid pollId) =>
        new(AuditTrail.Moderation, action, state.Polls.Find(pollId)?.Question ?? string.Empty);

    /// <summary>A live-results poll starts with its results visible; the other kind waits for the moderator.</summary>
    private static Poll NewPoll(Guid id, string question, IReadOnlyList<PollOption> options, bool resultsLive, PollMode mode, IReadOnlyList<int>? points) =>
        new(id, question, options, resultsLive, PollState.Draft, resultsLive, [.. options.Select(_ => 0)], [])
        {
            Mode = mode,
            Points = points ?? PerClassBallots.DefaultPoints,
        };

    /// <summary>The batch's votes stop counting (only votes still counted: a position twice is taken out once).</summary>
    private static Poll Discarded(Poll poll, VotesDiscarded batch)
    {
        var counts = poll.Counts;
        var voteAt = poll.VoteAt;
        var discarded = 0;
        foreach (var position in batch.Positions)
        {
            if (voteAt.TryGetValue(position, out var index))
            {
                counts = counts.SetItem(index, counts[index] - 1);
                voteAt = voteAt.Remove(position);
                discarded++;
            }
        }

        return poll with { Counts = counts, VoteAt = voteAt, DiscardedVotes = poll.DiscardedVotes + discarded };
    }

    private static Poll Counted(Poll poll, VoteCast vote, long position)
    {
        var index = poll.Options.ToList().FindIndex(o => o.Id == vote.OptionId);
        if (index < 0)
        {
            return poll;
        }

        var counted = poll with
        {
            Counts = poll.Counts.SetItem(index, poll.Counts[index] + 1),
            Voters = poll.Voters.Add(vote.ViewerId),
            VoteAt = poll.VoteAt.SetItem(position, index),
        };
        if (vote.ClassId is not { } classId)
        {
            return counted;
        }

        var tally = poll.ClassTallies.GetValueOrDefault(classId) ?? new ClassTally([.. poll.Options.Select(_ => 0)], [.. poll.Options.Select(_ => 0L)]);
        tally = new ClassTally(tally.Counts.SetItem(index, tally.Counts[index] + 1), tally.ReachedAt.SetItem(index, position));
        return counted with { ClassTallies = poll.ClassTallies.SetItem(classId, tally) };
    }
}
