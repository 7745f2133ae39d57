using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>Discarding a flagged batch of an open poll's votes (issue 11): journaled, the tally folded again.</summary>
public sealed class DiscardVotesTests
{
    private static readonly DateTimeOffset From = new(2026, 6, 1, 19, 2, 0, TimeSpan.Zero);

    private readonly Guid _poll = Guid.NewGuid();
    private readonly PollOption _yes = new(Guid.NewGuid(), "Ja");
    private readonly PollOption _no = new(Guid.NewGuid(), "Nee");
    private LiveEvent _event = Scenario.NewEvent();

    public DiscardVotesTests()
    {
        _event = _event.Then(_event.CreatePoll(_poll, "Publieksprijs", [_yes, _no], resultsLive: true));
        _event = _event.Then(_event.OpenPoll(_poll));
    }

    private long Vote(PollOption option)
    {
        var viewer = Guid.NewGuid();
        _event = _event.Then(_event.Vote(_poll, option.Id, viewer));
        return _event.Version;
    }

    [Fact]
    public void ADiscardedBatch_StopsCounting_AndItsVotersCannotVoteAgain()
    {
        Vote(_no);
        var script = Enumerable.Range(0, 5).Select(_ => Vote(_yes)).ToList();
        var viewer = Guid.NewGuid();
        _event = _event.Then(_event.Vote(_poll, _yes.Id, viewer));

        var fact = _event.DiscardVotes(_poll, [.. script, script[0], 9999], From, From.AddSeconds(30));
        _event = _event.Then(fact);

        Assert.Equal(script, fact.Positions);
        var poll = _event.FindPoll(_poll)!;
        Assert.Equal([1, 1], poll.Counts);
        Assert.Equal((2, 5), (poll.TotalVotes, poll.DiscardedVotes));
        Assert.Equal([50, 50], poll.Percentages());
        Rejected.With("poll.already-voted", () => _event.Vote(_poll, _yes.Id, viewer));
    }

    [Fact]
    public void DiscardingTheSameBatchTwice_OrNothing_IsRefused_AndAPerClassPollHasNoBatches()
    {
        var batch = new[] { Vote(_yes), Vote(_yes) };
        _event = _event.Then(_event.DiscardVotes(_poll, batch, From, From));

        Rejected.With("poll.discard.none", () => _event.DiscardVotes(_poll, batch, From, From));
        Rejected.With("poll.discard.none", () => _event.DiscardVotes(_poll, [], From, From));
        Rejected.With("poll.unknown", () => _event.DiscardVotes(Guid.NewGuid(), batch, From, From));
    }

    [Fact]
    public void TheDiscard_IsOnTheModerationLog_WithoutAnAddress()
    {
        var batch = new[] { Vote(_yes), Vote(_yes), Vote(_yes) };
        var fact = _event.DiscardVotes(_poll, batch, From, From.AddMinutes(1));

        var line = FactCatalog.Describe(_event, fact)!;
        Assert.Equal(("votes-discarded", "Publieksprijs (3, 19:02:00–19:03:00 UTC)"), (line.Action, line.Target));
    }
}
