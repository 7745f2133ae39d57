namespace VakkanjersLive.Domain.Events;

/// <summary>Marker for everything that can happen in a live event's journal stream.</summary>
public interface ILiveEventFact;

public enum EventKind
{
    /// <summary>The Vakkanjers finale: teams, categories, jury.</summary>
    VakkanjersFinale,

    /// <summary>A monthly Sterk Techniekonderwijs LIVE broadcast.</summary>
    TechniekLive,
}

public sealed record EventCreated(Guid EventId, EventKind Kind, string Name, DateOnly Date, string Venue, string Theme, string JoinCode) : ILiveEventFact;

public sealed record EventDetailsChanged(string Name, DateOnly Date, string Venue, string Theme) : ILiveEventFact;

public sealed record CategoryAdded(Guid CategoryId, string Name, string Description) : ILiveEventFact;

public sealed record CategoryChanged(Guid CategoryId, string Name, string Description) : ILiveEventFact;

public sealed record CategoryRemoved(Guid CategoryId) : ILiveEventFact;

public sealed record SchoolAdded(Guid SchoolId, string Name, string City) : ILiveEventFact;

public sealed record SchoolChanged(Guid SchoolId, string Name, string City) : ILiveEventFact;

public sealed record SchoolRemoved(Guid SchoolId) : ILiveEventFact;

public sealed record TeamRegistered(Guid TeamId, string Name, Guid SchoolId, Guid CategoryId, string ProjectTitle, IReadOnlyList<string> MemberFirstNames) : ILiveEventFact;

public sealed record TeamChanged(Guid TeamId, string Name, Guid SchoolId, Guid CategoryId, string ProjectTitle, IReadOnlyList<string> MemberFirstNames) : ILiveEventFact;

public sealed record TeamWithdrawn(Guid TeamId) : ILiveEventFact;

public sealed record CriterionAdded(Guid CriterionId, string Name, decimal Weight, int ScaleMin, int ScaleMax, string HelpText) : ILiveEventFact;

public sealed record CriterionChanged(Guid CriterionId, string Name, decimal Weight, int ScaleMin, int ScaleMax, string HelpText) : ILiveEventFact;

public sealed record CriterionRemoved(Guid CriterionId) : ILiveEventFact;

public sealed record JudgeAppointed(Guid JudgeId, string Name, Guid CategoryId, Guid? SchoolId, bool IsChair) : ILiveEventFact;

public sealed record JudgeChanged(Guid JudgeId, string Name, Guid CategoryId, Guid? SchoolId, bool IsChair) : ILiveEventFact;

public sealed record JudgeRemoved(Guid JudgeId) : ILiveEventFact;

/// <summary>Sign-in codes issued (or re-issued, which invalidates the old ones) for the listed judges.</summary>
public sealed record JudgeCodesIssued(IReadOnlyList<JudgeCode> Codes) : ILiveEventFact;

public sealed record JudgeCode(Guid JudgeId, string Code);

/// <summary>A CSV import of finalists, stored as one entry so it lands whole or not at all.</summary>
public sealed record FinalistsImported(IReadOnlyList<SchoolAdded> Schools, IReadOnlyList<TeamRegistered> Teams) : ILiveEventFact;

/// <summary>A CSV import of jury members, stored as one entry so it lands whole or not at all.</summary>
public sealed record JuryImported(IReadOnlyList<SchoolAdded> Schools, IReadOnlyList<JudgeAppointed> Judges) : ILiveEventFact;

public sealed record RoundAdded(Guid RoundId, string Name) : ILiveEventFact;

public sealed record RoundRenamed(Guid RoundId, string Name) : ILiveEventFact;

// ---- live judging ------------------------------------------------------------------------------------------------

/// <summary>The team now presenting in a category (null: nobody on stage).</summary>
public sealed record StageSet(Guid CategoryId, Guid? TeamId) : ILiveEventFact;

public sealed record JudgingOpened(Guid TeamId) : ILiveEventFact;

public sealed record JudgingClosed(Guid TeamId) : ILiveEventFact;

