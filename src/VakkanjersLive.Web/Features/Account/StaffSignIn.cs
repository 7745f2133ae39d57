using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    Invalid,
    Throttled,
}

/// <summary>Checks moderator passwords and judge codes and issues the staff cookie.</summary>
public sealed class StaffSignIn(ProjectionStore store, IPasswordHasher<Moderator> hasher, SignInThrottle throttle, UnknownUserHash unknownUser)
{
    public async Task<(SignInOutcome Outcome, TimeSpan? RetryAfter)> ModeratorAsync(HttpContext context, string? userName, string? password)
    {
        var name = userName ?? string.Empty;
        if (throttle.RetryAfter(context.Connection.RemoteIpAddress, name) is { } wait)
        {
            return (SignInOutcome.Throttled, wait);
        }

        // One hash check whether the account exists or not (a fixed dummy hash otherwise), so the time does not tell.
        var account = store.Staff.FindByUserName(name);
        var verified = hasher.VerifyHashedPassword(account ?? unknownUser.Moderator, account?.PasswordHash ?? unknownUser.Hash, password ?? string.Empty);
        if (account is null || string.IsNullOrEmpty(password) || verified == PasswordVerificationResult.Failed)
        {
            throttle.RecordFailure(context.Connection.RemoteIpAddress, name);
            return (SignInOutcome.Invalid, null);
        }

        throttle.Succeeded(name);
        await SignInModeratorAsync(context, account);
        return (SignInOutcome.Succeeded, null);
    }

    public async Task SignInModeratorAsync(HttpContext context, Moderator account)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Name, account.DisplayName),
                new Claim(StaffClaims.SessionStamp, Stamp(account.SessionStamp)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaims(StaffRoles.Of(account.Role).Select(role => new Claim(ClaimTypes.Role, role)));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public async Task<(SignInOutcome Outcome, TimeSpan? RetryAfter)> JudgeAsync(HttpContext context, string? typedCode)
    {
        if (throttle.RetryAfter(context.Connection.RemoteIpAddress) is { } wait)
        {
            return (SignInOutcome.Throttled, wait);
        }

        var code = SignInCodes.Normalize(typedCode);

        // One hash for any well-formed code, known or not; the lookup is by hash (the journal has no codes).
        var match = SignInCodes.IsWellFormed(code) ? FindJudge(SignInCodes.Hash(code)) : null;
        if (match is not { } found)
        {
            throttle.RecordFailure(context.Connection.RemoteIpAddress);
            return (SignInOutcome.Invalid, null);
        }

        // No reset: a valid code says nothing about the other attempts from this address (a hall shares one).
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, found.Judge.Id.ToString()),
                new Claim(ClaimTypes.Name, found.Judge.Name),
                new Claim(ClaimTypes.Role, StaffRoles.Judge),
                new Claim(StaffClaims.EventId, found.Event.Id.ToString()),
                new Claim(StaffClaims.CategoryId, found.Judge.CategoryId.ToString()),
                new Claim(StaffClaims.CodeStamp, found.Judge.CodeHash!),
                new Claim(StaffClaims.SessionStamp, Stamp(found.Judge.SessionStamp)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return (SignInOutcome.Succeeded, null);
    }

    /// <summary>True while the principal's account (or judge code) still stands; checked on every request.</summary>
    public bool IsStillValid(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(StaffClaims.SessionStamp);
        if (principal.IsInRole(StaffRoles.Moderator))
        {
            return store.Staff.Find(id) is { } account && string.Equals(Stamp(account.SessionStamp), stamp, StringComparison.Ordinal);
        }

        return Guid.TryParse(principal.FindFirstValue(StaffClaims.EventId), out var eventId)
            && store.GetEvent(eventId)?.FindJudge(id) is { CodeHash: { } current } judge
            && string.Equals(current, principal.FindFirstValue(StaffClaims.CodeStamp), StringComparison.Ordinal)
            && string.Equals(Stamp(judge.SessionStamp), stamp, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ends every session of the signed-in user by a journal fact (so every node refuses the old cookies), then
    /// clears this browser's cookie.
    /// </summary>
    public async Task SignOutEverywhereAsync(HttpContext context, CommandExecutor commands)
    {
        var user = context.User;
        if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            var actor = StaffActor.Of(user);
            if (user.IsInRole(StaffRoles.Moderator))
            {
                await commands.ForStaffAsync(Guid.NewGuid(), actor, staff => staff.SignOut(id), context.RequestAborted);
            }
            else if (user.IsInRole(StaffRoles.Judge) && Guid.TryParse(user.FindFirstValue(StaffClaims.EventId), out var eventId))
            {
                await commands.ForEventAsync(eventId, Guid.NewGuid(), actor, e => e.SignOutJudge(id), context.RequestAborted);
            }
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static string Stamp(long position) => position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private (LiveEvent Event, Judge Judge)? FindJudge(string codeHash)
    {
        foreach (var liveEvent in store.Events)
        {
            if (liveEvent.Judges.Find(j => string.Equals(j.CodeHash, codeHash, StringComparison.Ordinal)) is { } judge)
            {
                return (liveEvent, judge);
            }
        }

        return null;
    }
}
