using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Features.Broadcast;

/// <summary>
/// Episodes as iCalendar (RFC 5545, written with Ical.Net): one file per episode and a feed per series that calendars
/// subscribe to. The UID comes from the event id, so a moved episode (same event, same join link) replaces the old
/// entry in a teacher's calendar instead of adding a second one; SEQUENCE counts the plan's changes. Times are on
/// the Amsterdam clock with <c>TZID=Europe/Amsterdam</c> and the zone's VTIMEZONE, so they stay right across
/// daylight-saving changes.
/// </summary>
public static class EpisodeCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The calendar UID of an episode: stable for the life of the event.</summary>
    public static string Uid(Guid eventId) => $"episode-{eventId:N}@vakkanjers-live";

    public static string Build(Series series, IEnumerable<LiveEvent> episodes, DateTimeOffset now, Func<LiveEvent, string> joinUrl, IStringLocalizer text)
    {
        var calendar = new Calendar { ProductId = "-//Jet-Net & TechNet//VakkanjersLive//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", series.Name);
        calendar.AddProperty("X-WR-TIMEZONE", AmsterdamTime.ZoneId);
        calendar.AddTimeZone(AmsterdamTime.ZoneId);
        foreach (var episode in episodes.Where(e => e.IsEpisode))
        {
            calendar.Events.Add(Entry(series, episode, now, joinUrl(episode), text));
        }

        return new CalendarSerializer(calendar).SerializeToString() ?? string.Empty;
    }

    private static CalendarEvent Entry(Series series, LiveEvent episode, DateTimeOffset now, string joinUrl, IStringLocalizer text)
    {
        var b = episode.Broadcast;
        var link = b.State == EpisodeState.ReplayAvailable ? b.ReplayUrl : joinUrl;
        var description = new StringBuilder();
        if (b.Description.Length > 0)
        {
            description.AppendLine(b.Description).AppendLine();
        }

        foreach (var guest in b.Guests)
        {
            description.AppendLine(GuestLine(guest));
        }

        description.Append(b.State == EpisodeState.ReplayAvailable ? text["Series.Replay"] : text["Series.Watch"]).Append(": ").Append(link);
        return new CalendarEvent
        {
            Uid = Uid(episode.Id),
            Sequence = b.Revision,
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC", hasTime: true),
            DtStart = OnAmsterdamClock(b.StartsAt),
            DtEnd = OnAmsterdamClock(b.EndsAt),
            Summary = Title(series, episode, text),
            Description = description.ToString(),
            Location = link,
            Url = new Uri(link),
            Organizer = null,
            Status = "CONFIRMED",
        };
    }

    public static string Title(Series series, LiveEvent episode, IStringLocalizer text) =>
        text["Series.EpisodeTitle", series.Name, episode.Broadcast.Number, episode.Broadcast.Theme];

    public static string GuestLine(Guest guest) =>
        string.Join(", ", new[] { guest.Name, guest.Role, guest.Organisation }.Where(p => p.Length > 0));

    private static CalDateTime OnAmsterdamClock(DateTimeOffset instant) =>
        new(AmsterdamTime.ToLocal(instant), AmsterdamTime.ZoneId, hasTime: true);
}
