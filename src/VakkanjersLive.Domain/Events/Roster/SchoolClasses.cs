namespace VakkanjersLive.Domain.Events;

/// <summary>
/// A school's teacher link issued (or issued anew, which ends the old one), stored only as <see cref="SignInCodes.Hash"/>
/// of its token: with the link a teacher makes class codes for the school's classes, without a staff account.
/// </summary>
public sealed record TeacherLinkIssued(Guid SchoolId, string Hash) : ILiveEventFact;

/// <summary>
/// A class of a school (made through the teacher link), with its class code's hash: pupils who join with the code vote
/// as that class in a per-class poll. <see cref="Pupils"/> (optional) caps the class's votes per poll.
/// </summary>
public sealed record ClassAdded(Guid ClassId, Guid SchoolId, string Name, int? Pupils, string CodeHash) : ILiveEventFact;

/// <summary>A new code for a class (a lost slip, a code shared outside the class): the old code stops working.</summary>
public sealed record ClassCodeIssued(Guid ClassId, string CodeHash) : ILiveEventFact;

/// <summary>
/// A class ("2B") of a school in the event. <see cref="CodeHash"/> is its class code's <see cref="SignInCodes.Hash"/>
/// (null: purged). Pupils who joined with the code keep their class when the code is re-issued.
/// </summary>
public sealed record SchoolClass(Guid Id, Guid SchoolId, string Name, int? Pupils, string? CodeHash);

/// <summary>
/// Teacher links: a token of 20 characters from the code alphabet (about 99 bits) in the link's path, shown once and
/// kept only as its hash, like judge codes.
/// </summary>
public static class TeacherLinks
{
    public const int Length = 20;

    public static string Generate() => CodeAlphabet.Generate(Length);

    public static bool IsWellFormed(string? token) => CodeAlphabet.IsWellFormed(CodeAlphabet.Normalize(token), Length);
}
