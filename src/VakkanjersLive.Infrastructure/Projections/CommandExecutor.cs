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
/// <para>
/// <b>Group commit.</b> Commands on one stream are written by one writer per node (<see cref="StreamWriter"/>): it
/// takes every command waiting at that moment (staff commands first, then the audience's, each in arrival order; at
/// most <see cref="MaxBatch"/>), decides them one after the other on the state each one leaves, and appends their facts
/// in one durable write. A hall voting at once costs one fsync per batch instead of one per vote, and a judge's submit
/// waits at most for the batch being written, never behind the queue of votes.
/// </para>
/// </summary>
public sealed partial class CommandExecutor(IJournal journal, ProjectionStore store, IEnumerable<ICommandTiming> timings, ILogger<CommandExecutor> logger)
{
    /// <summary>The actor of the audience's commands (chat, votes, questions): they wait behind staff commands.</summary>
    public const string AudienceActor = "viewer";

    /// <summary>The most commands one journal write carries.</summary>
    public const int MaxBatch = 256;

    private const int MaxAttempts = 10;

    private readonly ConcurrentDictionary<string, StreamWriter> _writers = new(StringComparer.Ordinal);
    private readonly ICommandTiming[] _timings = [.. timings];

    /// <summary>How many journal writes this node made (diagnostics and tests: fewer than commands means batching).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>How many of those writes another node's write beat (the batch was decided again): contention between nodes.</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    private long _writes;
    private long _conflicts;

    public Task<CommandResult> ForEventAsync(Guid eventId, Guid commandId, string actor, Func<LiveEvent, ILiveEventFact> decide, CancellationToken cancellationToken = default) =>
        ExecuteAsync(JournalStreams.ForEvent(eventId), commandId, actor, state => decide((LiveEvent)state), cancellationToken);

    public Task<CommandResult> ForStaffAsync(Guid commandId, string actor, Func<StaffDirectory, IStaffFact> decide, CancellationToken cancellationToken = default) =>
        ExecuteAsync(JournalStreams.Staff, commandId, actor, state => decide((StaffDirectory)state), cancellationToken);

    public Task<CommandResult> ForSeriesAsync(Guid commandId, string actor, Func<SeriesCatalog, ISeriesFact> decide, CancellationToken cancellationToken = default) =>
        ExecuteAsync(JournalStreams.Series, commandId, actor, state => decide((SeriesCatalog)state), cancellationToken);

    private Task<CommandResult> ExecuteAsync(string streamId, Guid commandId, string actor, Func<object, object> decide, CancellationToken cancellationToken)
    {
        if (commandId == Guid.Empty)
        {
            return Task.FromResult(CommandResult.Failed("command.id.required"));
        }

        JournalStreams.EnsureValid(streamId);
        cancellationToken.ThrowIfCancellationRequested();
        var command = new PendingCommand(commandId, actor, decide, cancellationToken, System.Diagnostics.Stopwatch.GetTimestamp());
        _writers.GetOrAdd(streamId, id => new StreamWriter(this, id)).Enqueue(command);
        return command.Result;
    }

    /// <summary>
    /// Decides and writes one batch, retrying the whole batch after a conflict with another node. Every command of the
    /// batch is answered when this returns.
    /// </summary>
    private async Task WriteBatchAsync(string streamId, List<PendingCommand> batch)
    {
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (attempt > 0)
                {
                    // Another node wrote in between: back off a little, with jitter, before deciding again.
                    await Task.Delay(Random.Shared.Next(5, 20 * attempt));
                }

                await store.CatchUpAsync(streamId);
                var version = store.VersionOf(streamId);
                var state = store.StateOf(streamId);
                var writing = new List<(PendingCommand Command, JournalAppend Append)>(batch.Count);
                var inBatch = new HashSet<Guid>();
                foreach (var command in batch.Where(c => !c.IsAnswered))
                {
                    if (command.CancellationToken.IsCancellationRequested)
                    {
                        command.Cancel();
                    }
                    else if (store.FindCommand(streamId, command.CommandId) is { } earlier)
                    {
                        command.Answer(CommandResult.Ok(earlier, duplicate: true));
                    }
                    else if (inBatch.Contains(command.CommandId))
                    {
                        // The same command twice in one batch: the journal answers the second as a duplicate of the first.
                        writing.Add((command, writing.First(w => w.Command.CommandId == command.CommandId).Append));
                    }
                    else if (Decide(command, state) is { } fact)
                    {
                        state = ProjectionStore.Fold(state, fact, version + inBatch.Count + 1);
                        inBatch.Add(command.CommandId);
                        writing.Add((command, FactSerializer.ToAppend(fact, command.CommandId, command.Actor)));
                    }
                }

                if (writing.Count == 0)
                {
                    return;
                }

                var results = await journal.AppendManyAsync(streamId, [.. writing.Select(w => w.Append)], version);
                Interlocked.Increment(ref _writes);
                if (results.Any(r => r.Outcome == AppendOutcome.VersionConflict))
                {
                    Interlocked.Increment(ref _conflicts);
                    continue;
                }

                var appended = results.Where(r => r.Outcome == AppendOutcome.Appended).Select(r => r.Entry!).ToList();
                if (appended.Count == results.Count)
                {
                    await store.ApplyAppendedAsync(appended);
                }
                else
                {
                    await store.CatchUpAsync(streamId);
                }

                for (var i = 0; i < writing.Count; i++)
                {
                    var duplicate = results[i].Outcome == AppendOutcome.Duplicate;
                    writing[i].Command.Answer(CommandResult.Ok(results[i].Entry!.Position, duplicate));
                    foreach (var timing in _timings)
                    {
                        timing.Appended(System.Diagnostics.Stopwatch.GetElapsedTime(writing[i].Command.Started));
                    }
                }

                return;
            }

