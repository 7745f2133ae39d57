using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Questions;

/// <summary>
/// Questions in the feed: only approved questions ever become items. An asked (held) or turned-down question maps
/// to nothing at all, not even its id; upvotes map to the question's whole state (coalesced per frame).
/// </summary>
public static class QuestionFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Item<QuestionsSwitched>((_, q, position) => new FeedItem(position, FeedItemTypes.Questions) { Enabled = q.Enabled })
        .Never<QuestionAsked>()
        .Item<QuestionApproved>((e, a, position) => Approved(e, a.QuestionId, FeedItemTypes.Question, position))
        .Item<QuestionAnswered>((e, a, position) => Approved(e, a.QuestionId, FeedItemTypes.Question, position))
        .Item<QuestionUpvoted>((e, u, position) => Approved(e, u.QuestionId, FeedItemTypes.QuestionVotes, position))
        .Item<QuestionUpvoteWithdrawn>((e, u, position) => Approved(e, u.QuestionId, FeedItemTypes.QuestionVotes, position))
        .Item<QuestionRejected>((e, r, position) => e.FindQuestion(r.QuestionId) is { Status: QuestionStatus.Hidden } ? Hidden(r.QuestionId, position) : null)
        .Item<QuestionHighlighted>((e, h, position) => new FeedItem(position, FeedItemTypes.QuestionHighlight)
        {
            QuestionId = h.QuestionId,
            Question = h.QuestionId is { } id && e.FindQuestion(id) is { Status: QuestionStatus.Approved } q ? Public(q) : null,
        });

    public static PublicQuestion Public(Question q) => new(q.Id, q.Nickname, q.Text, q.Votes, q.Answered, q.AskedAt);

    public static FeedItem Hidden(Guid questionId, long position) => new(position, FeedItemTypes.QuestionHidden) { QuestionId = questionId };

    private static FeedItem? Approved(LiveEvent e, Guid questionId, string type, long position) =>
        e.FindQuestion(questionId) is { Status: QuestionStatus.Approved } q ? new FeedItem(position, type) { Question = Public(q) } : null;
}
