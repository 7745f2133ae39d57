using System.Collections.Concurrent;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// What one connected venue screen or overlay says it shows (<see cref="LiveHub.ShowingScene"/>): its screen token
/// (<see cref="ScreenId"/>), the display, the scene and its category, since when.
/// </summary>
public sealed record ShownScene(Guid EventId, Guid? ScreenId, string Display, string Scene, Guid? CategoryId, DateTimeOffset Since);

/// <summary>
/// The scene each connected screen shows now, per connection, in memory on this node (never journaled: it is
/// presence, gone with the connection). The live console lists it next to the producer's choice; with several nodes
/// it lists the screens connected to its own node (docs/hub.md, "Scenes").
/// </summary>
public sealed class ScreenPresence
{
    private readonly ConcurrentDictionary<string, ShownScene> _shown = new(StringComparer.Ordinal);

    /// <summary>Raised with the event's id when one of its screens shows another scene, or disconnects.</summary>
    public event Action<Guid>? Changed;

    public void Report(string connectionId, ShownScene scene)
    {
        _shown[connectionId] = scene;
        Changed?.Invoke(scene.EventId);
    }

    public void Forget(string connectionId)
    {
        if (_shown.TryRemove(connectionId, out var gone))
        {
            Changed?.Invoke(gone.EventId);
        }
    }

    /// <summary>The event's connected screens and what they show, longest shown first.</summary>
    public IReadOnlyList<ShownScene> Of(Guid eventId) => [.. _shown.Values.Where(s => s.EventId == eventId).OrderBy(s => s.Since)];
}
