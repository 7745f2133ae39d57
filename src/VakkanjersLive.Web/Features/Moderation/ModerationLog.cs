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
            // Each part words its own facts (FactCatalog); only moderation lines belong in this log.
            var line = FactCatalog.Describe(e, (ILiveEventFact)FactSerializer.Deserialize(entry));
            if (line is { Trail: AuditTrail.Moderation })
            {
                lines.Add(new ModerationLogLine(entry.RecordedAt, ActorName(entry.Actor), line.Action, line.Target));
            }
        }

        lines.Reverse();
        return lines;
    }

    private string ActorName(string? actor) =>
        actor?.Split(':') is ["moderator", var id] && Guid.TryParse(id, out var accountId) ? store.Staff.Find(accountId)?.DisplayName ?? actor : actor ?? string.Empty;
}