            LogContended(logger, streamId, MaxAttempts);
            AnswerRest(batch, CommandResult.Failed("journal.busy"));
        }
        catch (ArgumentException ex)
        {
            foreach (var command in batch.Where(c => !c.IsAnswered))
            {
                command.Fail(ex);
            }
        }
        catch (Exception ex)
        {
            LogJournalFailure(logger, ex, streamId);
            AnswerRest(batch, CommandResult.Failed("journal.unavailable"));
        }
    }

    /// <summary>The command's fact, or null when it was answered here (refused by the rules, or its decision threw).</summary>
    private object? Decide(PendingCommand command, object state)
    {
        try
        {
            return command.Decide(state);
        }
        catch (DomainException ex)
        {
            command.Answer(CommandResult.Failed(ex.Code, ex.Arguments));
        }
        catch (ArgumentException ex)
        {
            command.Fail(ex);
        }
        catch (Exception ex)
        {
            LogDecisionFailure(logger, ex, command.Actor);
            command.Answer(CommandResult.Failed("journal.unavailable"));
        }

        return null;
    }

    private static void AnswerRest(List<PendingCommand> batch, CommandResult result)
    {
        foreach (var command in batch.Where(c => !c.IsAnswered))
        {
            command.Answer(result);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId} stayed contended for {Attempts} attempts")]
    private static partial void LogContended(ILogger logger, string streamId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal append to {StreamId} failed")]
    private static partial void LogJournalFailure(ILogger logger, Exception exception, string streamId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A decision of {Actor} failed")]
    private static partial void LogDecisionFailure(ILogger logger, Exception exception, string actor);

    /// <summary>One command waiting for its batch, and its caller's answer.</summary>
    private sealed class PendingCommand(Guid commandId, string actor, Func<object, object> decide, CancellationToken cancellationToken, long started)
    {
        private readonly TaskCompletionSource<CommandResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Guid CommandId => commandId;

        public string Actor => actor;

        public bool IsAudience => actor == AudienceActor;

        public CancellationToken CancellationToken => cancellationToken;

        public long Started => started;

        public Task<CommandResult> Result => _result.Task;

        public bool IsAnswered => _result.Task.IsCompleted;

        public object Decide(object state) => decide(state);

        public void Answer(CommandResult result) => _result.TrySetResult(result);

        public void Fail(Exception exception) => _result.TrySetException(exception);

        public void Cancel() => _result.TrySetCanceled(cancellationToken);
    }

    /// <summary>
    /// The one writer of a stream on this node: two lanes (staff, audience), drained batch by batch while anything
    /// waits; it stops when both are empty and starts again on the next command.
    /// </summary>
    private sealed class StreamWriter(CommandExecutor executor, string streamId)
    {
        private readonly object _lock = new();
        private readonly Queue<PendingCommand> _staff = new();
        private readonly Queue<PendingCommand> _audience = new();
        private bool _running;

        public void Enqueue(PendingCommand command)
        {
            lock (_lock)
            {
                (command.IsAudience ? _audience : _staff).Enqueue(command);
                if (_running)
                {
                    return;
                }

                _running = true;
            }

            _ = Task.Run(DrainAsync);
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                var batch = new List<PendingCommand>();
                lock (_lock)
                {
                    while (batch.Count < MaxBatch && _staff.TryDequeue(out var staff))
                    {
                        batch.Add(staff);
                    }

                    while (batch.Count < MaxBatch && _audience.TryDequeue(out var viewer))
                    {
                        batch.Add(viewer);
                    }

                    if (batch.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                }

                await executor.WriteBatchAsync(streamId, batch);
            }
        }
    }
}
