using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Features.Live;

namespace VakkanjersLive.Web.Features.Broadcast;

/// <summary>
/// The public calendars of a broadcast series: <c>/series/{id}/calendar.ics</c> (a feed to subscribe to, every
/// episode) and <c>/series/{id}/episodes/{eventId}/calendar.ics</c> (one episode, to download). Both are in the
/// request's language (the culture cookie of <c>/culture/set</c>, or <c>?culture=</c>).
/// </summary>
public static class BroadcastSetup
{
    public static void MapBroadcastCalendars(this WebApplication app)
    {
        var series = app.MapGroup("/series/{seriesId:guid}").AllowAnonymous();
        series.MapGet("/calendar.ics", (Guid seriesId, HttpContext context, ProjectionStore store, TimeProvider time, IOptions<PublicLinkOptions> links, IStringLocalizer<SharedResource> text) =>
            store.Series.Find(seriesId) is { } found
                ? Calendar(context, found, store.EpisodesOf(seriesId), time, links.Value, text, download: null)
                : Results.NotFound());
        series.MapGet("/episodes/{eventId:guid}/calendar.ics", (Guid seriesId, Guid eventId, HttpContext context, ProjectionStore store, TimeProvider time, IOptions<PublicLinkOptions> links, IStringLocalizer<SharedResource> text) =>
            store.Series.Find(seriesId) is { } found && store.GetEvent(eventId) is { } episode && episode.Broadcast.SeriesId == seriesId
                ? Calendar(context, found, [episode], time, links.Value, text, download: $"episode-{episode.Broadcast.Number}.ics")
                : Results.NotFound());
    }

    /// <summary>The join link of an episode, on <c>Public:BaseUrl</c> when set (as on the projector's QR code).</summary>
    public static string JoinUrl(PublicLinkOptions links, HttpRequest request, LiveEvent episode) =>
        JoinQr.JoinUrl(links, $"{request.Scheme}://{request.Host}{request.PathBase}/", episode.JoinCode);

    private static IResult Calendar(HttpContext context, Series series, IEnumerable<LiveEvent> episodes, TimeProvider time, PublicLinkOptions links, IStringLocalizer text, string? download)
    {
        var body = EpisodeCalendar.Build(series, episodes, time.GetUtcNow(), e => JoinUrl(links, context.Request, e), text);
        if (download is not null)
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{download}\"";
        }

        return Results.Text(body, EpisodeCalendar.ContentType);
    }
}
