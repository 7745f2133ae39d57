using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>The running order per category and the pitch timer: planning the programme and calling the next team.</summary>
public sealed partial record LiveEvent
{
    /// <summary>The category's running order, in order (empty: none planned).</summary>
    public ImmutableList<ProgrammeSlot> RunningOrderOf(Guid categoryId) => Show.RunningOrders.GetValueOrDefault(categoryId, []);

    /// <summary>The category's pitch timer while its team is still on stage (putting another team on stage ends it).</summary>
    public PitchTimer? PitchTimerOf(Guid categoryId) =>
        Show.Timers.TryGetValue(categoryId, out var timer) && Show.Stage.GetValueOrDefault(categoryId) == timer.TeamId ? timer : null;

    /// <summary>The team "Volgende team" would call now (null: the end of the order, or no order); teams out of the category's round are skipped.</summary>
    public ProgrammeSlot? NextInRunningOrder(Guid categoryId)
    {
        var order = RunningOrderOf(categoryId);
        var onStage = OnStage(categoryId)?.Id;
        var current = onStage is { } id ? order.FindIndex(s => s.TeamId == id) : -1;
        return current >= 0
            ? order.Skip(current + 1).FirstOrDefault(s => IsInRound(s.TeamId))
            : order.FirstOrDefault(s => IsInRound(s.TeamId) && JudgingOf(s.TeamId) == JudgingState.NotOpened);
    }