/// <summary>
/// A judge's scorecard for one team: first submission or a correction (then with a reason). <see cref="Late"/> marks a
/// scorecard that arrived after judging for the team was closed (an offline outbox catching up); it still counts.
/// </summary>
public sealed record ScoreSubmitted(
    Guid RoundId,
    Guid JudgeId,
    Guid TeamId,
    IReadOnlyList<CriterionScore> Scores,
    string Comment,
    bool IsCorrection,
    string Reason,
    bool Late) : ILiveEventFact;

public sealed record CriterionScore(Guid CriterionId, int Value, string Comment);

/// <summary>A judge declares a conflict of interest for a team; their scorecard for it no longer counts.</summary>
public sealed record ConflictDeclared(Guid JudgeId, Guid TeamId, string Reason) : ILiveEventFact;

/// <summary>The round is signed off: no more scores or corrections.</summary>
public sealed record RoundLocked(Guid RoundId) : ILiveEventFact;

public sealed record ScoringRulesSet(Scoring.AggregationMethod Method, IReadOnlyList<Scoring.TieBreakRule> TieBreaks) : ILiveEventFact;

public enum AwardKind
{
    First,
    Second,
    Third,
    SpecialMention,
}

public sealed record AwardGranted(Guid AwardId, Guid CategoryId, Guid TeamId, AwardKind Kind, string Title) : ILiveEventFact;

public sealed record AwardWithdrawn(Guid AwardId) : ILiveEventFact;

// ---- audience, stream and reveal ---------------------------------------------------------------------------------

/// <summary>A viewer's chat message. Viewers have no account: a random browser id and a nickname, nothing else.</summary>
public sealed record ChatPosted(Guid MessageId, Guid ViewerId, string Nickname, string Text) : ILiveEventFact;

/// <summary>The stream shown to viewers (empty: off-air, the "we zijn zo live" placeholder).</summary>
public sealed record StreamSet(string Url) : ILiveEventFact;

public sealed record ReactionsSwitched(bool Enabled) : ILiveEventFact;

/// <summary>A countdown on the venue screen; null ends it.</summary>
public sealed record CountdownSet(DateTimeOffset? EndsAt, string Label) : ILiveEventFact;

/// <summary>
/// Results frozen for a reveal: the order in which teams will be shown, last place first. Never sent to audiences:
/// only each <see cref="RevealStepped"/> discloses one entry. A rehearsal is visible to moderators only.
/// </summary>
public sealed record RevealPrepared(Guid CategoryId, bool Rehearsal, IReadOnlyList<RevealEntry> Entries) : ILiveEventFact;

public sealed record RevealEntry(Guid TeamId, int Rank, double Score, bool SharedRank);

/// <summary>One more entry of the reveal is shown (<see cref="Revealed"/> entries are public now).</summary>
public sealed record RevealStepped(Guid CategoryId, int Revealed) : ILiveEventFact;

/// <summary>A rehearsal is wiped so it can run again.</summary>
public sealed record RevealCleared(Guid CategoryId) : ILiveEventFact;

// ---- chat moderation ---------------------------------------------------------------------------------------------

public enum ChatMode
{
    Open,
    Paused,
    Off,
}

/// <summary>
/// How chat behaves for an event. <see cref="Safe"/> is the child-safe default every new event starts with.
/// </summary>
public sealed record ChatSettings(ChatMode Mode, bool HoldForReview, int SlowModeSeconds, bool GeneratedNicknamesOnly, bool BlockLinks)
{
    public static ChatSettings Safe { get; } = new(ChatMode.Open, HoldForReview: false, SlowModeSeconds: 5, GeneratedNicknamesOnly: true, BlockLinks: true);

    /// <summary>One switch when things go wrong (like Twitch's Shield Mode): everything waits for review, 30 s slow mode, no new nicknames.</summary>
    public static ChatSettings Panic { get; } = new(ChatMode.Open, HoldForReview: true, SlowModeSeconds: 30, GeneratedNicknamesOnly: true, BlockLinks: true);
}

public sealed record ChatSettingsChanged(ChatSettings Settings) : ILiveEventFact;

