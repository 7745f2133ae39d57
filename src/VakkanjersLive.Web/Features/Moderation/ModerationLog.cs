using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Features.Moderation;

public sealed record ModerationLogLine(DateTimeOffset At, string Actor, string Action, string Target);

/// <summary>Every moderation action of an event, newest first, from the journal: who, what, when.</summary>
public sealed class ModerationLog(IJournal journal, ProjectionStore store)
{
    public async Task<IReadOnlyList<ModerationLogLine>> ReadAsync(LiveEvent e, CancellationToken cancellationToken = default)
    {
        var lines = new List<ModerationLogLine>();
        await foreach (var entry in journal.ReadAsync(JournalStreams.ForEvent(e.Id), 1, cancellationToken))
        {
            var line = FactSerializer.Deserialize(entry) switch
            {
                ChatSettingsChanged c => ("settings", $"{c.Settings.Mode}, {(c.Settings.HoldForReview ? "hold" : "no hold")}, slow {c.Settings.SlowModeSeconds}s"),
                ChatApproved a => ("approved", Nickname(e, a.MessageId)),
                ChatRejected r => ("rejected", Nickname(e, r.MessageId)),
                ChatHidden h => ("hidden", Nickname(e, h.MessageId)),
                ViewerTimedOut t => ("timed-out", $"{Viewer(e, t.ViewerId)} → {t.Until.ToLocalTime():HH:mm:ss}"),
                ViewerBanned b => ("banned", Viewer(e, b.ViewerId)),
                BlockedWordsChanged w => ("words", string.Join(", ", w.Added.Select(a => "+" + a).Concat(w.Removed.Select(r => "−" + r)))),
                MessagePinned p => ("pinned", p.Text),
                AnnouncementMade a => ("announced", a.Text),
                PollOpened p => ("poll-opened", Question(e, p.PollId)),
                PollClosed p => ("poll-closed", Question(e, p.PollId)),
                PollResultsSwitched p => (p.Visible ? "poll-results-shown" : "poll-results-hidden", Question(e, p.PollId)),
                QuestionsSwitched q => (q.Enabled ? "questions-on" : "questions-off", string.Empty),
                QuestionApproved q => ("question-approved", QuestionText(e, q.QuestionId)),
                QuestionRejected q => ("question-rejected", QuestionText(e, q.QuestionId)),
                QuestionHighlighted { QuestionId: { } id } => ("question-highlighted", QuestionText(e, id)),
                QuestionHighlighted => ("question-highlight-ended", string.Empty),
                QuestionAnswered q => ("question-answered", QuestionText(e, q.QuestionId)),
                ChatPurged p => ("purged", p.MessageCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => ((string, string)?)null,
            };
            if (line is { } l)
            {
                lines.Add(new ModerationLogLine(entry.RecordedAt, ActorName(entry.Actor), l.Item1, l.Item2));
            }
        }

        lines.Reverse();
        return lines;
    }

    private static string Nickname(LiveEvent e, Guid messageId) => e.FindMessage(messageId)?.Nickname ?? string.Empty;

    private static string Question(LiveEvent e, Guid pollId) => e.FindPoll(pollId)?.Question ?? string.Empty;

    private static string QuestionText(LiveEvent e, Guid questionId) =>
        e.FindQuestion(questionId) is { } q ? $"{q.Nickname}: {q.Text}" : string.Empty;

    private static string Viewer(LiveEvent e, Guid viewerId) => e.Chat.Find(m => m.ViewerId == viewerId)?.Nickname ?? string.Empty;

    private string ActorName(string? actor) =>
        actor?.Split(':') is ["moderator", var id] && Guid.TryParse(id, out var accountId) ? store.Staff.Find(accountId)?.DisplayName ?? actor : actor ?? string.Empty;
}
