namespace VakkanjersLive.Web.Features.Live;

/// <summary>
/// Audience, screen and overlay pages are static server-rendered with a small script on the public hub: no Blazor
/// circuit, no MudBlazor, so a cheap phone loads little and the server holds thousands of viewers.
/// </summary>
public static class PublicPages
{
    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/live") || path.StartsWithSegments("/screen") || path.StartsWithSegments("/overlay") || path.StartsWithSegments("/privacy");
}
