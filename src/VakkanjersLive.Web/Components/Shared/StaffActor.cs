using System.Security.Claims;

namespace VakkanjersLive.Web.Components.Shared;

/// <summary>How a staff member is named in the journal's actor field: "moderator:{id}" or "judge:{id}".</summary>
public static class StaffActor
{
    public static string Of(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        return user.IsInRole(Features.Account.StaffRoles.Judge) ? $"judge:{id}" : $"moderator:{id}";
    }
}
