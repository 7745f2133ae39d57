namespace VakkanjersLive.Domain.Events;

/// <summary>Marker for everything that can happen in a live event's journal stream.</summary>
public interface ILiveEventFact;

public enum EventKind
{
    /// <summary>The Vakkanjers finale: teams, categories, jury.</summary>
    VakkanjersFinale,

    /// <summary>A monthly Sterk Techniekonderwijs LIVE broadcast.</summary>
    TechniekLive,
}

public sealed record EventCreated(Guid EventId, EventKind Kind, string Name, DateOnly Date, string Venue, string Theme, string JoinCode) : ILiveEventFact;

public sealed record EventDetailsChanged(string Name, DateOnly Date, string Venue, string Theme) : ILiveEventFact;
