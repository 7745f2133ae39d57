using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Features.Broadcast;
using VakkanjersLive.Web.Features.Live;
using VakkanjersLive.Web.Features.Moderation;
using VakkanjersLive.Web.Features.Polls;
using VakkanjersLive.Web.Features.Questions;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// What the public may see of an event: its items (each part's feed decides, through <see cref="FeedCatalog"/>), the
/// join snapshot, and the rules that keep the resync buffer small.
/// </summary>
public static class PublicFeed
{
    public const int ChatHistoryOnJoin = 50;

    /// <summary>Approved questions in a snapshot, in the audience's order (open ones first, most upvoted first).</summary>
    public const int QuestionsOnJoin = 200;

    /// <summary>The public items for <paramref name="fact"/>, mapped with the state right after it (each part's feed decides).</summary>
    public static IEnumerable<FeedItem> ToItems(LiveEvent e, ILiveEventFact fact, long position) => FeedCatalog.ToItems(e, fact, position);


    /// <summary>
    /// Items carrying what a viewer wrote, which a privacy purge takes out of the resync buffer: whatever a viewer
    /// writes goes out under their nickname (chat) or inside a question, whatever the item type.
    /// </summary>
    public static bool IsPurgeable(FeedItem item) => item.Nickname is not null || item.Question is not null;

    /// <summary>
    /// Poll and question items carry the poll's or question's whole public state, so a tally (a poll's
    /// <c>poll-results</c>, a question's <c>question-votes</c>) followed by a later item of the same poll or question
    /// says nothing new: it is dropped. Used on each frame's items (a live tally is at most one item per poll or
    /// question per frame) and on the resync buffer (thousands of votes do not push chat out of it).
    /// </summary>
    public static void DropSupersededTallies(List<FeedItem> items)
    {
        Dictionary<Guid, long>? latest = null;
        foreach (var item in items)
        {
            if (TallyKey(item) is { } key)
            {
                (latest ??= [])[key] = item.Position;
            }
        }

        if (latest is not null)
        {
            items.RemoveAll(i => i.Type is FeedItemTypes.PollResults or FeedItemTypes.QuestionVotes && latest[TallyKey(i)!.Value] != i.Position);
        }
    }

    /// <summary>Poll and question ids are both fresh GUIDs, so one dictionary keys both without clashes.</summary>
    private static Guid? TallyKey(FeedItem item) => item.Poll?.Id ?? item.Question?.Id ?? (item.Type == FeedItemTypes.QuestionHidden ? item.QuestionId : null);

    public static LiveSnapshot Snapshot(LiveEvent e) => new(
        e.Version,
        e.Name,
        e.StreamUrl,
        e.ReactionsEnabled,
        e.CountdownEndsAt,
        e.CountdownLabel,
        e.Categories.Select(c => new StageCard(c.Id, c.Name, ShowFeed.Card(e, e.OnStage(c.Id)?.Id))).ToList(),
        e.Chat.Messages.Where(m => m.Status == ChatStatus.Shown).TakeLast(ChatHistoryOnJoin).Select(ChatFeed.Chat).ToList(),
        e.Reveals.Values
            .Where(r => !r.Rehearsal)
            .Select(r => ShowFeed.Public(e, r))
            .ToList(),
        ChatFeed.Mode(e.ChatSettings.Mode),
        e.ChatSettings.SlowModeSeconds,
        e.PinnedMessage,
        e.CurrentPoll is { State: not PollState.Draft } poll ? PollFeed.Public(poll) : null,
        e.QuestionsEnabled,
        e.ApprovedQuestions.Take(QuestionsOnJoin).Select(QuestionFeed.Public).ToList(),
        e.HighlightedQuestionId,
        [.. e.Categories.Select(c => e.PitchTimerOf(c.Id)).OfType<PitchTimer>().Select(t => ShowFeed.Timer(e, t.CategoryId, e.Version))],
        BroadcastFeed.Segment(e),
        [.. SceneNames.Displays.Select(d => ShowFeed.Scene(e, d, e.Version))]);
}
