namespace VakkanjersLive.Domain.Events;

public sealed record Category(Guid Id, string Name, string Description);

public sealed record School(Guid Id, string Name, string City);

/// <summary>A finalist team. Members are pupils, so only first names are kept.</summary>
public sealed record Team(Guid Id, string Name, Guid SchoolId, Guid CategoryId, string ProjectTitle, IReadOnlyList<string> MemberFirstNames);

/// <summary>One rubric line: a weighted criterion scored on an integer scale.</summary>
public sealed record Criterion(Guid Id, string Name, decimal Weight, int ScaleMin, int ScaleMax, string HelpText);

/// <summary>
/// A jury member on the panel of one category; <see cref="SchoolId"/> links them to a school (conflict of interest).
/// <see cref="CodeHash"/> is their sign-in code's <see cref="SignInCodes.Hash"/> (null: no code yet, or purged).
/// </summary>
public sealed record Judge(Guid Id, string Name, Guid CategoryId, Guid? SchoolId, bool IsChair, string? CodeHash)
{
    public bool HasCode => CodeHash is not null;

    /// <summary>The event-stream position of the judge's last sign-out (0: none); a cookie with another stamp is refused.</summary>
    public long SessionStamp { get; init; }
}

public sealed record Round(Guid Id, string Name);
