namespace VakkanjersLive.Web.Limits;

/// <summary>
/// One key's failures within a sliding window with a growing wait (wrong passwords for one account): the first
/// <c>free</c> failures cost nothing; from then on the key waits <c>firstWait</c> after its latest failure, doubling
/// with every further failure up to <c>maxWait</c>.
/// </summary>
public sealed class BackOffLog(TimeProvider time, TimeSpan window, int free, TimeSpan firstWait, TimeSpan maxWait) : FailureWindow(time, window)
{
    protected override long AvailablePermits() => Wait(Now()) is null ? 1 : 0;

    protected override TimeSpan? Wait(DateTimeOffset now)
    {
        if (Count < free)
        {
            return null;
        }

        // Doubled once per failure past the free ones, stopping at the cap (so it cannot overflow).
        var backOff = firstWait;
        for (var i = free; i < Count && backOff < maxWait; i++)
        {
            backOff += backOff;
        }

        var wait = Latest + (backOff < maxWait ? backOff : maxWait) - now;
        return wait > TimeSpan.Zero ? wait : null;
    }
}
