using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>
/// Rebuilds every projection before the app serves (start-up blocks on it), then follows the journal: each
/// notification catches its stream up, and a periodic sweep catches anything a notification missed (entries written
/// by other nodes while a pub/sub link was down).
/// </summary>
public sealed partial class JournalFollower(IJournal journal, ProjectionStore store, IOptions<JournalOptions> options, ILogger<JournalFollower> logger)
    : BackgroundService
{
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = journal.Subscribe(n => _pending.Writer.TryWrite(n.StreamId));
        var started = TimeProvider.System.GetTimestamp();
        await store.LoadAllAsync(cancellationToken);
        LogRebuilt(logger, store.Events.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = Task.Run(() => SweepAsync(stoppingToken), stoppingToken);
        try
        {
            await foreach (var streamId in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                await CatchUpSafelyAsync(streamId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await sweep.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    foreach (var streamId in await journal.ListStreamsAsync(stoppingToken))
                    {
                        _pending.Writer.TryWrite(streamId);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpSafelyAsync(string streamId, CancellationToken stoppingToken)
    {
        try
        {
            await store.CatchUpAsync(streamId, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCatchUpFailed(logger, ex, streamId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Projections rebuilt from the journal: {EventCount} live events in {ElapsedMs:F0} ms")]
    private static partial void LogRebuilt(ILogger logger, int eventCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal sweep failed; retrying on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up stream {StreamId} failed; the next notification or sweep retries")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, string streamId);
}
