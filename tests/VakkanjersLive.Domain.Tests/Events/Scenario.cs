using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>Builds live event state the way production does: decide, then apply the returned fact.</summary>
internal static class Scenario
{
    public static readonly DateOnly FinaleDate = new(2026, 6, 1);

    public static EventCreated CreateFinale(Guid eventId, string joinCode = "ABC234") =>
        LiveEvent.Empty.Create(eventId, EventKind.VakkanjersFinale, "Finale", FinaleDate, "Eindhoven", "", joinCode);

    public static LiveEvent NewEvent(Guid? eventId = null) =>
        LiveEvent.Empty.Apply(LiveEvent.Empty.Create(eventId ?? Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", FinaleDate, "Eindhoven", "", JoinCodes.Generate()), 1);

    /// <summary>Applies <paramref name="fact"/> at the next stream position.</summary>
    public static LiveEvent Then(this LiveEvent state, ILiveEventFact fact) => state.Apply(fact, state.Version + 1);
}
