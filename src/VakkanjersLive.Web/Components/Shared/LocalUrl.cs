namespace VakkanjersLive.Web.Components.Shared;

/// <summary>Redirect targets taken from a query string must stay on this site (no open redirects).</summary>
public static class LocalUrl
{
    /// <summary>A path on this site: one leading slash, no scheme-relative <c>//</c> or <c>/\</c>, no control characters
    /// (browsers drop tabs and line breaks, so <c>/&#9;/evil</c> would leave the site).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
