using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Broadcast;

/// <summary>
/// An episode's plan (theme, time, guests, life cycle, replay) is public, but not as feed items: the schedule, the
/// phone page and its waiting room render it from the projection at every page load, and the stream itself reaches
/// viewers as the show's <c>stream</c> item. The waiting room reloads the page when its countdown ends.
/// The run-of-show reaches viewers as <c>segment</c> items: the segment on now and its guests (never the producer's
/// notes or the planned minutes), when "next segment" is clicked and when a guest on it is removed or corrected.
/// </summary>
public static class BroadcastFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Never<EpisodePlanned>()
        .Never<EpisodeChanged>()
        .Never<EpisodeMoved>()
        .Never<GuestAdded>()
        .Item<GuestRemoved>((e, _, position) => e.CurrentSegment is not null ? SegmentItem(e, position) : null)
        .Never<EpisodeWentLive>()
        .Never<EpisodeEnded>()
        .Never<ReplayPublished>()
        .Never<SegmentPlanned>()
        .Never<SegmentChanged>()
        .Never<SegmentMoved>()
        .Never<SegmentRemoved>()
        .Item<SegmentAdvanced>((e, _, position) => SegmentItem(e, position));

    /// <summary>The segment on now as the public sees it (null: none on).</summary>
    public static PublicSegment? Segment(LiveEvent e) => e.CurrentSegment is { } segment
        ? new PublicSegment(
            segment.Id,
            segment.Name,
            e.Segments.IndexOf(segment) + 1,
            e.Segments.Count,
            [.. segment.GuestIds.Select(id => e.Broadcast.Guests.Find(g => g.Id == id)).OfType<Guest>().Select(Public)])
        : null;

    public static PublicGuest Public(Guest guest) => new(guest.Id, guest.Name, guest.Role, guest.Organisation);

    private static FeedItem SegmentItem(LiveEvent e, long position) => new(position, FeedItemTypes.Segment) { Segment = Segment(e) };
}
