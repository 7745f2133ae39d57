using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>Audience polls on <see cref="LiveEvent"/>: drafting, opening, closing, results and one vote per viewer.</summary>
public sealed class PollTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 19, 30, 0, TimeSpan.FromHours(2));

    private readonly LiveEvent _event = Scenario.NewEvent();
    private readonly Guid _poll = Guid.NewGuid();
    private readonly PollOption _yes = new(Guid.NewGuid(), "Ja");
    private readonly PollOption _no = new(Guid.NewGuid(), "Nee");
    private readonly Guid _viewer = Guid.NewGuid();

    private LiveEvent Drafted(bool resultsLive = false) => _event.Then(_event.CreatePoll(_poll, "Wil jij later iets met techniek?", [_yes, _no], resultsLive));

    private LiveEvent Opened(bool resultsLive = false)
    {
        var drafted = Drafted(resultsLive);
        return drafted.Then(drafted.OpenPoll(_poll));
    }

    private static LiveEvent Voted(LiveEvent state, Guid pollId, Guid optionId, Guid viewerId) => state.Then(state.Vote(pollId, optionId, viewerId));

    // ---- drafting ----------------------------------------------------------------------------------------------

    [Fact]
    public void CreatePoll_MakesADraft_WithZeroVotes_AndTrimmedText()
    {
        var fact = _event.CreatePoll(_poll, "  Wat vind je ervan?  ", [new PollOption(_yes.Id, " Top "), new PollOption(_no.Id, "Kan beter"), new PollOption(Guid.NewGuid(), "   ")], resultsLive: false);
        var poll = _event.Then(fact).FindPoll(_poll)!;

        Assert.Equal("Wat vind je ervan?", fact.Question);
        Assert.Equal(["Top", "Kan beter"], fact.Options.Select(o => o.Text));
        Assert.Equal(PollState.Draft, poll.State);
        Assert.False(poll.ResultsVisible);
        Assert.Equal([0, 0], poll.Counts);
        Assert.Equal(0, poll.TotalVotes);
        Assert.Null(_event.Then(fact).CurrentPoll);
    }

    [Fact]
    public void CreatePoll_WithLiveResults_StartsWithResultsVisible()
    {
        Assert.True(Drafted(resultsLive: true).FindPoll(_poll)!.ResultsVisible);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void CreatePoll_WithFewerThanTwoOrMoreThanSixOptions_IsRejected(int count)
    {
        var options = Enumerable.Range(1, count).Select(i => new PollOption(Guid.NewGuid(), $"Optie {i}")).ToList();

        var error = Rejected.With("poll.options.count", () => _event.CreatePoll(_poll, "Vraag?", options, false));

        Assert.Equal([2, 6], error.Arguments);
    }

    [Fact]
    public void CreatePoll_ChecksQuestionAndOptionText()
    {
        Rejected.With("poll.question.required", () => _event.CreatePoll(_poll, " ", [_yes, _no], false));
        Rejected.With("poll.question.too-long", () => _event.CreatePoll(_poll, new string('v', LiveEvent.MaxPollQuestionLength + 1), [_yes, _no], false));
        Rejected.With("poll.option.too-long", () => _event.CreatePoll(_poll, "Vraag?", [_yes, new PollOption(Guid.NewGuid(), new string('o', LiveEvent.MaxPollOptionLength + 1))], false));
        Rejected.With("poll.option.invalid-characters", () => _event.CreatePoll(_poll, "Vraag?", [_yes, new PollOption(Guid.NewGuid(), "ne\u202Ee")], false));
        Rejected.With("poll.option.duplicate", () => _event.CreatePoll(_poll, "Vraag?", [_yes, new PollOption(Guid.NewGuid(), "JA")], false));
        Rejected.With("id.invalid", () => _event.CreatePoll(_poll, "Vraag?", [_yes, _yes with { Text = "Nee" }], false));
        Rejected.With("id.invalid", () => _event.CreatePoll(Guid.Empty, "Vraag?", [_yes, _no], false));
        Rejected.With("id.invalid", () => Drafted().CreatePoll(_poll, "Nog een?", [_yes, _no], false));
    }

    [Fact]
    public void ADraft_CanBeChangedAndDeleted_ButNotOnceOpened()
    {
        var drafted = Drafted();
        var changed = drafted.Then(drafted.ChangePoll(_poll, "Nieuwe vraag?", [_yes, _no, new PollOption(Guid.NewGuid(), "Weet ik niet")], resultsLive: true));

        Assert.Equal("Nieuwe vraag?", changed.FindPoll(_poll)!.Question);
        Assert.Equal(3, changed.FindPoll(_poll)!.Options.Count);
        Assert.True(changed.FindPoll(_poll)!.ResultsVisible);
        Assert.Empty(changed.Then(changed.DeletePoll(_poll)).Polls.All);

        var opened = Opened();
        Rejected.With("poll.not-draft", () => opened.ChangePoll(_poll, "Andere vraag?", [_yes, _no], false));
        Rejected.With("poll.not-draft", () => opened.DeletePoll(_poll));
        Rejected.With("poll.unknown", () => _event.DeletePoll(_poll));
    }

    // ---- opening and closing -------------------------------------------------------------------------------

    [Fact]
    public void OpenPoll_MakesItTheCurrentPoll()
    {
        var opened = Opened();

        Assert.Equal(PollState.Open, opened.FindPoll(_poll)!.State);
        Assert.Equal(_poll, opened.CurrentPoll!.Id);
        Assert.Equal(_poll, opened.RunningPoll!.Id);
    }

    [Fact]
    public void OpenPoll_WhileAnotherIsOpen_IsRejected()
    {
        var opened = Opened();
        var second = Guid.NewGuid();
        var withSecond = opened.Then(opened.CreatePoll(second, "Tweede vraag?", [_yes, _no], false));

        var error = Rejected.With("poll.another-open", () => withSecond.OpenPoll(second));

        Assert.Equal(["Wil jij later iets met techniek?"], error.Arguments);
        Rejected.With("poll.already-open", () => opened.OpenPoll(_poll));
    }

    [Fact]
    public void ClosePoll_EndsVoting_KeepsItCurrent_AndFreesTheStageForTheNextPoll()
    {
        var opened = Opened();
        var closed = opened.Then(opened.ClosePoll(_poll));
        var second = Guid.NewGuid();
        var withSecond = closed.Then(closed.CreatePoll(second, "Tweede vraag?", [_yes, _no], false));

        Assert.Equal(PollState.Closed, closed.FindPoll(_poll)!.State);
        Assert.Equal(_poll, closed.CurrentPoll!.Id);
        Assert.Null(closed.RunningPoll);
        Rejected.With("poll.not-open", () => closed.ClosePoll(_poll));
        Rejected.With("poll.closed", () => closed.OpenPoll(_poll));
        Assert.Equal(second, withSecond.Then(withSecond.OpenPoll(second)).CurrentPoll!.Id);
    }

    [Fact]
    public void SwitchPollResults_ShowsAndHides_ButNotForADraft()
    {
        var closed = Opened().Then(new PollClosed(_poll));

        var shown = closed.Then(closed.SwitchPollResults(_poll, visible: true));
        var hidden = shown.Then(shown.SwitchPollResults(_poll, visible: false));

        Assert.True(shown.FindPoll(_poll)!.ResultsVisible);
        Assert.False(hidden.FindPoll(_poll)!.ResultsVisible);
        Rejected.With("poll.not-started", () => Drafted().SwitchPollResults(_poll, true));
    }

    // ---- votes ---------------------------------------------------------------------------------------------

    [Fact]
    public void Vote_IsCountedForItsOption()
    {
        var state = Opened();
        state = Voted(state, _poll, _yes.Id, _viewer);
        state = Voted(state, _poll, _yes.Id, Guid.NewGuid());
        state = Voted(state, _poll, _no.Id, Guid.NewGuid());

        var poll = state.FindPoll(_poll)!;
        Assert.Equal([2, 1], poll.Counts);
        Assert.Equal(2, poll.CountOf(_yes.Id));
        Assert.Equal(3, poll.TotalVotes);
        Assert.Equal([67, 33], poll.Percentages());
    }

    [Fact]
    public void Vote_ASecondTime_FromTheSameViewer_IsRejected()
    {
        var state = Voted(Opened(), _poll, _yes.Id, _viewer);

        Rejected.With("poll.already-voted", () => state.Vote(_poll, _no.Id, _viewer));
        Rejected.With("poll.already-voted", () => state.Vote(_poll, _yes.Id, _viewer));
    }

    [Fact]
    public void Vote_OnADraftOrClosedPoll_OrForAnotherPollsOption_IsRejected()
    {
        Rejected.With("poll.not-open", () => Drafted().Vote(_poll, _yes.Id, _viewer));
        Rejected.With("poll.closed", () => Opened().Then(new PollClosed(_poll)).Vote(_poll, _yes.Id, _viewer));
        Rejected.With("poll.option.unknown", () => Opened().Vote(_poll, Guid.NewGuid(), _viewer));
        Rejected.With("poll.unknown", () => Opened().Vote(Guid.NewGuid(), _yes.Id, _viewer));
        Rejected.With("id.invalid", () => Opened().Vote(_poll, _yes.Id, Guid.Empty));
    }

    [Fact]
    public void Vote_FromABannedViewer_IsRejected_ButATimeOutDoesNotStopAVote()
    {
        var chatted = Opened().Then(new ChatPosted(Guid.NewGuid(), _viewer, "Slimme Vos 42", "Hoi"));
        var timedOut = chatted.Then(chatted.TimeOut(_viewer, 60, Now));
        var banned = chatted.Then(chatted.Ban(_viewer));

        Assert.IsType<VoteCast>(timedOut.Vote(_poll, _yes.Id, _viewer));
        Rejected.With("poll.banned", () => banned.Vote(_poll, _yes.Id, _viewer));
    }

    [Fact]
    public void ChatPurge_ForgetsWhoVoted_ButKeepsTheTally()
    {
        var state = Voted(Opened(), _poll, _yes.Id, _viewer);

        var purged = state.Then(new ChatPurged(0));

        Assert.Empty(purged.FindPoll(_poll)!.Voters);
        Assert.Equal([1, 0], purged.FindPoll(_poll)!.Counts);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, new[] { 34, 33, 33 })]
    [InlineData(new[] { 0, 0 }, new[] { 0, 0 })]
    [InlineData(new[] { 3, 0 }, new[] { 100, 0 })]
    [InlineData(new[] { 1, 2, 3, 1 }, new[] { 14, 29, 43, 14 })]
    public void Percentages_AreWholeNumbers_ThatAddUpTo100(int[] counts, int[] expected)
    {
        var poll = new Poll(_poll, "Vraag?", [.. counts.Select(_ => new PollOption(Guid.NewGuid(), "x"))], false, PollState.Open, true, [.. counts], []);

        Assert.Equal(expected, poll.Percentages());
    }
}
