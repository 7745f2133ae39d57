using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>
/// A projection moved on: which stream, and the union of the parts of the facts applied. The staff stream has no
/// parts (<see cref="EventParts.None"/>); tell it apart with <see cref="IsStaff"/>.
/// </summary>
public sealed record StreamChange(string StreamId, EventParts Parts)
{
    /// <summary>Whether the moderator accounts changed.</summary>
    public bool IsStaff => StreamId == JournalStreams.Staff;

    /// <summary>Whether a broadcast series changed.</summary>
    public bool IsSeries => StreamId == JournalStreams.Series;

    /// <summary>Whether an event's stream changed in at least one of <paramref name="parts"/>.</summary>
    public bool Touches(EventParts parts) => (Parts & parts) != EventParts.None;

    /// <summary>Whether this is the event's stream and it changed in at least one of <paramref name="parts"/>.</summary>
    public bool Touches(Guid eventId, EventParts parts) =>
        Touches(parts) && StreamId == JournalStreams.ForEvent(eventId);
}
