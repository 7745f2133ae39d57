using System.Text.Json;
using System.Text.Json.Serialization;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Staff;

namespace VakkanjersLive.Domain.Journal;

/// <summary>
/// Turns facts into journal payloads and back. The type name is the fact's class name, so renaming a fact class
/// is a breaking change to stored journals (add a new fact instead).
/// </summary>
public static class FactSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Dictionary<string, Type> TypesByName = typeof(FactSerializer).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(ILiveEventFact).IsAssignableFrom(t) || typeof(IStaffFact).IsAssignableFrom(t) || typeof(ISeriesFact).IsAssignableFrom(t)))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static JournalAppend ToAppend(object fact, Guid commandId, string? actor)
    {
        var type = fact.GetType();
        if (!TypesByName.TryGetValue(type.Name, out var known) || known != type)
        {
            throw new ArgumentException($"{type.Name} is not a journal fact.", nameof(fact));
        }

        return new JournalAppend(commandId, type.Name, JsonSerializer.Serialize(fact, type, Options), actor);
    }

    public static object Deserialize(JournalEntry entry)
    {
        if (!TypesByName.TryGetValue(entry.Type, out var type))
        {
            throw new InvalidOperationException($"Unknown fact type '{entry.Type}' at {entry.StreamId}#{entry.Position}.");
        }

        return JsonSerializer.Deserialize(entry.Payload, type, Options)
            ?? throw new InvalidOperationException($"Empty payload at {entry.StreamId}#{entry.Position}.");
    }
}
