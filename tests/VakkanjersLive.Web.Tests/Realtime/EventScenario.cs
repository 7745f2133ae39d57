using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>Builds an event state from facts, without a journal, for tests of what the feed makes of them.</summary>
internal static class EventScenario
{
    public static LiveEvent Created() =>
        LiveEvent.Empty.Then(new EventCreated(Guid.NewGuid(), EventKind.TechniekLive, "Techniek LIVE", new DateOnly(2026, 3, 12), string.Empty, string.Empty, "ABC234"));

    public static LiveEvent Then(this LiveEvent state, ILiveEventFact fact) => state.Apply(fact, state.Version + 1);
}
