using System.Collections.Immutable;
using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Infrastructure.Journal;

/// <summary>A thread-safe list of notification handlers; one handler's failure never stops the others.</summary>
internal sealed class JournalSubscribers
{
    private ImmutableList<Action<JournalNotification>> _handlers = [];

    public IDisposable Add(Action<JournalNotification> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(this, handler);
    }

    public void Publish(JournalNotification notification)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(notification);
            }
            catch (Exception)
            {
                // Handlers only signal followers; a broken one must not break an acknowledged append.
            }
        }
    }

    private sealed class Subscription(JournalSubscribers owner, Action<JournalNotification> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._handlers, list => list.Remove(handler));
    }
}
