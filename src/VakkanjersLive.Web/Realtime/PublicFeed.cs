using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Maps journal facts to what the public may see. Anything not listed here (scores, frozen results, rehearsals,
/// moderation internals) never becomes a feed item: this is the one gate between the journal and audiences.
/// </summary>
public static class PublicFeed
{
    public const int ChatHistoryOnJoin = 50;

    /// <summary>Approved questions in a snapshot, in the audience's order (open ones first, most upvoted first).</summary>
    public const int QuestionsOnJoin = 200;

    /// <summary>The public items for <paramref name="fact"/>, mapped with the state right after it.</summary>
    public static IEnumerable<FeedItem> ToItems(LiveEvent e, ILiveEventFact fact, long position) => fact switch
    {
        ViewerBanned b => e.Chat.Where(m => m.ViewerId == b.ViewerId && m.Status == ChatStatus.Hidden).Select(m => Hidden(m.Id, position))
            .Concat(e.Questions.Where(q => q.ViewerId == b.ViewerId && q.Status == QuestionStatus.Hidden).Select(q => QuestionHidden(q.Id, position))),
        _ => ToItem(e, fact, position) is { } item ? [item] : [],
    };

    private static FeedItem? ToItem(LiveEvent e, ILiveEventFact fact, long position) => fact switch
    {
        StageSet s => new FeedItem(position, FeedItemTypes.Stage) { CategoryId = s.CategoryId, CategoryName = e.FindCategory(s.CategoryId)?.Name, Team = Card(e, s.TeamId) },
        ChatPosted c => new FeedItem(position, FeedItemTypes.Chat) { MessageId = c.MessageId, Nickname = c.Nickname, Text = c.Text },
        ChatApproved a when e.FindMessage(a.MessageId) is { Status: ChatStatus.Shown } m => Chat(m),
        ChatHidden h => Hidden(h.MessageId, position),
        ChatPurged => new FeedItem(position, FeedItemTypes.ChatCleared),
        ChatSettingsChanged c => new FeedItem(position, FeedItemTypes.ChatSettings) { Mode = Mode(c.Settings.Mode), Seconds = c.Settings.SlowModeSeconds },
        MessagePinned p => new FeedItem(position, FeedItemTypes.Pinned) { Text = p.Text },
        AnnouncementMade a => new FeedItem(position, FeedItemTypes.Announcement) { MessageId = a.AnnouncementId, Text = a.Text },
        StreamSet s => new FeedItem(position, FeedItemTypes.Stream) { Url = s.Url },
        ReactionsSwitched r => new FeedItem(position, FeedItemTypes.Reactions) { Enabled = r.Enabled },
        CountdownSet c => new FeedItem(position, FeedItemTypes.Countdown) { EndsAt = c.EndsAt, Label = c.Label },
        RevealPrepared { Rehearsal: false } r => new FeedItem(position, FeedItemTypes.RevealStart)
        {
            CategoryId = r.CategoryId,
            CategoryName = e.FindCategory(r.CategoryId)?.Name,
            Total = r.Entries.Count,
        },
        PollOpened o => PollItem(e, o.PollId, FeedItemTypes.PollOpen, position),
        PollClosed c => PollItem(e, c.PollId, FeedItemTypes.PollClosed, position),
        PollResultsSwitched r => PollItem(e, r.PollId, FeedItemTypes.PollResults, position),

        // Votes on a poll with hidden results map to nothing: not even a count leaves before the moderator shows it.
        VoteCast v when e.FindPoll(v.PollId) is { ResultsVisible: true } => PollItem(e, v.PollId, FeedItemTypes.PollResults, position),
        QuestionsSwitched q => new FeedItem(position, FeedItemTypes.Questions) { Enabled = q.Enabled },

        // Only approved questions ever become items: an asked (held) or turned-down question maps to nothing at all.
        QuestionApproved a when e.FindQuestion(a.QuestionId) is { Status: QuestionStatus.Approved } q => QuestionItem(q, FeedItemTypes.Question, position),
        QuestionAnswered a when e.FindQuestion(a.QuestionId) is { Status: QuestionStatus.Approved } q => QuestionItem(q, FeedItemTypes.Question, position),
        QuestionUpvoted u when e.FindQuestion(u.QuestionId) is { Status: QuestionStatus.Approved } q => QuestionItem(q, FeedItemTypes.QuestionVotes, position),
        QuestionUpvoteWithdrawn u when e.FindQuestion(u.QuestionId) is { Status: QuestionStatus.Approved } q => QuestionItem(q, FeedItemTypes.QuestionVotes, position),
        QuestionRejected r when e.FindQuestion(r.QuestionId) is { Status: QuestionStatus.Hidden } => QuestionHidden(r.QuestionId, position),
        QuestionHighlighted h => new FeedItem(position, FeedItemTypes.QuestionHighlight)
        {
            QuestionId = h.QuestionId,
            Question = h.QuestionId is { } id && e.FindQuestion(id) is { Status: QuestionStatus.Approved } q ? Public(q) : null,
        },
        RevealStepped s when e.RevealOf(s.CategoryId) is { Rehearsal: false } reveal && s.Revealed <= reveal.Entries.Count =>
            Step(e, reveal, s.Revealed, position),
        _ => null,
    };

    /// <summary>Items carrying viewers' texts, which a privacy purge takes out of the resync buffer.</summary>
    public static bool IsPurgeable(FeedItem item) => item.Type == FeedItemTypes.Chat || item.Question is not null;

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

    private static FeedItem QuestionItem(Question q, string type, long position) => new(position, type) { Question = Public(q) };

    private static FeedItem QuestionHidden(Guid questionId, long position) => new(position, FeedItemTypes.QuestionHidden) { QuestionId = questionId };

    public static PublicQuestion Public(Question q) => new(q.Id, q.Nickname, q.Text, q.Votes, q.Answered, q.AskedAt);

    /// <summary>Only the current poll reaches the audience (a hidden earlier poll stays where it is).</summary>
    private static FeedItem? PollItem(LiveEvent e, Guid pollId, string type, long position) =>
        e.CurrentPoll is { } poll && poll.Id == pollId ? new FeedItem(position, type) { Poll = Public(poll) } : null;

    public static PublicPoll Public(Poll poll)
    {
        var visible = poll.ResultsVisible;
        var percentages = visible ? poll.Percentages() : null;
        return new PublicPoll(
            poll.Id,
            poll.Question,
            poll.State == PollState.Open ? "open" : "closed",
            visible,
            visible ? poll.TotalVotes : null,
            poll.Options.Select((o, i) => new PublicPollOption(o.Id, o.Text, visible ? poll.Counts[i] : null, percentages?[i])).ToList());
    }

    public static FeedItem Chat(ChatMessage m) =>
        new(m.Position, FeedItemTypes.Chat) { MessageId = m.Id, Nickname = m.Nickname, Text = m.Text };

    private static FeedItem Hidden(Guid messageId, long position) => new(position, FeedItemTypes.ChatHidden) { MessageId = messageId };

    private static string Mode(ChatMode mode) => mode.ToString().ToLowerInvariant();

    public static LiveSnapshot Snapshot(LiveEvent e) => new(
        e.Version,
        e.Name,
        e.StreamUrl,
        e.ReactionsEnabled,
        e.CountdownEndsAt,
        e.CountdownLabel,
        e.Categories.Select(c => new StageCard(c.Id, c.Name, Card(e, e.OnStage(c.Id)?.Id))).ToList(),
        e.Chat.Where(m => m.Status == ChatStatus.Shown).TakeLast(ChatHistoryOnJoin).Select(Chat).ToList(),
        e.Reveals.Values
            .Where(r => !r.Rehearsal)
            .Select(r => new PublicReveal(r.CategoryId, e.FindCategory(r.CategoryId)?.Name ?? string.Empty, r.Entries.Count, Enumerable.Range(1, r.Revealed).Select(i => Step(e, r, i, e.Version)).ToList()))
            .ToList(),
        Mode(e.ChatSettings.Mode),
        e.ChatSettings.SlowModeSeconds,
        e.PinnedMessage,
        e.CurrentPoll is { State: not PollState.Draft } poll ? Public(poll) : null,
        e.QuestionsEnabled,
        e.ApprovedQuestions.Take(QuestionsOnJoin).Select(Public).ToList(),
        e.HighlightedQuestionId);

    /// <summary>Step <paramref name="step"/> (1-based) discloses entry step-1 of the frozen order; the last is the winner.</summary>
    public static FeedItem Step(LiveEvent e, Reveal reveal, int step, long position)
    {
        var entry = reveal.Entries[step - 1];
        return new FeedItem(position, FeedItemTypes.RevealStep)
        {
            CategoryId = reveal.CategoryId,
            CategoryName = e.FindCategory(reveal.CategoryId)?.Name,
            Team = Card(e, entry.TeamId),
            Step = step,
            Total = reveal.Entries.Count,
            Rank = entry.Rank,
            Score = entry.Score,
            SharedRank = entry.SharedRank,
            Winner = entry.Rank == 1,
        };
    }

    private static TeamCard? Card(LiveEvent e, Guid? teamId) =>
        teamId is { } id && e.FindTeam(id) is { } team
            ? new TeamCard(team.Id, team.Name, e.FindSchool(team.SchoolId)?.Name ?? string.Empty, team.ProjectTitle)
            : null;
}
