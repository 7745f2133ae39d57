namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>
/// A one-at-a-time gate with two lanes: when it is released, a waiting staff command goes before every waiting
/// audience command (each lane in arrival order). A hall that votes at once queues behind itself, not in front of a
/// judge's submit or a moderator's action: those wait at most for the one command in progress.
/// </summary>
public sealed class PriorityGate
{
    private readonly object _lock = new();
    private readonly Queue<TaskCompletionSource> _staff = new();
    private readonly Queue<TaskCompletionSource> _audience = new();
    private bool _held;

    /// <summary>How many wait now (diagnostics and tests).</summary>
    public (int Staff, int Audience) Waiting
    {
        get
        {
            lock (_lock)
            {
                return (_staff.Count(w => !w.Task.IsCompleted), _audience.Count(w => !w.Task.IsCompleted));
            }
        }
    }

    public Task WaitAsync(bool audience, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (audience ? _audience : _staff).Enqueue(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled waiter stays queued, completed; Release skips it.
            var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            _ = waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return waiter.Task;
    }

    public void Release()
    {
        lock (_lock)
        {
            while (_staff.TryDequeue(out var next) || _audience.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return; // handed over: the gate stays held by the next command
                }
            }

            _held = false;
        }
    }
}
