using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>Audience questions ("vragen uit het publiek") as moderators see them, with upvotes and the highlight.</summary>
public sealed record QuestionsPart
{
    public static QuestionsPart Empty { get; } = new();

    /// <summary>Whether viewers may ask and upvote now. Every event starts with questions off.</summary>
    public bool Enabled { get; private init; }

    /// <summary>Every question not erased by a purge, in the order asked.</summary>
    public ImmutableList<Question> All { get; private init; } = [];

    /// <summary>The question "nu aan de beurt", if any; always an approved one.</summary>
    public Guid? HighlightedId { get; private init; }

    public Question? Find(Guid questionId) => All.Find(q => q.Id == questionId);

    /// <summary>A ban takes the viewer's questions down (a cross-part rule: chat bans the viewer).</summary>
    internal QuestionsPart TakeDownViewer(Guid viewerId) => this with
    {
        All = All.Select(q => q.ViewerId == viewerId ? TakenDown(q) : q).ToImmutableList(),
        HighlightedId = HighlightedId is { } h && Find(h)?.ViewerId == viewerId ? null : HighlightedId,
    };

    /// <summary>The privacy purge erases every question (a cross-part rule: chat's purge).</summary>
    internal QuestionsPart Erase() => this with { All = [], HighlightedId = null };

    /// <summary>
    /// A question and an upvote name their viewer (and a question carries text and a nickname): the purge blanks them.
    /// Moderators' decisions are on the moderation log; asking and upvoting are not.
    /// </summary>
    internal static void Register(PartRegistration<QuestionsPart> part) => part
        .On<QuestionsSwitched>(
            (q, e, _) => q with { Enabled = e.Enabled },
            FactPrivacy.NoPersonalData,
            new Logged<QuestionsSwitched>((_, e) => new AuditLine(AuditTrail.Moderation, e.Enabled ? "questions-on" : "questions-off")))
        .On<QuestionAsked>(
            (q, e, position) => q with { All = q.All.Add(new Question(e.QuestionId, e.ViewerId, e.Nickname, e.Text, position, QuestionStatus.Held, false, [])) },
            new Erase<QuestionAsked>(a => a.Text.Length > 0 || a.Nickname.Length > 0 || a.ViewerId != Guid.Empty
                ? a with { ViewerId = Guid.Empty, Nickname = string.Empty, Text = string.Empty }
                : null),
            FactAudit.NotAudited)
        .On<QuestionApproved>(
            (q, e, _) => q.With(e.QuestionId, x => x with { Status = QuestionStatus.Approved }),
            FactPrivacy.NoPersonalData,
            new Logged<QuestionApproved>((s, e) => Moderation("question-approved", s, e.QuestionId)))
        .On<QuestionRejected>(
            (q, e, _) => q.With(e.QuestionId, TakenDown).WithoutHighlight(e.QuestionId),
            FactPrivacy.NoPersonalData,
            new Logged<QuestionRejected>((s, e) => Moderation("question-rejected", s, e.QuestionId)))
        .On<QuestionUpvoted>(
            (q, e, _) => q.With(e.QuestionId, x => x with { Upvoters = x.Upvoters.Add(e.ViewerId) }),
            new Erase<QuestionUpvoted>(u => u.ViewerId != Guid.Empty ? u with { ViewerId = Guid.Empty } : null),
            FactAudit.NotAudited)
        .On<QuestionUpvoteWithdrawn>(
            (q, e, _) => q.With(e.QuestionId, x => x with { Upvoters = x.Upvoters.Remove(e.ViewerId) }),
            new Erase<QuestionUpvoteWithdrawn>(u => u.ViewerId != Guid.Empty ? u with { ViewerId = Guid.Empty } : null),
            FactAudit.NotAudited)
        .On<QuestionHighlighted>(
            (q, e, _) => q with { HighlightedId = e.QuestionId },
            FactPrivacy.NoPersonalData,
            new Logged<QuestionHighlighted>((s, e) => e.QuestionId is { } id
                ? Moderation("question-highlighted", s, id)
                : new AuditLine(AuditTrail.Moderation, "question-highlight-ended")))
        .On<QuestionAnswered>(
            (q, e, _) => q.With(e.QuestionId, x => x with { Answered = true }).WithoutHighlight(e.QuestionId),
            FactPrivacy.NoPersonalData,
            new Logged<QuestionAnswered>((s, e) => Moderation("question-answered", s, e.QuestionId)));

    private static AuditLine Moderation(string action, LiveEvent state, Guid questionId) =>
        new(AuditTrail.Moderation, action, state.Questions.Find(questionId) is { } q ? $"{q.Nickname}: {q.Text}" : string.Empty);

    /// <summary>A held question is turned down; an approved one is hidden (pages that show it take it away).</summary>
    private static Question TakenDown(Question q) => q.Status switch
    {
        QuestionStatus.Held => q with { Status = QuestionStatus.Rejected },
        QuestionStatus.Approved => q with { Status = QuestionStatus.Hidden },
        _ => q,
    };

    private QuestionsPart With(Guid questionId, Func<Question, Question> change) => this with { All = All.ReplaceWhere(q => q.Id == questionId, change) };

    private QuestionsPart WithoutHighlight(Guid questionId) => HighlightedId == questionId ? this with { HighlightedId = null } : this;
}
