using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Maps journal facts to what the public may see. Anything not listed here (scores, frozen results, rehearsals,
/// moderation internals) never becomes a feed item: this is the one gate between the journal and audiences.
/// </summary>
public static class PublicFeed
{
    public const int ChatHistoryOnJoin = 50;

    /// <summary>The public items for <paramref name="fact"/>, mapped with the state right after it.</summary>
    public static IEnumerable<FeedItem> ToItems(LiveEvent e, ILiveEventFact fact, long position) => fact switch
    {
        ViewerBanned b => e.Chat.Where(m => m.ViewerId == b.ViewerId && m.Status == ChatStatus.Hidden).Select(m => Hidden(m.Id, position)),
        _ => ToItem(e, fact, position) is { } item ? [item] : [],
    };

    private static FeedItem? ToItem(LiveEvent e, ILiveEventFact fact, long position) => fact switch
    {
        StageSet s => new FeedItem(position, "stage") { CategoryId = s.CategoryId, CategoryName = e.FindCategory(s.CategoryId)?.Name, Team = Card(e, s.TeamId) },
        ChatPosted c => new FeedItem(position, "chat") { MessageId = c.MessageId, Nickname = c.Nickname, Text = c.Text },
        ChatApproved a when e.FindMessage(a.MessageId) is { Status: ChatStatus.Shown } m => Chat(m),
        ChatHidden h => Hidden(h.MessageId, position),
        ChatPurged => new FeedItem(position, "chat-cleared"),
        ChatSettingsChanged c => new FeedItem(position, "chat-settings") { Mode = Mode(c.Settings.Mode), Seconds = c.Settings.SlowModeSeconds },
        MessagePinned p => new FeedItem(position, "pinned") { Text = p.Text },
        AnnouncementMade a => new FeedItem(position, "announcement") { MessageId = a.AnnouncementId, Text = a.Text },
        StreamSet s => new FeedItem(position, "stream") { Url = s.Url },
        ReactionsSwitched r => new FeedItem(position, "reactions") { Enabled = r.Enabled },
        CountdownSet c => new FeedItem(position, "countdown") { EndsAt = c.EndsAt, Label = c.Label },
        RevealPrepared { Rehearsal: false } r => new FeedItem(position, "reveal-start")
        {
            CategoryId = r.CategoryId,
            CategoryName = e.FindCategory(r.CategoryId)?.Name,
            Total = r.Entries.Count,
        },
        RevealStepped s when e.RevealOf(s.CategoryId) is { Rehearsal: false } reveal && s.Revealed <= reveal.Entries.Count =>
            Step(e, reveal, s.Revealed, position),
        _ => null,
    };

    public static FeedItem Chat(ChatMessage m) =>
        new(m.Position, "chat") { MessageId = m.Id, Nickname = m.Nickname, Text = m.Text };

    private static FeedItem Hidden(Guid messageId, long position) => new(position, "chat-hidden") { MessageId = messageId };

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
        e.PinnedMessage);

    /// <summary>Step <paramref name="step"/> (1-based) discloses entry step-1 of the frozen order; the last is the winner.</summary>
    public static FeedItem Step(LiveEvent e, Reveal reveal, int step, long position)
    {
        var entry = reveal.Entries[step - 1];
        return new FeedItem(position, "reveal-step")
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
