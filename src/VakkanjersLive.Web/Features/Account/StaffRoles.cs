namespace VakkanjersLive.Web.Features.Account;

public static class StaffRoles
{
    public const string Moderator = "Moderator";

    /// <summary>A moderator who may change settings (administrators); others are co-moderators who act on messages.</summary>
    public const string LeadModerator = "LeadModerator";
    public const string Judge = "Judge";
}

/// <summary>Claim types of our own; standard ones (name identifier, name, role) are used where they fit.</summary>
public static class StaffClaims
{
    public const string EventId = "vkl:event";
    public const string CategoryId = "vkl:category";

    /// <summary>The judge's code at sign-in; a re-issued code makes older cookies invalid.</summary>
    public const string CodeStamp = "vkl:code";

    /// <summary>
    /// The account's (or judge's) session stamp at sign-in: a journal position. A sign-out, a password change (or, for
    /// judges, a sign-out) moves it on, which ends every session issued before, on every node.
    /// </summary>
    public const string SessionStamp = "vkl:session";
}
