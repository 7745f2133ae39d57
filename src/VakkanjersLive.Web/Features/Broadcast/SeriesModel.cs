namespace VakkanjersLive.Web.Features.Broadcast;

/// <summary>The fields of a series while they are edited.</summary>
public sealed class SeriesModel
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Organiser { get; set; }
}
