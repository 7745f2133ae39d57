namespace VakkanjersLive.Domain.Events;

/// <summary>The moderator opens (or closes) the audience questions of an event; every event starts with them off.</summary>
public sealed record QuestionsSwitched(bool Enabled) : ILiveEventFact;

/// <summary>
/// A viewer's question. Always held for review: only <see cref="QuestionApproved"/> makes it public, so the asker
/// sees "wacht op goedkeuring" and nobody else sees anything.
/// </summary>
public sealed record QuestionAsked(Guid QuestionId, [property: ViewerData] Guid ViewerId, [property: ViewerData] string Nickname, [property: ViewerData] string Text) : ILiveEventFact;

public sealed record QuestionApproved(Guid QuestionId) : ILiveEventFact;

/// <summary>A held question is turned down, or an approved one is taken down again: it is hidden everywhere.</summary>
public sealed record QuestionRejected(Guid QuestionId) : ILiveEventFact;

/// <summary>One viewer's upvote of an approved question (one per viewer per question).</summary>
public sealed record QuestionUpvoted(Guid QuestionId, [property: ViewerData] Guid ViewerId) : ILiveEventFact;

/// <summary>A viewer takes their upvote back.</summary>
public sealed record QuestionUpvoteWithdrawn(Guid QuestionId, [property: ViewerData] Guid ViewerId) : ILiveEventFact;

/// <summary>The question "nu aan de beurt" on the venue screen and overlay (null: none). One at a time.</summary>
public sealed record QuestionHighlighted(Guid? QuestionId) : ILiveEventFact;

/// <summary>The panel has answered the question; it stays visible, marked "beantwoord".</summary>
public sealed record QuestionAnswered(Guid QuestionId) : ILiveEventFact;