/// <summary>A message waiting for a moderator (hold-for-review). The sender sees "wacht op goedkeuring"; nobody else sees it.</summary>
public sealed record ChatHeld(Guid MessageId, Guid ViewerId, string Nickname, string Text) : ILiveEventFact;

public sealed record ChatApproved(Guid MessageId) : ILiveEventFact;

public sealed record ChatRejected(Guid MessageId) : ILiveEventFact;

/// <summary>A shown message is taken down on every page.</summary>
public sealed record ChatHidden(Guid MessageId) : ILiveEventFact;

public sealed record ViewerTimedOut(Guid ViewerId, DateTimeOffset Until) : ILiveEventFact;

public sealed record ViewerBanned(Guid ViewerId) : ILiveEventFact;

public sealed record ChatReported(Guid MessageId, Guid ReporterId, string Reason) : ILiveEventFact;

public sealed record BlockedWordsChanged(IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : ILiveEventFact;

/// <summary>The pinned message shown above the chat (empty: none).</summary>
public sealed record MessagePinned(string Text) : ILiveEventFact;

public sealed record AnnouncementMade(Guid AnnouncementId, string Text) : ILiveEventFact;

/// <summary>Chat and viewer data were erased from the journal (privacy for minors); the entries remain, emptied.</summary>
public sealed record ChatPurged(int MessageCount) : ILiveEventFact;

// ---- polls and votes ---------------------------------------------------------------------------------------------

/// <summary>
/// A poll drafted by a moderator. <see cref="ResultsLive"/>: the audience sees the tally while voting runs;
/// otherwise results stay with the moderators until they show them.
/// </summary>
public sealed record PollCreated(Guid PollId, string Question, IReadOnlyList<PollOption> Options, bool ResultsLive) : ILiveEventFact;

/// <summary>A draft poll rewritten (only drafts can change: nobody has seen or voted on them).</summary>
public sealed record PollChanged(Guid PollId, string Question, IReadOnlyList<PollOption> Options, bool ResultsLive) : ILiveEventFact;

public sealed record PollDeleted(Guid PollId) : ILiveEventFact;

public sealed record PollOpened(Guid PollId) : ILiveEventFact;

public sealed record PollClosed(Guid PollId) : ILiveEventFact;

/// <summary>The moderator shows (or hides again) a poll's results to the audience.</summary>
public sealed record PollResultsSwitched(Guid PollId, bool Visible) : ILiveEventFact;

/// <summary>One viewer's vote. Every acknowledged vote is a journal entry; tallies are folded from them.</summary>
public sealed record VoteCast(Guid PollId, Guid OptionId, Guid ViewerId) : ILiveEventFact;

// ---- audience questions ------------------------------------------------------------------------------------------

/// <summary>The moderator opens (or closes) the audience questions of an event; every event starts with them off.</summary>
public sealed record QuestionsSwitched(bool Enabled) : ILiveEventFact;

/// <summary>
/// A viewer's question. Always held for review: only <see cref="QuestionApproved"/> makes it public, so the asker
/// sees "wacht op goedkeuring" and nobody else sees anything.
/// </summary>
public sealed record QuestionAsked(Guid QuestionId, Guid ViewerId, string Nickname, string Text) : ILiveEventFact;

public sealed record QuestionApproved(Guid QuestionId) : ILiveEventFact;

/// <summary>A held question is turned down, or an approved one is taken down again: it is hidden everywhere.</summary>
public sealed record QuestionRejected(Guid QuestionId) : ILiveEventFact;

/// <summary>One viewer's upvote of an approved question (one per viewer per question).</summary>
public sealed record QuestionUpvoted(Guid QuestionId, Guid ViewerId) : ILiveEventFact;

/// <summary>A viewer takes their upvote back.</summary>
public sealed record QuestionUpvoteWithdrawn(Guid QuestionId, Guid ViewerId) : ILiveEventFact;

/// <summary>The question "nu aan de beurt" on the venue screen and overlay (null: none). One at a time.</summary>
public sealed record QuestionHighlighted(Guid? QuestionId) : ILiveEventFact;

/// <summary>The panel has answered the question; it stays visible, marked "beantwoord".</summary>
public sealed record QuestionAnswered(Guid QuestionId) : ILiveEventFact;
