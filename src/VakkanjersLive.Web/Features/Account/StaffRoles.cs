namespace VakkanjersLive.Web.Features.Account;

public static class StaffRoles
{
    /// <summary>Every moderator account (co-moderators, lead moderators and administrators).</summary>
    public const string Moderator = "Moderator";

    /// <summary>A moderator who runs events (lead moderators and administrators); co-moderators act on the audience only.</summary>
    public const string LeadModerator = "LeadModerator";

    /// <summary>A lead moderator who also manages staff accounts.</summary>
    public const string Admin = "Admin";

    /// <summary>The roles a moderator account's cookie carries: each level includes the ones below.</summary>
    public static IEnumerable<string> Of(Domain.Staff.ModeratorRole role)
    {
        yield return Moderator;
        if (role >= Domain.Staff.ModeratorRole.LeadModerator)
        {
            yield return LeadModerator;
        }

        if (role == Domain.Staff.ModeratorRole.Admin)
        {
            yield return Admin;
        }
    }
    public const string Judge = "Judge";
}

/// <summary>Claim types of our own; standard ones (name identifier, name, role) are used where they fit.</summary>
public static class StaffClaims
{
    public const string EventId = "vkl:event";
    public const string CategoryId = "vkl:category";

    /// <summary>The hash of the judge's code at sign-in; a re-issued code makes older cookies invalid.</summary>
    public const string CodeStamp = "vkl:code";

    /// <summary>
    /// The account's (or judge's) session stamp at sign-in: a journal position. A sign-out, a password change (or, for
    /// judges, a sign-out) moves it on, which ends every session issued before, on every node.
    /// </summary>
    public const string SessionStamp = "vkl:session";
}
