namespace VakkanjersLive.Domain.Events;

public sealed record CategoryAdded(Guid CategoryId, string Name, string Description) : ILiveEventFact;

public sealed record CategoryChanged(Guid CategoryId, string Name, string Description) : ILiveEventFact;

public sealed record CategoryRemoved(Guid CategoryId) : ILiveEventFact;

public sealed record SchoolAdded(Guid SchoolId, string Name, string City) : ILiveEventFact;

public sealed record SchoolChanged(Guid SchoolId, string Name, string City) : ILiveEventFact;

public sealed record SchoolRemoved(Guid SchoolId) : ILiveEventFact;

public sealed record TeamRegistered(Guid TeamId, string Name, Guid SchoolId, Guid CategoryId, string ProjectTitle, IReadOnlyList<string> MemberFirstNames) : ILiveEventFact;

public sealed record TeamChanged(Guid TeamId, string Name, Guid SchoolId, Guid CategoryId, string ProjectTitle, IReadOnlyList<string> MemberFirstNames) : ILiveEventFact;

public sealed record TeamWithdrawn(Guid TeamId) : ILiveEventFact;

public sealed record CriterionAdded(Guid CriterionId, string Name, decimal Weight, int ScaleMin, int ScaleMax, string HelpText) : ILiveEventFact;

public sealed record CriterionChanged(Guid CriterionId, string Name, decimal Weight, int ScaleMin, int ScaleMax, string HelpText) : ILiveEventFact;

public sealed record CriterionRemoved(Guid CriterionId) : ILiveEventFact;

public sealed record JudgeAppointed(Guid JudgeId, string Name, Guid CategoryId, Guid? SchoolId, bool IsChair) : ILiveEventFact;

public sealed record JudgeChanged(Guid JudgeId, string Name, Guid CategoryId, Guid? SchoolId, bool IsChair) : ILiveEventFact;

public sealed record JudgeRemoved(Guid JudgeId) : ILiveEventFact;

/// <summary>
/// Sign-in codes in clear, as journals written before codes were hashed hold them; folded into hashes. New codes are
/// <see cref="JudgeCodeHashesIssued"/>.
/// </summary>
public sealed record JudgeCodesIssued(IReadOnlyList<JudgeCode> Codes) : ILiveEventFact;

/// <summary>A judge's sign-in code in clear: what the issuer makes and prints once; never stored.</summary>
public sealed record JudgeCode(Guid JudgeId, string Code);

/// <summary>
/// Sign-in codes issued (or re-issued, which invalidates the old ones) for the listed judges, stored only as
/// <see cref="SignInCodes.Hash"/>: the journal (and its backups) cannot sign anyone in.
/// </summary>
public sealed record JudgeCodeHashesIssued(IReadOnlyList<JudgeCodeHash> Codes) : ILiveEventFact;

public sealed record JudgeCodeHash(Guid JudgeId, string Hash);

/// <summary>The judge signed out: every session of the judge ends, on every node (the code stays valid for a new sign-in).</summary>
public sealed record JudgeSignedOut(Guid JudgeId) : ILiveEventFact;

/// <summary>
/// A CSV import of finalists, stored as one entry so it lands whole or not at all. <see cref="RunningOrders"/>: the
/// categories' new running orders when the CSV planned the programme (day, start, slot columns; null or empty: none).
/// </summary>
public sealed record FinalistsImported(IReadOnlyList<SchoolAdded> Schools, IReadOnlyList<TeamRegistered> Teams, IReadOnlyList<RunningOrderSet>? RunningOrders = null) : ILiveEventFact;

/// <summary>A CSV import of jury members, stored as one entry so it lands whole or not at all.</summary>
public sealed record JuryImported(IReadOnlyList<SchoolAdded> Schools, IReadOnlyList<JudgeAppointed> Judges) : ILiveEventFact;

public sealed record RoundAdded(Guid RoundId, string Name) : ILiveEventFact;

public sealed record RoundRenamed(Guid RoundId, string Name) : ILiveEventFact;

/// <summary>
/// The roster purge ran: pupils' first names and judge codes were blanked in this many journal entries (the teams,
/// their names and projects, and the judges stay; nobody can sign in with an old code).
/// </summary>
public sealed record RosterPurged(int EntryCount) : ILiveEventFact;
