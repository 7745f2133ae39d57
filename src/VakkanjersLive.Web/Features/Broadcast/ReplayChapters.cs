using System.Globalization;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Features.Broadcast;

/// <summary>A chapter of an episode's replay: a segment and where it starts, counted from the first segment's start.</summary>
public sealed record ReplayChapter(string Name, TimeSpan Offset, string? Url)
{
    /// <summary>"0:00", "12:05", "1:02:30", as video services print chapter marks.</summary>
    public string Stamp => Offset.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)Offset.TotalHours}:{Offset.Minutes:00}:{Offset.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)Offset.TotalMinutes}:{Offset.Seconds:00}");

    /// <summary>The offset as an ISO 8601 duration (a <c>time</c> element's <c>datetime</c>).</summary>
    public string Iso => System.Xml.XmlConvert.ToString(Offset);
}

/// <summary>
/// The replay's chapters from the run-of-show: every segment that ran, at its start's offset from the first segment's
/// start. A chapter links into the replay where the service takes a start time (YouTube <c>t=</c>, Vimeo <c>#t=</c>);
/// for any other replay link it is a time to read only.
/// </summary>
public static class ReplayChapters
{
    public static IReadOnlyList<ReplayChapter> Of(LiveEvent e)
    {
        var ran = e.Segments.Where(s => s.StartedAt is not null).OrderBy(s => s.StartedAt).ToList();
        if (ran.Count == 0)
        {
            return [];
        }

        var first = ran[0].StartedAt!.Value;
        return [.. ran.Select(s => new ReplayChapter(s.Name, s.StartedAt!.Value - first, At(e.Broadcast.ReplayUrl, s.StartedAt.Value - first)))];
    }

    /// <summary>The replay link that starts at <paramref name="offset"/>, or null where the service has no such parameter.</summary>
    public static string? At(string replayUrl, TimeSpan offset)
    {
        if (!Uri.TryCreate(replayUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var seconds = ((long)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var host = uri.Host.ToLowerInvariant();
        if (host is "youtu.be" || host == "youtube.com" || host.EndsWith(".youtube.com", StringComparison.Ordinal))
        {
            // Any earlier t= is replaced, the rest of the query (the video id) kept.
            var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("t=", StringComparison.Ordinal)).Append($"t={seconds}s"));
            return new UriBuilder(uri) { Query = query, Fragment = string.Empty }.Uri.AbsoluteUri;
        }

        if (host == "vimeo.com" || host.EndsWith(".vimeo.com", StringComparison.Ordinal))
        {
            return new UriBuilder(uri) { Fragment = $"t={seconds}s" }.Uri.AbsoluteUri;
        }

        return null;
    }
}
