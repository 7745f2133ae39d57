namespace VakkanjersLive.Domain.Events;

/// <summary>One meeting of the rotation: in round <see cref="Round"/> (0-based) the class meets the company.</summary>
public sealed record SpeeddateMeeting(int Round, Guid ClassId, Guid CompanyId);

/// <summary>A company of the speeddate. <see cref="LinkHash"/> is null once the roster purge blanked it.</summary>
public sealed record SpeeddateCompany(Guid Id, string Name, string Intro, string Person, string MeetingUrl, string? LinkHash);

/// <summary>A prepared question of a class for a company (<see cref="Text"/> empty once purged).</summary>
public sealed record SpeeddateQuestion(Guid Id, Guid ClassId, Guid CompanyId, string Text);

/// <summary>A class's rating of its meeting with a company.</summary>
public sealed record SpeeddateRating(Guid ClassId, Guid CompanyId, int Stars, string Comment);

/// <summary>The rotation that runs: rounds of <see cref="RoundSeconds"/>, the meetings of every round.</summary>
public sealed record SpeeddatePlan(int RoundSeconds, int MeetingsPerClass, int Rounds, IReadOnlyList<SpeeddateMeeting> Meetings)
{
    public TimeSpan RoundLength => TimeSpan.FromSeconds(RoundSeconds);

    public IEnumerable<SpeeddateMeeting> Round(int round) => Meetings.Where(m => m.Round == round);

    /// <summary>The class's meetings in round order.</summary>
    public IReadOnlyList<SpeeddateMeeting> OfClass(Guid classId) => [.. Meetings.Where(m => m.ClassId == classId).OrderBy(m => m.Round)];

    /// <summary>The company's meetings in round order.</summary>
    public IReadOnlyList<SpeeddateMeeting> OfCompany(Guid companyId) => [.. Meetings.Where(m => m.CompanyId == companyId).OrderBy(m => m.Round)];
}

/// <summary>Where the shared clock stands.</summary>
public enum SpeeddatePhase
{
    /// <summary>No rotation started yet.</summary>
    NotStarted,

    /// <summary>A round is running.</summary>
    Running,

    /// <summary>Past the last round, or stopped by the producer.</summary>
    Finished,
}

/// <summary>
/// The shared clock at one instant, computed from the start fact and a time (the server's): the round on now
/// (0-based), the time left in it, and whether the "wissel!" signal shows (the first
/// <see cref="SpeeddateClock.ChangeSignal"/> of every round after the first).
/// </summary>
public sealed record SpeeddateClock(SpeeddatePhase Phase, int Round, int Rounds, TimeSpan Remaining, bool Change)
{
    /// <summary>How long "wissel!" shows at a change: 15 s, or a third of a short round.</summary>
    public static TimeSpan ChangeSignal(int roundSeconds) => TimeSpan.FromSeconds(Math.Min(15, Math.Max(1, roundSeconds / 3)));

    /// <summary>The clock of a plan started at <paramref name="startedAt"/> (null: not started), stopped at <paramref name="stoppedAt"/>.</summary>
    public static SpeeddateClock At(SpeeddatePlan? plan, DateTimeOffset? startedAt, DateTimeOffset? stoppedAt, DateTimeOffset now)
    {
        if (plan is null || startedAt is not { } start)
        {
            return new SpeeddateClock(SpeeddatePhase.NotStarted, -1, plan?.Rounds ?? 0, TimeSpan.Zero, false);
        }

        var elapsed = now - start;
        if (stoppedAt <= now)
        {
            return new SpeeddateClock(SpeeddatePhase.Finished, plan.Rounds, plan.Rounds, TimeSpan.Zero, false);
        }

        if (elapsed < TimeSpan.Zero)
        {
            // A start in the future (another node's clock ahead of this one): round 1 has not begun.
            return new SpeeddateClock(SpeeddatePhase.NotStarted, -1, plan.Rounds, TimeSpan.Zero, false);
        }

        var round = (int)(elapsed.Ticks / plan.RoundLength.Ticks);
        if (round >= plan.Rounds)
        {
            return new SpeeddateClock(SpeeddatePhase.Finished, plan.Rounds, plan.Rounds, TimeSpan.Zero, false);
        }

        var inRound = elapsed - (plan.RoundLength * round);
        return new SpeeddateClock(SpeeddatePhase.Running, round, plan.Rounds, plan.RoundLength - inRound, round > 0 && inRound < ChangeSignal(plan.RoundSeconds));
    }
}
