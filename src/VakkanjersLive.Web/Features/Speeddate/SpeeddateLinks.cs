using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Features.Live;

namespace VakkanjersLive.Web.Features.Speeddate;

/// <summary>
/// The speeddate's links: a company's page (<c>/speeddate/{token}</c>, the token shown once, kept as its hash) and a
/// class's page behind its school's teacher link (<c>/teacher/{token}/speeddate/{classId}</c>).
/// </summary>
public static class SpeeddateLinks
{
    public static string CompanyUrl(PublicLinkOptions options, string requestBaseUri, string token) =>
        $"{Base(options, requestBaseUri)}/speeddate/{token}";

    public static string ClassPath(string teacherToken, Guid classId) => $"/teacher/{teacherToken}/speeddate/{classId}";

    /// <summary>The event and company of a company link's token, or null; one hash per look-up, known or not.</summary>
    public static (LiveEvent Event, SpeeddateCompany Company)? FindCompany(ProjectionStore store, string? token)
    {
        ArgumentNullException.ThrowIfNull(store);
        var hash = SignInCodes.Hash(token ?? string.Empty);
        foreach (var liveEvent in store.Events)
        {
            if (liveEvent.CompanyWithLinkHash(hash) is { } company)
            {
                return (liveEvent, company);
            }
        }

        return null;
    }

    /// <summary>"3:20": a countdown in minutes and seconds.</summary>
    public static string Countdown(TimeSpan remaining)
    {
        var seconds = (int)Math.Ceiling(Math.Max(0, remaining.TotalSeconds));
        return $"{seconds / 60}:{seconds % 60:00}";
    }

    private static string Base(PublicLinkOptions options, string requestBaseUri) =>
        (string.IsNullOrWhiteSpace(options.BaseUrl) ? requestBaseUri : options.BaseUrl).TrimEnd('/');
}
