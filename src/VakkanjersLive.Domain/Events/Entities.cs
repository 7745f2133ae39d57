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

public sealed record PollOption(Guid Id, string Text);

public enum PollState
{
    Draft,
    Open,
    Closed,
}

/// <summary>
/// A poll and its tally (derived from the votes). <see cref="Counts"/> follows the order of <see cref="Options"/>;
/// <see cref="Voters"/> holds who voted, so a second vote is refused, and is never shown to anyone.
/// </summary>
public sealed record Poll(
    Guid Id,
    string Question,
    IReadOnlyList<PollOption> Options,
    bool ResultsLive,
    PollState State,
    bool ResultsVisible,
    System.Collections.Immutable.ImmutableList<int> Counts,
    System.Collections.Immutable.ImmutableHashSet<Guid> Voters)
{
    public int TotalVotes => Counts.Sum();

    public int CountOf(Guid optionId) => Options.ToList().FindIndex(o => o.Id == optionId) is var i and >= 0 ? Counts[i] : 0;

    /// <summary>
    /// Whole percentages per option that add up to exactly 100 (largest remainder), so a bar chart never shows
    /// 33 + 33 + 33; all zero before the first vote.
    /// </summary>
    public IReadOnlyList<int> Percentages()
    {
        var total = TotalVotes;
        if (total == 0)
        {
            return Counts.Select(_ => 0).ToList();
        }

        var floors = Counts.Select(c => c * 100 / total).ToArray();
        var left = 100 - floors.Sum();
        foreach (var i in Enumerable.Range(0, Counts.Count).OrderByDescending(i => Counts[i] * 100 % total).ThenBy(i => i).Take(left))
        {
            floors[i]++;
        }

        return floors;
    }
}

public enum QuestionStatus
{
    Held,
    Approved,

    /// <summary>Turned down while held: the public never saw it.</summary>
    Rejected,

    /// <summary>Taken down after approval: pages that show it remove it.</summary>
    Hidden,
}

/// <summary>
/// An audience question as moderators see it; the public sees only <see cref="QuestionStatus.Approved"/> ones.
/// <see cref="AskedAt"/> is the journal position of the question (the "time" in the order); <see cref="Upvoters"/>
/// holds who upvoted, so a second upvote is refused, and is never shown to anyone.
/// </summary>
public sealed record Question(
    Guid Id,
    Guid ViewerId,
    string Nickname,
    string Text,
    long AskedAt,
    QuestionStatus Status,
    bool Answered,
    System.Collections.Immutable.ImmutableHashSet<Guid> Upvoters)
{
    public int Votes => Upvoters.Count;
}
