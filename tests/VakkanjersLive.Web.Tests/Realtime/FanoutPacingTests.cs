using System.Collections.Concurrent;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// The feed's fan-out must not starve request handling (issue 16): work queued while it writes to thousands of
/// viewers (a judge's score, a moderator's click) runs after at most one chunk of writes, not after all of them.
/// Run on a single-threaded context, so the order is exact.
/// </summary>
public sealed class FanoutPacingTests
{
    [Fact]
    public void WorkQueuedDuringAFanOut_RunsAfterOneChunk_NotAfterEveryViewer()
    {
        var written = new List<int>();
        int? probeSawWritten = null;
        SingleThread.Run(async () =>
        {
            var context = SynchronizationContext.Current!;
            await LocalFanout.ForEachPacedAsync(Enumerable.Range(0, 1000), 256, i =>
            {
                written.Add(i);
                if (i == 10)
                {
                    // A request arriving while the fan-out writes its first chunk.
                    context.Post(_ => probeSawWritten = written.Count, null);
                }
            });
        });

        Assert.Equal(Enumerable.Range(0, 1000), written);
        Assert.Equal(256, probeSawWritten);
    }

    [Fact]
    public void AFanOutWithinOneChunk_CompletesWithoutYielding()
    {
        var written = new List<int>();
        var task = LocalFanout.ForEachPacedAsync(Enumerable.Range(0, LocalFanout.Chunk), LocalFanout.Chunk, written.Add);

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(LocalFanout.Chunk, written.Count);
    }

    [Fact]
    public Task ChunkBelowOne_IsRefused() =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LocalFanout.ForEachPacedAsync([1], 0, _ => { }));

    /// <summary>A synchronization context with one thread and a FIFO queue: posted work runs in the order posted.</summary>
    private sealed class SingleThread : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public static void Run(Func<Task> body)
        {
            var previous = Current;
            var context = new SingleThread();
            SetSynchronizationContext(context);
            try
            {
                var task = body();
                task.ContinueWith(_ => context._queue.CompleteAdding(), TaskScheduler.Default);
                foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
                {
                    callback(state);
                }

                task.GetAwaiter().GetResult();
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