    /// <summary>The judges of the team's panel (its category's, not conflicted) who have not scored it in the current round.</summary>
    public IReadOnlyList<Judge> MissingScorecards(Guid teamId) =>
        FindTeam(teamId) is { } team
            ? [.. PanelOf(team.CategoryId).Where(j => !IsConflicted(j.Id, teamId) && !HasJudged(j.Id, teamId))]
            : [];

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// Sets a category's whole running order. Every team at most once and of this category; starts in order (a later
    /// slot starts after the one before it ends, on the same day, or on a later day); pitch lengths in range.
    /// </summary>
    public RunningOrderSet SetRunningOrder(Guid categoryId, IReadOnlyList<ProgrammeSlot> slots)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        CheckRunningOrder(categoryId, slots);
        return new RunningOrderSet(categoryId, [.. slots]);
    }

    /// <summary>
    /// Plans a category's running order from <paramref name="start"/> on <paramref name="day"/>: the teams already in
    /// the order keep their place, the others follow by name; each slot lasts the pitch plus the change-over.
    /// </summary>
    public RunningOrderSet PlanRunningOrder(Guid categoryId, DateOnly day, TimeOnly start, int presentationSeconds, int questionSeconds, int changeoverSeconds)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (changeoverSeconds is < 0 or > ProgrammeSlot.MaxPhaseSeconds)
        {
            throw new DomainException("running-order.changeover.out-of-range", 0, ProgrammeSlot.MaxPhaseSeconds / 60);
        }

        var order = RunningOrderOf(categoryId).Select(s => s.TeamId).Where(t => FindTeam(t) is not null).ToList();
        order.AddRange(Teams.Where(t => t.CategoryId == categoryId && !order.Contains(t.Id)).OrderBy(t => t.Name, StringComparer.InvariantCultureIgnoreCase).Select(t => t.Id));
        if (order.Count == 0)
        {
            throw new DomainException("running-order.no-teams");
        }

        var slots = new List<ProgrammeSlot>(order.Count);
        var at = start.ToTimeSpan();
        foreach (var team in order)
        {
            if (at >= TimeSpan.FromDays(1))
            {
                throw new DomainException("running-order.past-midnight");
            }

            slots.Add(new ProgrammeSlot(team, day, TimeOnly.FromTimeSpan(at), presentationSeconds, questionSeconds));
            at += TimeSpan.FromSeconds(presentationSeconds + questionSeconds + changeoverSeconds);
        }

        return SetRunningOrder(categoryId, slots);
    }

    /// <summary>
    /// Moves a team in the running order to <paramref name="index"/> (0-based; up and down are index ∓ 1, a drag any
    /// index): the teams move between the slots, each slot keeps its day, start and pitch lengths.
    /// </summary>
    public RunningOrderSet MoveInRunningOrder(Guid categoryId, Guid teamId, int index)
    {
        var order = RunningOrderOf(categoryId);
        var from = order.FindIndex(s => s.TeamId == teamId);
        if (from < 0)
        {
            throw new DomainException("running-order.team-not-in-order");
        }

        if (index < 0 || index >= order.Count || index == from)
        {
            throw new DomainException("running-order.cannot-move");
        }

        var teams = order.Select(s => s.TeamId).ToList();
        teams.RemoveAt(from);
        teams.Insert(index, teamId);
        return SetRunningOrder(categoryId, [.. order.Select((slot, i) => slot with { TeamId = teams[i] })]);
    }

    /// <summary>
    /// "Volgende team": the next team of the running order (withdrawn teams skipped) goes on stage, its judging opens
    /// and its pitch timer starts now. Earlier teams of the category whose panel has scored close; the others stay
    /// open. Refused once the category is signed off, without an order, and at its end. <paramref name="seenOnStage"/>:
    /// the team the producer saw on stage when pressing; when the stage has moved on meanwhile (a double click, a
    /// second producer) the call is refused, so no team is skipped.
    /// </summary>
    public TeamCalled CallNextTeam(Guid categoryId, DateTimeOffset now, Guid? seenOnStage)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (OnStage(categoryId)?.Id != seenOnStage)
        {
            throw new DomainException("running-order.stage-moved");
        }

        if (IsCategoryLocked(categoryId))
        {
            throw new DomainException("category.locked");
        }

        if (RunningOrderOf(categoryId).IsEmpty)
        {
            throw new DomainException("running-order.empty");
        }

        var next = NextInRunningOrder(categoryId) ?? throw new DomainException("running-order.end");
        var closed = Teams
            .Where(t => t.CategoryId == categoryId && t.Id != next.TeamId && JudgingOf(t.Id) == JudgingState.Open && MissingScorecards(t.Id).Count == 0)
            .Select(t => t.Id)
            .ToList();
        return new TeamCalled(categoryId, next.TeamId, now, next.PresentationSeconds, next.QuestionSeconds, closed);
    }

    public PitchTimerStopped StopPitchTimer(Guid categoryId)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        return PitchTimerOf(categoryId) is null ? throw new DomainException("pitch-timer.not-running") : new PitchTimerStopped(categoryId);
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    private void CheckRunningOrder(Guid categoryId, IReadOnlyList<ProgrammeSlot> slots)
    {
        var seen = new HashSet<Guid>();
        ProgrammeSlot? previous = null;
        foreach (var slot in slots)
        {
            var team = FindTeam(slot.TeamId) ?? throw new DomainException("running-order.team-unknown");
            if (team.CategoryId != categoryId)
            {
                throw new DomainException("running-order.team-not-in-category", team.Name);
            }

            if (!seen.Add(team.Id))
            {
                throw new DomainException("running-order.team-twice", team.Name);
            }

            if (slot.PresentationSeconds is < ProgrammeSlot.MinPresentationSeconds or > ProgrammeSlot.MaxPhaseSeconds
                || slot.QuestionSeconds is < 0 or > ProgrammeSlot.MaxPhaseSeconds)
            {
                throw new DomainException("running-order.length.out-of-range", team.Name, ProgrammeSlot.MaxPhaseSeconds / 60);
            }

            if (slot.Day.Year is < 2000 or > 2100)
            {
                throw new DomainException("running-order.day.invalid", team.Name);
            }

            if (slot.Start.ToTimeSpan() + TimeSpan.FromSeconds(slot.PresentationSeconds + slot.QuestionSeconds) > TimeSpan.FromDays(1))
            {
                throw new DomainException("running-order.past-midnight");
            }

            if (previous is not null && (slot.Day < previous.Day || (slot.Day == previous.Day && slot.Start < previous.End)))
            {
                throw new DomainException("running-order.overlap", team.Name);
            }

            previous = slot;
        }
    }
}
