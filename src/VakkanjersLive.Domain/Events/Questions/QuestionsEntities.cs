namespace VakkanjersLive.Domain.Events;

public enum QuestionStatus
{
    Held,
    Approved,

    /// <summary>Turned down while held: the public never saw it.</summary>
    Rejected,

    /// <summary>Taken down after approval: pages that show it remove it.</summary>
    Hidden,
}

/// <summary>
/// An audience question as moderators see it; the public sees only <see cref="QuestionStatus.Approved"/> ones.
/// <see cref="AskedAt"/> is the journal position of the question (the "time" in the order); <see cref="Upvoters"/>
/// holds who upvoted, so a second upvote is refused, and is never shown to anyone.
/// </summary>
public sealed record Question(
    Guid Id,
    Guid ViewerId,
    string Nickname,
    string Text,
    long AskedAt,
    QuestionStatus Status,
    bool Answered,
    System.Collections.Immutable.ImmutableHashSet<Guid> Upvoters)
{
    public int Votes => Upvoters.Count;
}
