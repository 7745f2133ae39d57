using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using VakkanjersLive.Domain.Staff;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>
/// A fixed hash of a random password, made once by the app's own hasher (same algorithm and iterations as real
/// accounts): checked against when a typed user name does not exist, so that answer costs as much as a wrong password.
/// </summary>
public sealed class UnknownUserHash(IPasswordHasher<Moderator> hasher)
{
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(Stand, Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));

    private static readonly Moderator Stand = new(Guid.Empty, string.Empty, string.Empty, string.Empty, ModeratorRole.CoModerator);

    public Moderator Moderator => Stand;

    public string Hash => _hash.Value;
}
