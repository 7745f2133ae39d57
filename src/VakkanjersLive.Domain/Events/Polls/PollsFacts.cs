namespace VakkanjersLive.Domain.Events;

/// <summary>
/// A poll drafted by a moderator. <see cref="ResultsLive"/>: the audience sees the tally while voting runs;
/// otherwise results stay with the moderators until they show them. <see cref="Mode"/>: open or per class (then
/// <see cref="Points"/> are a ballot's points, null: 12, 10, 8 …; journals from before have neither: open).
/// </summary>
public sealed record PollCreated(Guid PollId, string Question, IReadOnlyList<PollOption> Options, bool ResultsLive, PollMode Mode = PollMode.Open, IReadOnlyList<int>? Points = null) : ILiveEventFact;

/// <summary>A draft poll rewritten (only drafts can change: nobody has seen or voted on them).</summary>
public sealed record PollChanged(Guid PollId, string Question, IReadOnlyList<PollOption> Options, bool ResultsLive, PollMode Mode = PollMode.Open, IReadOnlyList<int>? Points = null) : ILiveEventFact;

public sealed record PollDeleted(Guid PollId) : ILiveEventFact;

public sealed record PollOpened(Guid PollId) : ILiveEventFact;

public sealed record PollClosed(Guid PollId) : ILiveEventFact;

/// <summary>The moderator shows (or hides again) a poll's results to the audience.</summary>
public sealed record PollResultsSwitched(Guid PollId, bool Visible) : ILiveEventFact;

/// <summary>
/// One viewer's vote. Every acknowledged vote is a journal entry; tallies are folded from them. <see cref="ClassId"/>:
/// the class the viewer joined with (per-class polls; a class, not a person).
/// </summary>
public sealed record VoteCast(Guid PollId, Guid OptionId, [property: ViewerData] Guid ViewerId, Guid? ClassId = null) : ILiveEventFact;

/// <summary>
/// A moderator discarded a flagged batch of an open poll's votes (issue 11, the "suspicious" view): the votes at these
/// journal positions no longer count; their voters stay "already voted". The batch came from one client address
/// between <see cref="From"/> and <see cref="To"/>; the address (even its hash) is not kept here.
/// </summary>
public sealed record VotesDiscarded(Guid PollId, IReadOnlyList<long> Positions, DateTimeOffset From, DateTimeOffset To) : ILiveEventFact;
