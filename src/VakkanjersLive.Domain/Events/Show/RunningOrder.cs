namespace VakkanjersLive.Domain.Events;

/// <summary>
/// One slot of a category's running order: the team, the day (the finale can span two days), the planned start and
/// the pitch's lengths. Slots are times, teams fill them: reordering moves teams between slots, the times stay.
/// </summary>
public sealed record ProgrammeSlot(Guid TeamId, DateOnly Day, TimeOnly Start, int PresentationSeconds, int QuestionSeconds)
{
    public const int MinPresentationSeconds = 10;

    public const int MaxPhaseSeconds = 3600;

    /// <summary>When the slot's pitch is planned to end (presentation and questions).</summary>
    public TimeOnly End => Start.Add(TimeSpan.FromSeconds(PresentationSeconds + QuestionSeconds));
}

public enum PitchPhase
{
    Presentation,
    Questions,

    /// <summary>Both phases are over: the timer counts the time over.</summary>
    Overtime,
}

/// <summary>The pitch timer's reading at one moment: the phase, the seconds left in it (over time: seconds over), whether to warn.</summary>
public sealed record PitchReading(PitchPhase Phase, int Seconds, bool Warning);

/// <summary>
/// A category's pitch timer: when the team on stage started and how long each phase lasts. Clients compute the time
/// left from the server's clock, so every screen shows the same time and a late joiner sees the right time left.
/// </summary>
public sealed record PitchTimer(Guid CategoryId, Guid TeamId, DateTimeOffset StartedAt, int PresentationSeconds, int QuestionSeconds)
{
    /// <summary>The warning before a phase ends: its last minute, or its last third when it is shorter than three minutes.</summary>
    public static int WarningOf(int phaseSeconds) => Math.Min(60, phaseSeconds / 3);

    /// <summary>The reading at <paramref name="now"/> (the server's clock); seconds are rounded up, so 0 shows only at the end.</summary>
    public PitchReading At(DateTimeOffset now)
    {
        var elapsed = Math.Max(0, (now - StartedAt).TotalSeconds);
        if (elapsed < PresentationSeconds)
        {
            var left = (int)Math.Ceiling(PresentationSeconds - elapsed);
            return new PitchReading(PitchPhase.Presentation, left, left <= WarningOf(PresentationSeconds));
        }

        if (elapsed < PresentationSeconds + QuestionSeconds)
        {
            var left = (int)Math.Ceiling(PresentationSeconds + QuestionSeconds - elapsed);
            return new PitchReading(PitchPhase.Questions, left, left <= WarningOf(QuestionSeconds));
        }

        return new PitchReading(PitchPhase.Overtime, (int)Math.Floor(elapsed - PresentationSeconds - QuestionSeconds), true);
    }
}
