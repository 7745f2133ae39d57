using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Broadcast;

/// <summary>Marker for facts in the series stream (broadcast series such as Sterk Techniekonderwijs LIVE).</summary>
public interface ISeriesFact;

public sealed record SeriesCreated(Guid SeriesId, string Name, string Description, string Organiser) : ISeriesFact;

public sealed record SeriesChanged(Guid SeriesId, string Name, string Description, string Organiser) : ISeriesFact;

/// <summary>A broadcast series. Its episodes are live events (the Broadcast part of <c>LiveEvent</c> names the series).</summary>
public sealed record Series(Guid Id, string Name, string Description, string Organiser);

/// <summary>
/// Every broadcast series, folded from the one <c>series</c> stream (like <c>StaffDirectory</c> from the staff stream).
/// Immutable: <see cref="Apply"/> returns a new catalog.
/// </summary>
public sealed record SeriesCatalog
{
    public const int MaxName = 120;
    public const int MaxDescription = 1000;
    public const int MaxOrganiser = 120;

    private SeriesCatalog()
    {
    }

    public static SeriesCatalog Empty { get; } = new();

    public long Version { get; private init; }

    public ImmutableList<Series> All { get; private init; } = [];

    public Series? Find(Guid id) => All.Find(s => s.Id == id);

    public SeriesCreated Create(Guid seriesId, string? name, string? description, string? organiser)
    {
        if (seriesId == Guid.Empty || Find(seriesId) is not null)
        {
            throw new DomainException("id.invalid");
        }

        var (checkedName, checkedDescription, checkedOrganiser) = Check(seriesId, name, description, organiser);
        return new SeriesCreated(seriesId, checkedName, checkedDescription, checkedOrganiser);
    }

    public SeriesChanged Change(Guid seriesId, string? name, string? description, string? organiser)
    {
        _ = Find(seriesId) ?? throw new DomainException("series.unknown");
        var (checkedName, checkedDescription, checkedOrganiser) = Check(seriesId, name, description, organiser);
        return new SeriesChanged(seriesId, checkedName, checkedDescription, checkedOrganiser);
    }

    private (string Name, string Description, string Organiser) Check(Guid seriesId, string? name, string? description, string? organiser)
    {
        var checkedName = Guard.Text(name, "series.name", MaxName);
        if (All.Any(s => s.Id != seriesId && string.Equals(s.Name, checkedName, StringComparison.InvariantCultureIgnoreCase)))
        {
            throw new DomainException("series.name.taken", checkedName);
        }

        return (checkedName, Guard.Text(description, "series.description", MaxDescription, required: false), Guard.Text(organiser, "series.organiser", MaxOrganiser));
    }

    public SeriesCatalog Apply(ISeriesFact fact, long position) => (fact switch
    {
        SeriesCreated e => this with { All = All.Add(new Series(e.SeriesId, e.Name, e.Description, e.Organiser)) },
        SeriesChanged e => this with
        {
            All = All.Select(s => s.Id == e.SeriesId ? s with { Name = e.Name, Description = e.Description, Organiser = e.Organiser } : s).ToImmutableList(),
        },
        _ => throw new InvalidOperationException($"Unhandled fact {fact.GetType().Name}."),
    }) with
    { Version = position };
}
