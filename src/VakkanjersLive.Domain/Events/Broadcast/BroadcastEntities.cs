namespace VakkanjersLive.Domain.Events;

/// <summary>An episode's life cycle: planned → live → ended → replay available, one step at a time.</summary>
public enum EpisodeState
{
    Planned,
    Live,
    Ended,
    ReplayAvailable,
}

public sealed record Guest(Guid Id, string Name, string Role, string Organisation);
