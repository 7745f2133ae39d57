namespace VakkanjersLive.Web;

/// <summary>Anchor type for the UI strings in Resources/SharedResource(.en).resx (the neutral file is Dutch).</summary>
public sealed class SharedResource;
