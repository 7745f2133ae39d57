using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VakkanjersLive.Web.Features.Observability;

/// <summary>
/// <c>Metrics:*</c>: who may scrape <c>/metrics</c>. With a <see cref="Token"/> only a request with
/// <c>Authorization: Bearer {token}</c>; without one only loopback and the <see cref="AllowedNetworks"/>.
/// </summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const int MinTokenLength = 16;

    public string? Token { get; set; }

    /// <summary>Networks in CIDR notation (<c>10.0.0.0/8</c>) that may scrape without a token, besides loopback.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Token) && Token.Trim().Length < MinTokenLength)
        {
            yield return new ValidationResult($"Metrics:Token must be at least {MinTokenLength} characters.", [nameof(Token)]);
        }

        foreach (var network in AllowedNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Metrics:AllowedNetworks: '{network}' is not a network such as 10.0.0.0/8.", [nameof(AllowedNetworks)]);
        }
    }
}

/// <summary>The gate in front of <c>/metrics</c>: 401 without the right bearer token, 403 from an address not allowed.</summary>
public sealed class MetricsAccess(IOptions<MetricsOptions> options)
{
    private readonly byte[]? _tokenHash = string.IsNullOrEmpty(options.Value.Token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Token.Trim()));
    private readonly IPNetwork[] _networks = [.. options.Value.AllowedNetworks.Select(n => IPNetwork.Parse(n))];

    public int? Refusal(HttpContext context)
    {
        if (_tokenHash is not null)
        {
            var header = context.Request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : string.Empty;
            // Compared as hashes in constant time: neither the length nor a prefix of the token leaks.
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), _tokenHash) ? null : StatusCodes.Status401Unauthorized;
        }

        // The address after the forwarded-headers step (Proxy:TrustForwardedHeaders): behind nginx the real client.
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return StatusCodes.Status403Forbidden;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(address) || _networks.Any(n => n.Contains(address)) ? null : StatusCodes.Status403Forbidden;
    }
}
