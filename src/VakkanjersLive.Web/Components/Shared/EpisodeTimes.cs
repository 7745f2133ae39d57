using System.Globalization;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Components.Shared;

/// <summary>
/// An episode's time as the viewer reads it: on the Amsterdam clock (where it is planned), written in the viewer's
/// culture ("dinsdag 27 oktober 2026 15:30" or "Tuesday, October 27, 2026 3:30 PM").
/// </summary>
public static class EpisodeTimes
{
    public static string Long(DateTimeOffset instant, CultureInfo culture)
    {
        var local = AmsterdamTime.ToLocal(instant);
        return $"{local.ToString("D", culture)} {local.ToString("t", culture)}";
    }

    public static string Time(DateTimeOffset instant, CultureInfo culture) => AmsterdamTime.ToLocal(instant).ToString("t", culture);

    /// <summary>The instant for a <c>&lt;time datetime&gt;</c> attribute and for scripts (ISO 8601, UTC).</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
