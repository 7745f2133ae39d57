using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace VakkanjersLive.Web.Features.Security;

/// <summary>
/// Behind a reverse proxy ("Proxy" section): <see cref="TrustForwardedHeaders"/> takes the client's address and scheme
/// from <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>, but only on connections from <see cref="KnownProxies"/> (IP
/// addresses) or <see cref="KnownNetworks"/> (CIDR). With neither configured only loopback is a proxy (the framework's
/// default: nginx on the same host); configured lists replace that default.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public bool TrustForwardedHeaders { get; set; }

    public List<string> KnownProxies { get; set; } = [];

    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 172.29.80.0/24).", [nameof(KnownNetworks)]);
        }
    }
}

public static class ProxySetup
{
    public static void AddProxyForwarding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration("Proxy").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var known = proxy.Value;
            if (known.KnownProxies.Count == 0 && known.KnownNetworks.Count == 0)
            {
                // The framework's default: loopback only (127.0.0.0/8 and ::1). Never cleared: an empty list trusts anyone.
                return;
            }

            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var address in known.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in known.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>Before anything reads the client's address or scheme (sign-in throttling, metrics access, join links).</summary>
    public static void UseProxyForwarding(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }
    }
}
