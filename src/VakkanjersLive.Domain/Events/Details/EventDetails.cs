namespace VakkanjersLive.Domain.Events;

/// <summary>The event itself: what it is called, when and where it is, and the code the audience joins with.</summary>
public sealed record EventDetails
{
    public static EventDetails Empty { get; } = new();

    public Guid Id { get; private init; }

    public EventKind Kind { get; private init; }

    public string Name { get; private init; } = string.Empty;

    public DateOnly Date { get; private init; }

    public string Venue { get; private init; } = string.Empty;

    public string Theme { get; private init; } = string.Empty;

    public string JoinCode { get; private init; } = string.Empty;

    /// <summary>An episode's planned date and theme (a cross-part rule: the Broadcast part plans and moves it).</summary>
    internal EventDetails Scheduled(DateOnly date, string theme) => this with { Date = date, Theme = theme };

    /// <summary>Creation and changes of name, date, venue and theme: set-up, not audited; nothing about viewers.</summary>
    internal static void Register(PartRegistration<EventDetails> part) => part
        .On<EventCreated>((d, e, _) => d with
        {
            Id = e.EventId,
            Kind = e.Kind,
            Name = e.Name,
            Date = e.Date,
            Venue = e.Venue,
            Theme = e.Theme,
            JoinCode = e.JoinCode,
        }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<EventDetailsChanged>((d, e, _) => d with { Name = e.Name, Date = e.Date, Venue = e.Venue, Theme = e.Theme }, FactPrivacy.NoPersonalData, FactAudit.NotAudited);
}
