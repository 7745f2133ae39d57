namespace VakkanjersLive.Web.Features.Demo;

/// <summary>The seeded demo ("Demo" section). Seeding runs only on an empty journal.</summary>
public sealed class DemoOptions
{
    /// <summary>Seed a Vakkanjers finale and a LIVE episode when the journal holds no events. Default on.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Where the generated demo moderator password is kept (relative to the content root).</summary>
    public string CredentialsFile { get; set; } = Path.Combine("data", "demo-credentials.txt");
}
