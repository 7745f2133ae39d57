using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// The audience's identity, issued by the server: a random viewer id in a signed and encrypted cookie (Data
/// Protection, whose keys every node shares), HttpOnly and SameSite. The hub takes the viewer from this cookie and
/// never from a payload, so votes, bans, time-outs, slow mode and the limits bind to what the server issued. New
/// identities are limited per address (<see cref="AudienceLimits"/>). Clearing cookies costs a new identity under that
/// limit; it is the one thing a ban cannot stop (docs/hub.md, "Viewer identity").
/// </summary>
public sealed class ViewerIdentity(IDataProtectionProvider protection, AudienceLimits limits, VoteOrigins origins)
{
    public const string CookieName = "vkl.viewer";

    /// <summary>How long an identity lasts: a series of monthly broadcasts keeps the same viewer (and their bans).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector _protector = protection.CreateProtector("VakkanjersLive.ViewerIdentity.v1");

    /// <summary>The viewer id in the request's cookie, or null when it is missing, forged or from other keys.</summary>
    public Guid? Read(HttpContext? context) =>
        context?.Request.Cookies.TryGetValue(CookieName, out var value) == true ? Read(value) : null;

    public Guid? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 400)
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(Base64Url.DecodeFromChars(cookie));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Makes sure the response carries an identity: keeps a valid one, else issues a new one when the address's
    /// allowance has room. False when the visitor has none (the hub then answers <c>live.identity.missing</c>).
    /// </summary>
    public bool Ensure(HttpContext context)
    {
        if (Read(context) is not null)
        {
            return true;
        }

        if (!limits.TryIssueIdentity(context.Connection.RemoteIpAddress))
        {
            return false;
        }

        // The moderators' "suspicious" view counts new identities per address (under a salted hash, in memory).
        origins.IdentityIssued(context.Connection.RemoteIpAddress);
        var id = Guid.NewGuid();
        context.Response.Cookies.Append(CookieName, Base64Url.EncodeToString(_protector.Protect(id.ToByteArray())), AudienceCookie(context, Lifetime));
        return true;
    }

    /// <summary>How the audience's cookies are set (the identity, the class): HttpOnly, SameSite=Lax, Secure over HTTPS.</summary>
    internal static CookieOptions AudienceCookie(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Path = "/",
        MaxAge = lifetime,
    };
}
