using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Domain.Staff;

namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>
/// Runs a decision against the current state and appends its fact with optimistic concurrency: if another writer
/// (or node) got there first, it catches up and decides again. A command id already stored is answered as a success
/// without deciding again, so resends are harmless even when the rules would now say no.
/// </summary>
public sealed partial class CommandExecutor(IJournal journal, ProjectionStore store, IEnumerable<ICommandTiming> timings, ILogger<CommandExecutor> logger)
{
    /// <summary>The actor of the audience's commands (chat, votes, questions): they wait behind staff commands.</summary>
    public const string AudienceActor = "viewer";

    private const int MaxAttempts = 10;

    // Commands on one stream run one at a time on this node, so optimistic retries are only needed between nodes;
    // staff commands go before waiting audience commands (PriorityGate).
    private readonly ConcurrentDictionary<string, PriorityGate> _streamGates = new(StringComparer.Ordinal);

    public Task<CommandResult> ForEventAsync(Guid eventId, Guid commandId, string actor, Func<LiveEvent, ILiveEventFact> decide, CancellationToken cancellationToken = default) =>
        ExecuteAsync(JournalStreams.ForEvent(eventId), commandId, actor, state => decide((LiveEvent)state), cancellationToken);

    public Task<CommandResult> ForStaffAsync(Guid commandId, string actor, Func<StaffDirectory, IStaffFact> decide, CancellationToken cancellationToken = default) =>
        ExecuteAsync(JournalStreams.Staff, commandId, actor, state => decide((StaffDirectory)state), cancellationToken);

    public Task<CommandResult> ForSeriesAsync(Guid commandId, string actor, Func<SeriesCatalog, ISeriesFact> decide, CancellationToken cancellationToken = default) =>
        ExecuteAsync(JournalStreams.Series, commandId, actor, state => decide((SeriesCatalog)state), cancellationToken);

    private async Task<CommandResult> ExecuteAsync(string streamId, Guid commandId, string actor, Func<object, object> decide, CancellationToken cancellationToken)
    {
        if (commandId == Guid.Empty)
        {
            return CommandResult.Failed("command.id.required");
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var gate = _streamGates.GetOrAdd(streamId, _ => new PriorityGate());
        await gate.WaitAsync(audience: actor == AudienceActor, cancellationToken);
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (attempt > 0)
                {
                    // Another node wrote in between: back off a little, with jitter, before deciding again.
                    await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
                }

                await store.CatchUpAsync(streamId, cancellationToken);
                if (store.FindCommand(streamId, commandId) is { } earlier)
                {
                    return CommandResult.Ok(earlier, duplicate: true);
                }

                var version = store.VersionOf(streamId);
                object fact;
                try
                {
                    fact = decide(store.StateOf(streamId));
                }
                catch (DomainException ex)
                {
                    return CommandResult.Failed(ex.Code, ex.Arguments);
                }

                var result = await journal.AppendAsync(streamId, FactSerializer.ToAppend(fact, commandId, actor), version, cancellationToken);
                if (result.Outcome == AppendOutcome.VersionConflict)
                {
                    continue;
                }

                if (result.Outcome == AppendOutcome.Appended)
                {
                    await store.ApplyAppendedAsync(result.Entry!, cancellationToken);
                }
                else
                {
                    await store.CatchUpAsync(streamId, cancellationToken);
                }

                foreach (var timing in timings)
                {
                    timing.Appended(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                }

                return CommandResult.Ok(result.Entry!.Position, result.Outcome == AppendOutcome.Duplicate);
            }

            LogContended(logger, streamId, MaxAttempts);
            return CommandResult.Failed("journal.busy");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ArgumentException)
        {
            LogJournalFailure(logger, ex, streamId);
            return CommandResult.Failed("journal.unavailable");
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId} stayed contended for {Attempts} attempts")]
    private static partial void LogContended(ILogger logger, string streamId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal append to {StreamId} failed")]
    private static partial void LogJournalFailure(ILogger logger, Exception exception, string streamId);
}
