using System.ComponentModel.DataAnnotations;

namespace VakkanjersLive.Web.Features.Security;

/// <summary>
/// <c>Security:*</c>: the hosts the pages may embed or be embedded by. Every list is added to the built-in
/// defaults; each entry is one CSP source (an origin such as <c>https://cdn.example</c>), checked at start-up.
/// </summary>
public sealed class SecurityOptions : IValidatableObject
{
    /// <summary>Stream players the audience page may frame, besides YouTube (no-cookie) and Vimeo.</summary>
    public List<string> FrameSources { get; set; } = [];

    /// <summary>Hosts a plain video (an HLS or MP4 stream URL) may come from, besides the app itself.</summary>
    public List<string> MediaSources { get; set; } = [];

    /// <summary>Sites that may frame the stream overlay (a vMix or web mixer page); OBS loads it top-level and needs none.</summary>
    public List<string> OverlayFrameAncestors { get; set; } = [];

    /// <summary>HSTS max-age, sent only over HTTPS (and never for localhost).</summary>
    [Range(0, 2 * 365)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>The stream players the page always allows: what <c>js/live/stream.js</c> embeds.</summary>
    public static readonly string[] BuiltInFrameSources = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        new[] { (nameof(FrameSources), FrameSources), (nameof(MediaSources), MediaSources), (nameof(OverlayFrameAncestors), OverlayFrameAncestors) }
            .SelectMany(list => list.Item2.Where(s => !IsOrigin(s)).Select(s => new ValidationResult($"Security:{list.Item1}: '{s}' is not an http(s) origin such as https://cdn.example.", [list.Item1])));

    /// <summary>An http(s) origin, optionally with a leading <c>*.</c> on the host: nothing that could add a CSP directive.</summary>
    public static bool IsOrigin(string source)
    {
        var host = source.Replace("://*.", "://wildcard.", StringComparison.Ordinal);
        return Uri.TryCreate(host, UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http"
            && string.IsNullOrEmpty(uri.UserInfo)
            && uri.PathAndQuery == "/" && string.IsNullOrEmpty(uri.Fragment)
            && !source.EndsWith('/')
            && source.All(c => c > ' ' && c < 127 && c is not ';' and not ',' and not '\'' and not '"');
    }
}
