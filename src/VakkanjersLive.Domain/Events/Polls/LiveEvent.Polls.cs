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

    /// <summary>A per-class poll lists teams: up to 40 of them.</summary>
    public const int MaxPerClassPollOptions = 40;

    /// <summary>The poll the audience sees: the one opened (or whose results were shown) last.</summary>
    public Poll? CurrentPoll => Polls.Current;

    /// <summary>The poll open for votes, if any (at most one at a time).</summary>
    public Poll? RunningPoll => Polls.Running;

    public Poll? FindPoll(Guid pollId) => Polls.Find(pollId);

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>A new draft: a question of up to 200 characters and 2–6 options of up to 80 (blank options are left out).</summary>
    /// <remarks>
    /// A per-class poll (<see cref="PollMode.PerClass"/>) lists teams of the event (up to 40), keeps its votes secret
    /// until the moderator shows them (never live results) and awards <paramref name="points"/> per class ballot.
    /// </remarks>
    public PollCreated CreatePoll(Guid pollId, string? question, IEnumerable<PollOption> options, bool resultsLive, PollMode mode = PollMode.Open, IReadOnlyList<int>? points = null)
    {
        EnsureExists();
        EnsureNewId(pollId, Polls.All.Exists(p => p.Id == pollId));
        var (checkedQuestion, checkedOptions) = CheckPoll(question, options, mode);
        var (live, checkedPoints) = CheckMode(resultsLive, mode, points);
        return new PollCreated(pollId, checkedQuestion, checkedOptions, live, mode, checkedPoints);
    }

    public PollChanged ChangePoll(Guid pollId, string? question, IEnumerable<PollOption> options, bool resultsLive, PollMode mode = PollMode.Open, IReadOnlyList<int>? points = null)
    {
        EnsureDraft(pollId);
        var (checkedQuestion, checkedOptions) = CheckPoll(question, options, mode);
        var (live, checkedPoints) = CheckMode(resultsLive, mode, points);
        return new PollChanged(pollId, checkedQuestion, checkedOptions, live, mode, checkedPoints);
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
    /// <remarks>
    /// In a per-class poll the viewer votes as the class they joined with (<paramref name="classId"/>): without one the
    /// vote is refused (<c>poll.class.required</c>), and so is a vote for a team of the class's own school
    /// (<c>poll.own-school</c>) and, when the teacher gave the number of pupils, a vote past it (<c>poll.class.full</c>).
    /// </remarks>
    public VoteCast Vote(Guid pollId, Guid optionId, Guid viewerId, Guid? classId = null)
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

        var option = poll.Options.FirstOrDefault(o => o.Id == optionId) ?? throw new DomainException("poll.option.unknown");
        if (Banned.Contains(viewerId))
        {
            throw new DomainException("poll.banned");
        }

        if (poll.Voters.Contains(viewerId))
        {
            throw new DomainException("poll.already-voted");
        }

        if (poll.Mode != PollMode.PerClass)
        {
            return new VoteCast(pollId, optionId, viewerId);
        }

        var schoolClass = (classId is { } id ? FindClass(id) : null) ?? throw new DomainException("poll.class.required");
        if (option.TeamId is { } teamId && FindTeam(teamId)?.SchoolId == schoolClass.SchoolId)
        {
            throw new DomainException("poll.own-school");
        }

        return schoolClass.Pupils is { } pupils && (poll.ClassTallies.GetValueOrDefault(schoolClass.Id)?.Votes ?? 0) >= pupils
            ? throw new DomainException("poll.class.full", pupils)
            : new VoteCast(pollId, optionId, viewerId, schoolClass.Id);
    }

    /// <summary>
    /// Discards a flagged batch of an open-mode poll's votes (the votes at <paramref name="positions"/>, from one
    /// address between <paramref name="from"/> and <paramref name="to"/>): they stop counting, the tally is folded
    /// again. Only votes of this poll that still count; none left is <c>poll.discard.none</c>. A per-class poll has no
    /// such batches (one class moves one ballot): <c>poll.discard.per-class</c>.
    /// </summary>
    public VotesDiscarded DiscardVotes(Guid pollId, IReadOnlyCollection<long> positions, DateTimeOffset from, DateTimeOffset to)
    {
        var poll = FindPoll(pollId) ?? throw new DomainException("poll.unknown");
        if (poll.Mode == PollMode.PerClass)
        {
            throw new DomainException("poll.discard.per-class");
        }

        var counted = positions.Distinct().Where(poll.VoteAt.ContainsKey).Order().ToList();
        return counted.Count == 0 || to < from ? throw new DomainException("poll.discard.none") : new VotesDiscarded(pollId, counted, from, to);
    }

    private void EnsureDraft(Guid pollId)
    {
        var poll = FindPoll(pollId) ?? throw new DomainException("poll.unknown");
        if (poll.State != PollState.Draft)
        {
            throw new DomainException("poll.not-draft");
        }
    }

    private static (bool ResultsLive, IReadOnlyList<int>? Points) CheckMode(bool resultsLive, PollMode mode, IReadOnlyList<int>? points) => mode switch
    {
        PollMode.Open => points is null ? (resultsLive, null) : throw new DomainException("poll.points.invalid", PerClassBallots.MaxPoints, PerClassBallots.MaxPointValue),
        PollMode.PerClass => resultsLive ? throw new DomainException("poll.per-class.live") : (false, points is null ? null : PerClassBallots.Check(points)),
        _ => throw new DomainException("poll.mode.invalid"),
    };

    private (string Question, IReadOnlyList<PollOption> Options) CheckPoll(string? question, IEnumerable<PollOption> options, PollMode mode)
    {
        var checkedQuestion = Guard.Text(question, "poll.question", MaxPollQuestionLength);
        var checkedOptions = options
            .Where(o => !string.IsNullOrWhiteSpace(o.Text))
            .Select(o => new PollOption(o.Id, Guard.Text(o.Text, "poll.option", MaxPollOptionLength), o.TeamId))
            .ToList();
        var max = mode == PollMode.PerClass ? MaxPerClassPollOptions : MaxPollOptions;
        if (checkedOptions.Count < MinPollOptions || checkedOptions.Count > max)
        {
            throw new DomainException("poll.options.count", MinPollOptions, max);
        }

        // A per-class poll is about teams: each option names a team of the event, each team once.
        if (mode == PollMode.PerClass
            && (checkedOptions.Exists(o => o.TeamId is not { } team || FindTeam(team) is null) || checkedOptions.DistinctBy(o => o.TeamId).Count() != checkedOptions.Count))
        {
            throw new DomainException("poll.option.team");
        }

        if (checkedOptions.Exists(o => o.Id == Guid.Empty) || checkedOptions.DistinctBy(o => o.Id).Count() != checkedOptions.Count)
        {
            throw new DomainException("id.invalid");
        }

        var duplicate = checkedOptions.GroupBy(o => o.Text, StringComparer.InvariantCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null ? throw new DomainException("poll.option.duplicate", duplicate.Key) : (checkedQuestion, checkedOptions);
    }
}
