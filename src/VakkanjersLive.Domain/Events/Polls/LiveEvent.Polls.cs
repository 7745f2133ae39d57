namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Audience polls ("peilingen"): moderators draft, open, close and show results; viewers vote once per poll. Votes
/// are facts; the tally is folded from them.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxPollQuestionLength = 200;
    public const int MaxPollOptionLength = 80;
    public const int MinPollOptions = 2;
    public const int MaxPollOptions = 6;

    /// <summary>The poll the audience sees: the one opened (or whose results were shown) last.</summary>
    public Poll? CurrentPoll => Polls.Current;

    /// <summary>The poll open for votes, if any (at most one at a time).</summary>
    public Poll? RunningPoll => Polls.Running;

    public Poll? FindPoll(Guid pollId) => Polls.Find(pollId);

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>A new draft: a question of up to 200 characters and 2–6 options of up to 80 (blank options are left out).</summary>
    public PollCreated CreatePoll(Guid pollId, string? question, IEnumerable<PollOption> options, bool resultsLive)
    {
        EnsureExists();
        EnsureNewId(pollId, Polls.All.Exists(p => p.Id == pollId));
        var (checkedQuestion, checkedOptions) = CheckPoll(question, options);
        return new PollCreated(pollId, checkedQuestion, checkedOptions, resultsLive);
    }

    public PollChanged ChangePoll(Guid pollId, string? question, IEnumerable<PollOption> options, bool resultsLive)
    {
        EnsureDraft(pollId);
        var (checkedQuestion, checkedOptions) = CheckPoll(question, options);
        return new PollChanged(pollId, checkedQuestion, checkedOptions, resultsLive);
    }

    public PollDeleted DeletePoll(Guid pollId)
    {
        EnsureDraft(pollId);
        return new PollDeleted(pollId);
    }

    /// <summary>Opens a draft for votes; one poll at a time, so phones never have to choose between two.</summary>
    public PollOpened OpenPoll(Guid pollId)
    {
        var poll = FindPoll(pollId) ?? throw new DomainException("poll.unknown");
        if (poll.State == PollState.Open)
        {
            throw new DomainException("poll.already-open");
        }

        if (poll.State == PollState.Closed)
        {
            throw new DomainException("poll.closed");
        }

        return RunningPoll is { } running ? throw new DomainException("poll.another-open", running.Question) : new PollOpened(pollId);
    }

    public PollClosed ClosePoll(Guid pollId)
    {
        var poll = FindPoll(pollId) ?? throw new DomainException("poll.unknown");
        return poll.State == PollState.Open ? new PollClosed(pollId) : throw new DomainException("poll.not-open");
    }

    /// <summary>
    /// Shows (or hides again) the results of a poll that has been opened; a draft has nothing to show. Showing an
    /// earlier poll's results brings that poll back to the audience, so not while another poll is open.
    /// </summary>
    public PollResultsSwitched SwitchPollResults(Guid pollId, bool visible)
    {
        var poll = FindPoll(pollId) ?? throw new DomainException("poll.unknown");
        if (poll.State == PollState.Draft)
        {
            throw new DomainException("poll.not-started");
        }

        return visible && RunningPoll is { } running && running.Id != pollId
            ? throw new DomainException("poll.another-open", running.Question)
            : new PollResultsSwitched(pollId, visible);
    }

    /// <summary>
    /// A viewer's vote: once per poll, only while it is open, never from a banned viewer. A chat timeout does not
    /// stop a vote: it is about flooding the chat, and one vote per poll cannot flood anything.
    /// </summary>
    public VoteCast Vote(Guid pollId, Guid optionId, Guid viewerId)
    {
        EnsureExists();
        if (viewerId == Guid.Empty)
        {
            throw new DomainException("id.invalid");
        }

        var poll = FindPoll(pollId) ?? throw new DomainException("poll.unknown");
        switch (poll.State)
        {
            case PollState.Draft:
                throw new DomainException("poll.not-open");
            case PollState.Closed:
                throw new DomainException("poll.closed");
        }

        if (!poll.Options.Any(o => o.Id == optionId))
        {
            throw new DomainException("poll.option.unknown");
        }

        if (Banned.Contains(viewerId))
        {
            throw new DomainException("poll.banned");
        }

        return poll.Voters.Contains(viewerId) ? throw new DomainException("poll.already-voted") : new VoteCast(pollId, optionId, viewerId);
    }

    private void EnsureDraft(Guid pollId)
    {
        var poll = FindPoll(pollId) ?? throw new DomainException("poll.unknown");
        if (poll.State != PollState.Draft)
        {
            throw new DomainException("poll.not-draft");
        }
    }

    private static (string Question, IReadOnlyList<PollOption> Options) CheckPoll(string? question, IEnumerable<PollOption> options)
    {
        var checkedQuestion = Guard.Text(question, "poll.question", MaxPollQuestionLength);
        var checkedOptions = options
            .Where(o => !string.IsNullOrWhiteSpace(o.Text))
            .Select(o => new PollOption(o.Id, Guard.Text(o.Text, "poll.option", MaxPollOptionLength)))
            .ToList();
        if (checkedOptions.Count is < MinPollOptions or > MaxPollOptions)
        {
            throw new DomainException("poll.options.count", MinPollOptions, MaxPollOptions);
        }

        if (checkedOptions.Exists(o => o.Id == Guid.Empty) || checkedOptions.DistinctBy(o => o.Id).Count() != checkedOptions.Count)
        {
            throw new DomainException("id.invalid");
        }

        var duplicate = checkedOptions.GroupBy(o => o.Text, StringComparer.InvariantCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null ? throw new DomainException("poll.option.duplicate", duplicate.Key) : (checkedQuestion, checkedOptions);
    }
}
