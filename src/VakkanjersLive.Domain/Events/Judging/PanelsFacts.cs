namespace VakkanjersLive.Domain.Events;

/// <summary>
/// A lead moderator puts a judge in one of the judges' panels of the rules of their category's round (rules with
/// <c>panels</c>, e.g. jury 80 / public 20). <see cref="PanelId"/> null: back to the default, the first panel that is
/// not an audience vote. Set per round, so the next round starts with the default again.
/// </summary>
public sealed record JudgePanelSet(Guid CategoryId, Guid RoundId, Guid JudgeId, string? PanelId) : ILiveEventFact;

/// <summary>
/// A lead moderator links a per-class poll of the category's teams to an audience-vote panel of the rules of the
/// round (<c>"votes": true</c>): each class's ballot (<see cref="PerClassBallots"/>) becomes that panel's marks.
/// <see cref="PollId"/> null: unlinked.
/// </summary>
public sealed record PanelPollLinked(Guid CategoryId, Guid RoundId, string PanelId, Guid? PollId) : ILiveEventFact;
