using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Features.Moderation;

/// <summary>Privacy for minors ("Privacy" section): how long after the event its personal data is kept.</summary>
public sealed class PrivacyOptions
{
    /// <summary>Chat, nicknames, questions, reports and the viewer ids of votes and upvotes.</summary>
    [Range(1, 3650)]
    public int PurgeAfterDays { get; set; } = 30;

    /// <summary>Pupils' first names (team members) and the judges' sign-in codes; teams, projects, judges and results stay.</summary>
    [Range(1, 3650)]
    public int RosterPurgeAfterDays { get; set; } = 365;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Erases an event's chat and questions: nicknames, texts, viewer ids (of votes and upvotes too; poll tallies stay)
/// and report reasons are blanked in the journal itself
/// (<see cref="IJournal.RedactAsync"/>), then a <see cref="ChatPurged"/> fact tells every node and page to drop them.
/// </summary>
public sealed class ChatPurge(IJournal journal, CommandExecutor commands)
{
    public async Task<CommandResult> PurgeAsync(Guid eventId, string actor, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await JournalRedaction.RedactAsync(journal, eventId, PrivacyPurge.Audience, redacted =>
        {
            if (ChatPart.IsMessage(redacted))
            {
                count++;
            }
        }, cancellationToken);
        return await commands.ForEventAsync(eventId, Guid.NewGuid(), actor, _ => new ChatPurged(count), cancellationToken);
    }
}

/// <summary>
/// Erases an event's pupils' first names and judge codes in the journal, then a <see cref="RosterPurged"/> fact tells
/// every node and page to drop them (teams, projects, schools, judges' names and results stay).
/// </summary>
public sealed class RosterPurge(IJournal journal, CommandExecutor commands)
{
    public async Task<CommandResult> PurgeAsync(Guid eventId, string actor, CancellationToken cancellationToken = default)
    {
        var count = await JournalRedaction.RedactAsync(journal, eventId, PrivacyPurge.Roster, null, cancellationToken);
        return await commands.ForEventAsync(eventId, Guid.NewGuid(), actor, _ => new RosterPurged(count), cancellationToken);
    }
}

/// <summary>Rewrites an event's journal entries for one purge; each part decides what of its facts that purge blanks.</summary>
internal static class JournalRedaction
{
    public static Task<int> RedactAsync(IJournal journal, Guid eventId, PrivacyPurge purge, Action<ILiveEventFact>? redactedFact, CancellationToken cancellationToken) =>
        journal.RedactAsync(JournalStreams.ForEvent(eventId), entry =>
        {
            // FactCatalog knows the fact types; this knows none. The rest is left as it is.
            var redacted = FactCatalog.Redact((ILiveEventFact)FactSerializer.Deserialize(entry), purge);
            if (redacted is null)
            {
                return null;
            }

            redactedFact?.Invoke(redacted);
            return FactSerializer.ToAppend(redacted, entry.CommandId, entry.Actor).Payload;
        }, cancellationToken);
}

/// <summary>
/// Runs <see cref="ChatPurge"/> for every event whose date lies <see cref="PrivacyOptions.PurgeAfterDays"/> behind and
/// <see cref="RosterPurge"/> for those <see cref="PrivacyOptions.RosterPurgeAfterDays"/> behind, when the event still
/// holds data that purge erases (<see cref="LiveEvent.Unerased"/>: any fact the purge would blank, votes included).
/// </summary>
public sealed partial class AutomaticChatPurge(
    ChatPurge purge,
    RosterPurge rosterPurge,
    ProjectionStore store,
    TimeProvider time,
    IOptions<PrivacyOptions> options,
    ILogger<AutomaticChatPurge> logger)
    : BackgroundService
{
    public const string Actor = "privacy-policy";

    /// <summary>Runs the chat purge where it is due now; returns the events purged.</summary>
    public Task<IReadOnlyList<Guid>> PurgeDueAsync(CancellationToken cancellationToken) =>
        PurgeDueAsync(PrivacyPurge.Audience, options.Value.PurgeAfterDays, purge.PurgeAsync, LogPurged, cancellationToken);

    /// <summary>Runs the roster purge where it is due now; returns the events purged.</summary>
    public Task<IReadOnlyList<Guid>> PurgeDueRostersAsync(CancellationToken cancellationToken) =>
        PurgeDueAsync(PrivacyPurge.Roster, options.Value.RosterPurgeAfterDays, rosterPurge.PurgeAsync, LogRosterPurged, cancellationToken);

    private async Task<IReadOnlyList<Guid>> PurgeDueAsync(
        PrivacyPurge kind,
        int afterDays,
        Func<Guid, string, CancellationToken, Task<CommandResult>> run,
        Action<ILogger, Guid, bool> log,
        CancellationToken cancellationToken)
    {
        var due = Due(kind, afterDays);
        foreach (var eventId in due)
        {
            var result = await run(eventId, Actor, cancellationToken);
            log(logger, eventId, result.Succeeded);
        }

        return due;
    }

    private List<Guid> Due(PrivacyPurge kind, int afterDays)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return store.Events.Where(e => (e.Unerased & kind) != 0 && e.Date.AddDays(afterDays) < today).Select(e => e.Id).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        try
        {
            do
            {
                try
                {
                    await PurgeDueAsync(stoppingToken);
                    await PurgeDueRostersAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat of event {EventId} purged by the privacy policy (stored: {Succeeded})")]
    private static partial void LogPurged(ILogger logger, Guid eventId, bool succeeded);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pupils' names and judge codes of event {EventId} purged by the privacy policy (stored: {Succeeded})")]
    private static partial void LogRosterPurged(ILogger logger, Guid eventId, bool succeeded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automatic privacy purge failed; retrying on the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
