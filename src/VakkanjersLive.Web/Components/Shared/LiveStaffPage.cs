using Microsoft.AspNetCore.Components;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Components.Shared;

/// <summary>
/// Base of the staff pages that show live state. Listens to the projections once per visit (subscribed in the sealed
/// <see cref="OnInitialized"/>, guarded, disposed with the page), only to the parts the page shows
/// (<see cref="WatchedParts"/> of <see cref="WatchedEventId"/>, or <see cref="Shows"/>), and coalesces bursts: at
/// most one render per <see cref="Frame"/>, the first change after a quiet frame at once, and the last change of a
/// burst always rendered. Initialise in <c>OnInitializedAsync</c>.
/// </summary>
public abstract class LiveStaffPage : StaffComponent, IDisposable
{
    /// <summary>The shortest time between two renders caused by changes.</summary>
    public static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private ITimer? _timer;
    private long? _lastRender;
    private bool _pending;
    private bool _disposed;

    [Inject]
    protected ProjectionStore Store { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>The event the page shows (read on every change, so it may be known only after initialisation).</summary>
    protected virtual Guid WatchedEventId => Guid.Empty;

    /// <summary>The parts of <see cref="WatchedEventId"/> the page renders.</summary>
    protected virtual EventParts WatchedParts => EventParts.All;

    protected override Guid CommandEventId => WatchedEventId;

    /// <summary>How many times the page itself has rendered (diagnostics; its children are not counted).</summary>
    public int Renders { get; private set; }

    /// <summary>How many of those renders changes in the projections asked for (diagnostics).</summary>
    public int ChangeRenders { get; private set; }

    protected sealed override void OnInitialized()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _subscription ??= Store.Subscribe(OnChanged);
            }
        }
    }

    protected override void OnAfterRender(bool firstRender) => Renders++;

    /// <summary>Whether a change is one the page shows. Called on the writer's thread: keep it cheap.</summary>
    protected virtual bool Shows(StreamChange change) => change.Touches(WatchedEventId, WatchedParts);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _subscription?.Dispose();
            _timer?.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private void OnChanged(StreamChange change)
    {
        if (!Shows(change))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || _pending)
            {
                return;
            }

            _pending = true;
            var wait = _lastRender is { } last ? Frame - Time.GetElapsedTime(last) : TimeSpan.Zero;
            if (wait <= TimeSpan.Zero)
            {
                ScheduleRender();
            }
            else
            {
                _timer ??= Time.CreateTimer(_ => ScheduleRender(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(wait, Timeout.InfiniteTimeSpan);
            }
        }
    }

    // Runs on a writer's or a timer's thread: an exception here would take the process down, not the page.
    private void ScheduleRender()
    {
        try
        {
            _ = InvokeInCircuitCultureAsync(RenderChange);
        }
        catch (ObjectDisposedException)
        {
            // The circuit is gone; Dispose stops the rest.
        }
    }

    private void RenderChange()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // Cleared before rendering: a change from now on schedules another render, so none is lost.
            _pending = false;
            _lastRender = Time.GetTimestamp();
        }

        ChangeRenders++;
        OnChangeShown();
        StateHasChanged();
    }

    /// <summary>
    /// Called on the page's renderer, just before a render a change asked for: the place for a form to take the new
    /// state in (the fields it shows follow the projections unless the user is editing them).
    /// </summary>
    protected virtual void OnChangeShown()
    {
    }
}
