using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Features.Events;

/// <summary>Form state for an event's details; the domain does the validation.</summary>
public sealed class EventDetailsModel
{
    public string? Name { get; set; }

    public EventKind Kind { get; set; } = EventKind.VakkanjersFinale;

    public DateTime? Date { get; set; }

    public string? Venue { get; set; }

    public string? Theme { get; set; }

    public DateOnly DateOnly => Date is { } d ? DateOnly.FromDateTime(d) : default;

    public static EventDetailsModel ForNew() => new() { Date = DateTime.Today };

    public static EventDetailsModel From(LiveEvent e) => new()
    {
        Name = e.Name,
        Kind = e.Kind,
        Date = e.Date.ToDateTime(TimeOnly.MinValue),
        Venue = e.Venue,
        Theme = e.Theme,
    };
}
