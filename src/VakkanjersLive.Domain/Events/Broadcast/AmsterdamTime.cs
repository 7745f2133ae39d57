namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Episodes are planned on the clock in the Netherlands (Europe/Amsterdam) and stored as UTC instants, so a time is
/// right on both sides of a daylight-saving change. A local time that does not exist (the hour skipped in March) or
/// exists twice (the hour repeated in October) is refused rather than guessed.
/// </summary>
public static class AmsterdamTime
{
    public const string ZoneId = "Europe/Amsterdam";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The instant of a wall-clock time in Amsterdam.</summary>
    public static DateTimeOffset ToInstant(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wall))
        {
            throw new DomainException("episode.time.skipped");
        }

        if (Zone.IsAmbiguousTime(wall))
        {
            throw new DomainException("episode.time.ambiguous");
        }

        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>The wall-clock time in Amsterdam of an instant.</summary>
    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
}
