using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Broadcast;

/// <summary>
/// An episode's plan (theme, time, guests, life cycle, replay) is public, but not as feed items: the schedule, the
/// phone page and its waiting room render it from the projection at every page load, and the stream itself reaches
/// viewers as the show's <c>stream</c> item. The waiting room reloads the page when its countdown ends.
/// </summary>
public static class BroadcastFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Never<EpisodePlanned>()
        .Never<EpisodeChanged>()
        .Never<EpisodeMoved>()
        .Never<GuestAdded>()
        .Never<GuestRemoved>()
        .Never<EpisodeWentLive>()
        .Never<EpisodeEnded>()
        .Never<ReplayPublished>();
}
