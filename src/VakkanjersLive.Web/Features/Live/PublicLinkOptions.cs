using System.ComponentModel.DataAnnotations;

namespace VakkanjersLive.Web.Features.Live;

/// <summary>
/// <c>Public:BaseUrl</c>: the address the audience uses (<c>https://live.example.nl</c>). When set, the join link and
/// its QR code are built on it and never on the request's Host header; when not set they follow the request, which
/// <c>AllowedHosts</c> then has to keep honest.
/// </summary>
public sealed class PublicLinkOptions : IValidatableObject
{
    public string? BaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) && !IsBaseUrl(BaseUrl))
        {
            yield return new ValidationResult($"Public:BaseUrl: '{BaseUrl}' is not an absolute http(s) address without query or fragment, such as https://live.example.nl.", [nameof(BaseUrl)]);
        }
    }

    private static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
