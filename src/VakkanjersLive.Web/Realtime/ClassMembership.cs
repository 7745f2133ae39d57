using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// The class a viewer joined with (issue 11, the per-class publieksprijs): a pupil who opens <c>/live?class=…</c>
/// with their class code gets <c>vkl.class</c>, the event and class ids encrypted and signed with Data Protection (the
/// keys every node shares), HttpOnly and SameSite like the viewer identity. The hub reads it at <c>Join</c> and votes
/// in per-class polls as that class; the cookie holds no code, so a re-issued code does not move pupils who joined.
/// </summary>
public sealed class ClassMembership(IDataProtectionProvider protection, ProjectionStore store)
{
    public const string CookieName = "vkl.class";

    /// <summary>A school year's events: a class code is for a day, the cookie may outlive it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly IDataProtector _protector = protection.CreateProtector("VakkanjersLive.ClassMembership.v1");

    /// <summary>
    /// The event and class of a class code, or null. Every look-up costs one hash, so an unknown and a known code take
    /// the same time (the caller has already charged the address for the attempt).
    /// </summary>
    public (LiveEvent Event, SchoolClass Class)? Find(string? code) => FindByHash(code, (e, hash) => e.ClassWithCodeHash(hash));

    /// <summary>A new class code, unique across every event (a pupil joins with the code alone).</summary>
    public string NewCode()
    {
        string code;
        do
        {
            code = SignInCodes.Generate();
        }
        while (Find(code) is not null);
        return code;
    }

    /// <summary>The event and school of a teacher link's token, or null; one hash per look-up, known or not.</summary>
    public (LiveEvent Event, School School)? FindTeacher(string? token) => FindByHash(token, (e, hash) => e.SchoolOfTeacherLink(hash));

    /// <summary>The first event where <paramref name="find"/> knows the secret's hash (hashed once, known or not).</summary>
    private (LiveEvent Event, T Found)? FindByHash<T>(string? secret, Func<LiveEvent, string, T?> find)
        where T : class
    {
        var hash = SignInCodes.Hash(secret ?? string.Empty);
        foreach (var liveEvent in store.Events)
        {
            if (find(liveEvent, hash) is { } found)
            {
                return (liveEvent, found);
            }
        }

        return null;
    }

    /// <summary>The class of the request's cookie in <paramref name="eventId"/>, or null (none, forged, another event, removed).</summary>
    public SchoolClass? Read(HttpContext? context, Guid eventId)
    {
        if (context?.Request.Cookies.TryGetValue(CookieName, out var value) != true || string.IsNullOrEmpty(value) || value.Length > 400)
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(Base64Url.DecodeFromChars(value));
            return bytes.Length == 32 && new Guid(bytes.AsSpan(0, 16)) == eventId ? store.GetEvent(eventId)?.FindClass(new Guid(bytes.AsSpan(16, 16))) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Puts the viewer in <paramref name="schoolClass"/> of <paramref name="eventId"/> (replacing another class).</summary>
    public void Issue(HttpContext context, Guid eventId, SchoolClass schoolClass)
    {
        var payload = new byte[32];
        eventId.TryWriteBytes(payload.AsSpan(0, 16));
        schoolClass.Id.TryWriteBytes(payload.AsSpan(16, 16));
        context.Response.Cookies.Append(CookieName, Base64Url.EncodeToString(_protector.Protect(payload)), ViewerIdentity.AudienceCookie(context, Lifetime));
    }
}
