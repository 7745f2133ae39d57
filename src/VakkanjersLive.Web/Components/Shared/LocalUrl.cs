namespace VakkanjersLive.Web.Components.Shared;

/// <summary>Redirect targets taken from a query string must stay on this site (no open redirects).</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
