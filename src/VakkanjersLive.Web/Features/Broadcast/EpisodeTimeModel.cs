using System.Globalization;
using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Features.Broadcast;

/// <summary>
/// An episode's date, start and end as typed in the browser's date and time inputs (<c>yyyy-MM-dd</c>, <c>HH:mm</c> or <c>HH:mm:ss</c>),
/// on the Amsterdam clock. An end before the start on the clock is the next day (a late show past midnight).
/// </summary>
public sealed class EpisodeTimeModel
{
    // A time input sends "15:30", or "15:30:00" once the browser or the field has normalised it.
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public string? Date { get; set; }

    public string? Start { get; set; }

    public string? End { get; set; }

    public static EpisodeTimeModel From(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var start = AmsterdamTime.ToLocal(startsAt);
        var end = AmsterdamTime.ToLocal(endsAt);
        return new EpisodeTimeModel
        {
            Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Start = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            End = end.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The wall-clock start and end; refused as <c>episode.time.invalid</c> when a field is not a date or time.</summary>
    public (DateTime Starts, DateTime Ends) Parse()
    {
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(Start, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(End, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            throw new DomainException("episode.time.invalid");
        }

        var starts = date.ToDateTime(start);
        var ends = date.ToDateTime(end);
        return (starts, ends <= starts ? ends.AddDays(1) : ends);
    }
}
