namespace VakkanjersLive.Domain.Events;

public sealed record JudgingOpened(Guid TeamId) : ILiveEventFact;

public sealed record JudgingClosed(Guid TeamId) : ILiveEventFact;

/// <summary>
/// A judge's scorecard for one team: first submission or a correction (then with a reason). <see cref="Late"/> marks a
/// scorecard that arrived after judging for the team was closed (an offline outbox catching up); it still counts.
/// <see cref="FromPaper"/> marks a scorecard a lead moderator entered from a paper score sheet. <see cref="Performance"/>
/// names the performance ("1" … "6": a dive, an attempt) when the category's rules declare several; empty otherwise
/// (and in every scorecard stored before performances).
/// </summary>
public sealed record ScoreSubmitted(
    Guid RoundId,
    Guid JudgeId,
    Guid TeamId,
    IReadOnlyList<CriterionScore> Scores,
    string Comment,
    bool IsCorrection,
    string Reason,
    bool Late,
    bool FromPaper = false,
    string Performance = "") : ILiveEventFact;

/// <summary>
/// One criterion's value on a scorecard. A decimal, so a criterion with a declared step of 0.5, 0.25 or 0.1 can be
/// scored off the whole number; scorecards stored before steps carry whole numbers and read the same.
/// </summary>
public sealed record CriterionScore(Guid CriterionId, decimal Value, string Comment);

/// <summary>
/// A moderator sets a team's factor (degree of difficulty) for one performance in a round; null: back to 1. The rules
/// engine multiplies that performance's panel value by it.
/// </summary>
public sealed record PerformanceFactorSet(Guid RoundId, Guid TeamId, string Performance, decimal? Factor) : ILiveEventFact;

/// <summary>A judge declares a conflict of interest for a team; their scorecard for it no longer counts.</summary>
public sealed record ConflictDeclared(Guid JudgeId, Guid TeamId, string Reason) : ILiveEventFact;

/// <summary>The round is signed off: no more scores or corrections.</summary>
public sealed record RoundLocked(Guid RoundId) : ILiveEventFact;

public sealed record ScoringRulesSet(Scoring.AggregationMethod Method, IReadOnlyList<Scoring.TieBreakRule> TieBreaks) : ILiveEventFact;

/// <summary>
/// A category's declared scoring rules (the rules model, <c>docs/scoring.md</c>) as a rules file
/// (<see cref="Scoring.Rules.RulesJson"/>); empty: back to the event's method and tie-breaks
/// (<see cref="Scoring.Rules.RulesPresets.FromRubric"/>).
/// <see cref="RoundId"/>: the rules of one round of the category (<see cref="CategoryRoundsDeclared"/>); null: of every
/// round without rules of its own (and of a category without rounds).
/// </summary>
public sealed record CategoryRulesDeclared(Guid CategoryId, string Rules, Guid? RoundId = null) : ILiveEventFact;

/// <summary>
/// A category's rounds in order (e.g. "Voorronde", "Finale"). The first round is the one the category judges in
/// already (its scorecards stay there); a category without this fact has one implicit round.
/// </summary>
public sealed record CategoryRoundsDeclared(Guid CategoryId, IReadOnlyList<CategoryRound> Rounds) : ILiveEventFact;

public sealed record CategoryRound(Guid RoundId, string Name);

/// <summary>The judges of the category who judge one of its rounds; empty: every judge of the category (as without this fact).</summary>
public sealed record RoundPanelSet(Guid CategoryId, Guid RoundId, IReadOnlyList<Guid> JudgeIds) : ILiveEventFact;

/// <summary>
/// The category's next declared round starts with <see cref="TeamIds"/>: the top <see cref="Top"/> of
/// <see cref="FromRoundId"/> (more when <see cref="TiesIncluded"/>: the teams tied at the cut-off).
/// </summary>
public sealed record CategoryRoundStarted(Guid CategoryId, Guid FromRoundId, Guid RoundId, IReadOnlyList<Guid> TeamIds, int Top, bool TiesIncluded) : ILiveEventFact;

public enum AwardKind
{
    First,
    Second,
    Third,
    SpecialMention,
}

public sealed record AwardGranted(Guid AwardId, Guid CategoryId, Guid TeamId, AwardKind Kind, string Title) : ILiveEventFact;

public sealed record AwardWithdrawn(Guid AwardId) : ILiveEventFact;

/// <summary>A category's results are signed off for the round (by its jury chair or a lead moderator); other categories keep judging.</summary>
public sealed record CategoryLocked(Guid RoundId, Guid CategoryId) : ILiveEventFact;

/// <summary>A category's sign-off is taken back (only before its results are frozen for the reveal).</summary>
public sealed record CategoryUnlocked(Guid RoundId, Guid CategoryId) : ILiveEventFact;

/// <summary>
/// A moderator looked at an outlier of the consistency check and accepts that revision of the scorecard as it is. A
/// correction by the judge is a new revision and is checked again.
/// </summary>
public sealed record OutlierAcknowledged(Guid RoundId, Guid JudgeId, Guid TeamId, int Revision, string Reason) : ILiveEventFact;

/// <summary>How many counted scorecards every team of a category needs before its results are ready; null: every judge who is not conflicted.</summary>
public sealed record MinimumScorecardsSet(Guid CategoryId, int? Minimum) : ILiveEventFact;

/// <summary>The official aggregation method is chosen (confirmed by a moderator); tie-breaks stay in <see cref="ScoringRulesSet"/>.</summary>
public sealed record MethodChosen(Scoring.AggregationMethod Method) : ILiveEventFact;

/// <summary>
/// A judge's ranked ballot for a category whose rules rank rather than score (<see cref="Scoring.Rules.ScoringRules.Ranks"/>):
/// <see cref="TeamIds"/> best first (rank 1, 2, …), possibly only some of the round's teams (the others get 0 points).
/// A later ballot of the same judge in the same round replaces it (<see cref="IsCorrection"/>, with a reason).
/// <see cref="FromPaper"/> marks a ballot a lead moderator entered from a paper sheet.
/// </summary>
public sealed record RankingSubmitted(
    Guid RoundId,
    Guid JudgeId,
    Guid CategoryId,
    IReadOnlyList<Guid> TeamIds,
    string Comment,
    bool IsCorrection,
    string Reason,
    bool FromPaper = false) : ILiveEventFact;
