namespace VakkanjersLive.Web.Limits;

/// <summary>
/// A ceiling on one key's failures within a sliding window (wrong sign-ins from one address): at the limit, the key
/// waits until the oldest failure leaves the window.
/// </summary>
public sealed class FailureLog(TimeProvider time, TimeSpan window, int limit) : FailureWindow(time, window)
{
    private readonly TimeSpan _window = window;

    protected override long AvailablePermits()
    {
        Now();
        return Math.Max(0, limit - Count);
    }

    protected override TimeSpan? Wait(DateTimeOffset now) => Count >= limit ? Oldest + _window - now : null;
}
