using Microsoft.AspNetCore.Components;

namespace VakkanjersLive.Web.Features.Live;

/// <summary>
/// Audience, screen and overlay pages are static server-rendered with a small script on the public hub: no Blazor
/// circuit, no MudBlazor, so a cheap phone loads little and the server holds thousands of viewers.
/// </summary>
public static class PublicPages
{
    /// <summary>The browser modules of the public pages (<c>wwwroot/js/live</c>).</summary>
    public const string ModulePrefix = "js/live/";

    private static CachedImportMap? _importMap;

    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/live") || path.StartsWithSegments("/screen") || path.StartsWithSegments("/overlay") || path.StartsWithSegments("/privacy")
        || path.StartsWithSegments("/series");

    /// <summary>
    /// The import map of the public pages: only their own modules (relative imports between them resolve to the
    /// fingerprinted files), not the staff side's scripts. Built once per asset collection (it is costly to build).
    /// </summary>
    public static ImportMapDefinition ImportMap(ResourceAssetCollection assets)
    {
        if (_importMap is { } cached && ReferenceEquals(cached.Assets, assets))
        {
            return cached.Map;
        }

        var modules = assets
            .Where(a => a.Properties?.Any(p => p.Name == "label" && p.Value.StartsWith(ModulePrefix, StringComparison.Ordinal)) == true)
            .ToList();
        var map = ImportMapDefinition.FromResourceCollection(new ResourceAssetCollection(modules));
        _importMap = new CachedImportMap(assets, map);
        return map;
    }

    private sealed record CachedImportMap(ResourceAssetCollection Assets, ImportMapDefinition Map);
}
