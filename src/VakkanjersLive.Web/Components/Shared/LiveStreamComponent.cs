using Microsoft.AspNetCore.Components;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Components.Shared;

/// <summary>
/// Base for staff pages that show one live event: re-renders whenever the event's projection moves on, whoever
/// (or whichever node) made the change.
/// </summary>
public abstract class LiveEventComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    protected ProjectionStore Store { get; set; } = default!;

    protected abstract Guid WatchedEventId { get; }

    protected override void OnInitialized()
    {
        var streamId = JournalStreams.ForEvent(WatchedEventId);
        _subscription = Store.Subscribe(changed =>
        {
            if (changed.StreamId == streamId)
            {
                _ = InvokeAsync(StateHasChanged);
            }
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
