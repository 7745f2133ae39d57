namespace VakkanjersLive.Domain.Events;

/// <summary>
/// A judge's current scorecard for a team in a round (and performance, empty for one); <see cref="Revision"/> counts
/// corrections (1 = first).
/// </summary>
public sealed record Scorecard(Guid RoundId, Guid JudgeId, Guid TeamId, IReadOnlyList<CriterionScore> Scores, string Comment, bool Late, int Revision, string Performance = "");

public sealed record DeclaredConflict(Guid JudgeId, Guid TeamId, string Reason);

public sealed record Award(Guid Id, Guid CategoryId, Guid TeamId, AwardKind Kind, string Title);

public enum JudgingState
{
    NotOpened,
    Open,
    Closed,

    /// <summary>Not stored: the team's category (or the round) is signed off (<see cref="LiveEvent.JudgingStatusOf"/>).</summary>
    Locked,
}

/// <summary>A judge's current ranked ballot in a round: the teams best first; <see cref="Revision"/> counts revisions (1 = first).</summary>
public sealed record Ballot(Guid RoundId, Guid JudgeId, Guid CategoryId, IReadOnlyList<Guid> TeamIds, string Comment, int Revision, bool FromPaper = false);
