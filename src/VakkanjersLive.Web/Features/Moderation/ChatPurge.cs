using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Features.Moderation;

/// <summary>Privacy for minors ("Privacy" section): chat and viewer data are erased this many days after the event.</summary>
public sealed class PrivacyOptions
{
    [Range(1, 3650)]
    public int PurgeAfterDays { get; set; } = 30;

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
        await journal.RedactAsync(JournalStreams.ForEvent(eventId), entry =>
        {
            // Each part decides what of its facts is viewer data (FactCatalog); the rest is left as it is.
            var redacted = FactCatalog.Redact((ILiveEventFact)FactSerializer.Deserialize(entry));
            if (redacted is not null && ChatPart.IsMessage(redacted))
            {
                count++;
            }

            return redacted is null ? null : FactSerializer.ToAppend(redacted, entry.CommandId, entry.Actor).Payload;
        }, cancellationToken);
        return await commands.ForEventAsync(eventId, Guid.NewGuid(), actor, _ => new ChatPurged(count), cancellationToken);
    }
}

/// <summary>Runs <see cref="ChatPurge"/> for every event whose date lies <see cref="PrivacyOptions.PurgeAfterDays"/> behind.</summary>
public sealed partial class AutomaticChatPurge(ChatPurge purge, ProjectionStore store, TimeProvider time, IOptions<PrivacyOptions> options, ILogger<AutomaticChatPurge> logger)
    : BackgroundService
{
    public const string Actor = "privacy-policy";

    /// <summary>Purges what is due now; returns the events purged.</summary>
    public async Task<IReadOnlyList<Guid>> PurgeDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var due = store.Events.Where(e => e.Date.AddDays(options.Value.PurgeAfterDays) < today && (e.Chat.Messages.Exists(m => m.Text.Length > 0) || e.Questions.All.Exists(q => q.Text.Length > 0))).Select(e => e.Id).ToList();
        foreach (var eventId in due)
        {
            var result = await purge.PurgeAsync(eventId, Actor, cancellationToken);
            LogPurged(logger, eventId, result.Succeeded);
        }

        return due;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automatic chat purge failed; retrying on the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
