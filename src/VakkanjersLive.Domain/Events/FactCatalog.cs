namespace VakkanjersLive.Domain.Events;

/// <summary>Which part of an event each fact belongs to (interim: replaced by the parts' own registrations).</summary>
public static class FactCatalog
{
    public static EventParts PartOf(ILiveEventFact fact) => fact switch
    {
        EventCreated or EventDetailsChanged => EventParts.Details,
        CategoryAdded or CategoryChanged or CategoryRemoved or SchoolAdded or SchoolChanged or SchoolRemoved
            or TeamRegistered or TeamChanged or TeamWithdrawn or CriterionAdded or CriterionChanged or CriterionRemoved
            or JudgeAppointed or JudgeChanged or JudgeRemoved or JudgeCodesIssued or FinalistsImported or JuryImported
            or RoundAdded or RoundRenamed => EventParts.Roster,
        JudgingOpened or JudgingClosed or ScoreSubmitted or ConflictDeclared or RoundLocked or ScoringRulesSet
            or AwardGranted or AwardWithdrawn => EventParts.Judging,
        StageSet or StreamSet or ReactionsSwitched or CountdownSet or RevealPrepared or RevealStepped or RevealCleared => EventParts.Show,
        PollCreated or PollChanged or PollDeleted or PollOpened or PollClosed or PollResultsSwitched or VoteCast => EventParts.Polls,
        QuestionsSwitched or QuestionAsked or QuestionApproved or QuestionRejected or QuestionUpvoted or QuestionUpvoteWithdrawn
            or QuestionHighlighted or QuestionAnswered => EventParts.Questions,
        _ => EventParts.Chat,
    };
}
