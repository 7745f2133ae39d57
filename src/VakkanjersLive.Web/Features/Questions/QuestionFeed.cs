using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Questions;

/// <summary>
/// Questions in the feed: only approved questions ever become items. An asked (held) or turned-down question maps
/// to nothing at all, not even its id; upvotes map to the question's whole state (coalesced per frame).
/// </summary>
public static class QuestionFeed
{
    public const string Votes = "question-votes";

    public static void Register(FeedRegistration feed) => feed
        .Item<QuestionsSwitched>((_, q, position) => new FeedItem(position, "questions") { Enabled = q.Enabled })
        .Never<QuestionAsked>()
        .Item<QuestionApproved>((e, a, position) => Approved(e, a.QuestionId, "question", position))
        .Item<QuestionAnswered>((e, a, position) => Approved(e, a.QuestionId, "question", position))
        .Item<QuestionUpvoted>((e, u, position) => Approved(e, u.QuestionId, Votes, position))
        .Item<QuestionUpvoteWithdrawn>((e, u, position) => Approved(e, u.QuestionId, Votes, position))
        .Item<QuestionRejected>((e, r, position) => e.FindQuestion(r.QuestionId) is { Status: QuestionStatus.Hidden } ? Hidden(r.QuestionId, position) : null)
        .Item<QuestionHighlighted>((e, h, position) => new FeedItem(position, "question-highlight")
        {
            QuestionId = h.QuestionId,
            Question = h.QuestionId is { } id && e.FindQuestion(id) is { Status: QuestionStatus.Approved } q ? Public(q) : null,
        });

    public static PublicQuestion Public(Question q) => new(q.Id, q.Nickname, q.Text, q.Votes, q.Answered, q.AskedAt);

    public static FeedItem Hidden(Guid questionId, long position) => new(position, "question-hidden") { QuestionId = questionId };

    private static FeedItem? Approved(LiveEvent e, Guid questionId, string type, long position) =>
        e.FindQuestion(questionId) is { Status: QuestionStatus.Approved } q ? new FeedItem(position, type) { Question = Public(q) } : null;
}
