namespace VakkanjersLive.Domain.Events;

public sealed record Category(Guid Id, string Name, string Description);

public sealed record School(Guid Id, string Name, string City);

/// <summary>A finalist team. Members are pupils, so only first names are kept.</summary>
public sealed record Team(Guid Id, string Name, Guid SchoolId, Guid CategoryId, string ProjectTitle, IReadOnlyList<string> MemberFirstNames);

/// <summary>One rubric line: a weighted criterion scored on an integer scale.</summary>
public sealed record Criterion(Guid Id, string Name, decimal Weight, int ScaleMin, int ScaleMax, string HelpText);

/// <summary>A jury member on the panel of one category; <see cref="SchoolId"/> links them to a school (conflict of interest).</summary>
public sealed record Judge(Guid Id, string Name, Guid CategoryId, Guid? SchoolId, bool IsChair, string? Code);

public sealed record Round(Guid Id, string Name);

/// <summary>A judge's current scorecard for a team in a round; <see cref="Revision"/> counts corrections (1 = first).</summary>
public sealed record Scorecard(Guid RoundId, Guid JudgeId, Guid TeamId, IReadOnlyList<CriterionScore> Scores, string Comment, bool Late, int Revision);

public sealed record DeclaredConflict(Guid JudgeId, Guid TeamId, string Reason);

public sealed record Award(Guid Id, Guid CategoryId, Guid TeamId, AwardKind Kind, string Title);

public enum JudgingState
{
    NotOpened,
    Open,
    Closed,
}

public enum ChatStatus
{
    Shown,
    Held,
    Rejected,
    Hidden,
}

/// <summary>A chat message as moderators see it; the public sees only <see cref="ChatStatus.Shown"/> ones.</summary>
public sealed record ChatMessage(Guid Id, Guid ViewerId, string Nickname, string Text, long Position, ChatStatus Status);

public sealed record ChatReport(Guid MessageId, Guid ReporterId, string Reason, long Position);

public sealed record Announcement(Guid Id, string Text, long Position);

/// <summary>A category's reveal: the frozen order (last place first) and how many entries are shown.</summary>
public sealed record Reveal(Guid CategoryId, bool Rehearsal, IReadOnlyList<RevealEntry> Entries, int Revealed)
{
    public bool IsComplete => Revealed >= Entries.Count;
}
