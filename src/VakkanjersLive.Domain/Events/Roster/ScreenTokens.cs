namespace VakkanjersLive.Domain.Events;

/// <summary>
/// A moderator made a screen token (issue 11) for a venue screen or the stream overlay, named so the console can tell
/// screens apart; only its <see cref="SignInCodes.Hash"/> is kept. The screen page is opened with the token.
/// </summary>
public sealed record ScreenTokenIssued(Guid ScreenId, string Name, string Hash) : ILiveEventFact;

/// <summary>A screen token revoked: screens with it can no longer join (or rejoin) the hub.</summary>
public sealed record ScreenTokenRevoked(Guid ScreenId) : ILiveEventFact;

/// <summary>A venue screen or overlay allowed onto the hub; <see cref="Revoked"/> ones are kept for the console's list.</summary>
public sealed record ScreenAccess(Guid Id, string Name, string Hash, bool Revoked);

/// <summary>Screen tokens: 20 characters of the code alphabet (about 99 bits), shown once, kept as hashes.</summary>
public static class ScreenTokens
{
    public const int Length = 20;

    public static string Generate() => CodeAlphabet.Generate(Length);

    public static bool IsWellFormed(string? token) => CodeAlphabet.IsWellFormed(CodeAlphabet.Normalize(token), Length);
}

/// <summary>Screen tokens of an event (kept in the Roster part, with the event's other codes).</summary>
public sealed partial record LiveEvent
{
    public const int MaxScreenNameLength = 40;
    public const int MaxScreens = 50;

    public System.Collections.Immutable.ImmutableList<ScreenAccess> Screens => Roster.Screens;

    /// <summary>The screen whose token has this hash and is not revoked, if any.</summary>
    public ScreenAccess? ScreenWithTokenHash(string hash) => Screens.Find(s => !s.Revoked && string.Equals(s.Hash, hash, StringComparison.Ordinal));

    /// <summary>A new screen token named <paramref name="name"/> ("Zaalscherm links", "OBS"); the token comes from the caller, shown once.</summary>
    public ScreenTokenIssued IssueScreenToken(Guid screenId, string? name, string token)
    {
        EnsureExists();
        EnsureNewId(screenId, Screens.Exists(s => s.Id == screenId));
        var checkedName = Guard.Text(name, "screen.name", MaxScreenNameLength);
        if (Screens.Count(s => !s.Revoked) >= MaxScreens)
        {
            throw new DomainException("screen.too-many", MaxScreens);
        }

        return ScreenTokens.IsWellFormed(token) ? new ScreenTokenIssued(screenId, checkedName, SignInCodes.Hash(token)) : throw new DomainException("screen.token.invalid");
    }

    public ScreenTokenRevoked RevokeScreenToken(Guid screenId)
    {
        var screen = Screens.Find(s => s.Id == screenId) ?? throw new DomainException("screen.unknown");
        return screen.Revoked ? throw new DomainException("screen.revoked") : new ScreenTokenRevoked(screenId);
    }
}
