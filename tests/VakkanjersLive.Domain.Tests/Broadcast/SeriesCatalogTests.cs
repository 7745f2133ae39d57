using VakkanjersLive.Domain.Broadcast;

namespace VakkanjersLive.Domain.Tests.Broadcast;

public sealed class SeriesCatalogTests
{
    private static SeriesCatalog With(params (Guid Id, string Name)[] series)
    {
        var catalog = SeriesCatalog.Empty;
        foreach (var (id, name) in series)
        {
            catalog = catalog.Apply(catalog.Create(id, name, "", "Jet-Net & TechNet"), catalog.Version + 1);
        }

        return catalog;
    }

    [Fact]
    public void Create_KeepsNameDescriptionAndOrganiser_Trimmed()
    {
        var id = Guid.NewGuid();
        var fact = SeriesCatalog.Empty.Create(id, "  Sterk Techniekonderwijs LIVE ", "Maandelijkse uitzending over de regioplannen", " Jet-Net & TechNet ");
        var series = SeriesCatalog.Empty.Apply(fact, 1).Find(id)!;

        Assert.Equal("Sterk Techniekonderwijs LIVE", series.Name);
        Assert.Equal("Maandelijkse uitzending over de regioplannen", series.Description);
        Assert.Equal("Jet-Net & TechNet", series.Organiser);
    }

    [Fact]
    public void Create_WithoutNameOrOrganiser_IsRefused()
    {
        Rejected.With("series.name.required", () => SeriesCatalog.Empty.Create(Guid.NewGuid(), "  ", "", "Jet-Net"));
        Rejected.With("series.organiser.required", () => SeriesCatalog.Empty.Create(Guid.NewGuid(), "LIVE", "", ""));
    }

    [Fact]
    public void Create_WithANameInUse_AnyCase_IsRefused()
    {
        var catalog = With((Guid.NewGuid(), "Sterk Techniekonderwijs LIVE"));

        Rejected.With("series.name.taken", () => catalog.Create(Guid.NewGuid(), "sterk techniekonderwijs live", "", "Jet-Net"));
    }

    [Fact]
    public void Change_RenamesTheSeries_AndKeepsItsOwnNameFree()
    {
        var id = Guid.NewGuid();
        var catalog = With((id, "Sterk Techniekonderwijs LIVE"));

        var changed = catalog.Apply(catalog.Change(id, "Sterk Techniekonderwijs LIVE", "Nieuw seizoen", "TechNet"), 2);

        Assert.Equal("Nieuw seizoen", changed.Find(id)!.Description);
        Assert.Equal("TechNet", changed.Find(id)!.Organiser);
        Rejected.With("series.unknown", () => catalog.Change(Guid.NewGuid(), "Ander", "", "TechNet"));
    }
}
