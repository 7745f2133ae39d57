using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>Running order, "volgende team" and the pitch timer (issue 13, items 1 to 3).</summary>
public sealed partial class JudgingTests
{
    private static readonly DateOnly Day1 = Scenario.FinaleDate;
    private static readonly DateOnly Day2 = Scenario.FinaleDate.AddDays(1);
    private static readonly DateTimeOffset Nine = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A third Techniek team (Summa College), so an order has a middle.</summary>
    private readonly Guid _uitvinders = Guid.NewGuid();

    private LiveEvent WithThird()
    {
        var e = _event;
        return e.Then(e.RegisterTeam(_uitvinders, "De Uitvinders", _summa, _techniek, "Regenmeter", ["Eva"]));
    }

    /// <summary>Techniek planned from 9:00: De Bouwers, De Makers, De Uitvinders; 5 min pitch, 3 min questions, 2 min change-over.</summary>
    private LiveEvent Planned()
    {
        var e = WithThird();
        return e.Then(e.PlanRunningOrder(_techniek, Day1, new TimeOnly(9, 0), 300, 180, 120));
    }

    /// <summary>"Volgende team" as the console presses it: with the team it shows on stage.</summary>
    private static TeamCalled CallNext(LiveEvent e, Guid category, DateTimeOffset now) => e.CallNextTeam(category, now, e.OnStage(category)?.Id);

    private static List<Guid> Order(LiveEvent e, Guid category) => [.. e.RunningOrderOf(category).Select(s => s.TeamId)];

    [Fact]
    public void PlanRunningOrder_PutsEveryTeamOfTheCategoryInSlots_ByName_WithTheirTimes()
    {
        var e = Planned();

        Assert.Equal([_bouwers, _makers, _uitvinders], Order(e, _techniek));
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(9, 10), new TimeOnly(9, 20)], e.RunningOrderOf(_techniek).Select(s => s.Start));
        Assert.All(e.RunningOrderOf(_techniek), s => Assert.Equal((Day1, 300, 180), (s.Day, s.PresentationSeconds, s.QuestionSeconds)));
        Assert.Empty(e.RunningOrderOf(_zorg));
    }

    [Fact]
    public void MoveInRunningOrder_UpDownAndDrag_MovesTeamsBetweenSlots_TimesStay()
    {
        var e = Planned();
        var times = e.RunningOrderOf(_techniek).Select(s => s.Start).ToList();

        e = e.Then(e.MoveInRunningOrder(_techniek, _uitvinders, 1));
        Assert.Equal([_bouwers, _uitvinders, _makers], Order(e, _techniek));
        e = e.Then(e.MoveInRunningOrder(_techniek, _makers, 0));
        Assert.Equal([_makers, _bouwers, _uitvinders], Order(e, _techniek));
        Assert.Equal(times, e.RunningOrderOf(_techniek).Select(s => s.Start));

        Rejected.With("running-order.cannot-move", () => e.MoveInRunningOrder(_techniek, _makers, -1));
        Rejected.With("running-order.cannot-move", () => e.MoveInRunningOrder(_techniek, _uitvinders, 3));
        Rejected.With("running-order.team-not-in-order", () => e.MoveInRunningOrder(_techniek, _zorgdragers, 0));
    }

    [Fact]
    public void SetRunningOrder_AcrossTwoDays_IsOrderedByDay_AndRefusesWhatCannotBeAProgramme()
    {
        var e = WithThird();
        var ok = e.SetRunningOrder(_techniek, [new(_bouwers, Day1, new TimeOnly(15, 0), 300, 180), new(_makers, Day2, new TimeOnly(9, 0), 300, 180)]);
        Assert.Equal([Day1, Day2], e.Then(ok).RunningOrderOf(_techniek).Select(s => s.Day));

        Rejected.With("running-order.team-not-in-category", () => e.SetRunningOrder(_techniek, [new(_zorgdragers, Day1, new TimeOnly(9, 0), 300, 180)]));
        Rejected.With("running-order.team-twice", () => e.SetRunningOrder(_techniek, [new(_bouwers, Day1, new TimeOnly(9, 0), 300, 180), new(_bouwers, Day1, new TimeOnly(10, 0), 300, 180)]));
        Rejected.With("running-order.overlap", () => e.SetRunningOrder(_techniek, [new(_bouwers, Day1, new TimeOnly(9, 0), 300, 180), new(_makers, Day1, new TimeOnly(9, 5), 300, 180)]));
        Rejected.With("running-order.overlap", () => e.SetRunningOrder(_techniek, [new(_bouwers, Day2, new TimeOnly(9, 0), 300, 180), new(_makers, Day1, new TimeOnly(10, 0), 300, 180)]));
        Rejected.With("running-order.length.out-of-range", () => e.SetRunningOrder(_techniek, [new(_bouwers, Day1, new TimeOnly(9, 0), 5, 180)]));
        Rejected.With("running-order.length.out-of-range", () => e.SetRunningOrder(_techniek, [new(_bouwers, Day1, new TimeOnly(9, 0), 300, -1)]));
        Rejected.With("running-order.past-midnight", () => e.SetRunningOrder(_techniek, [new(_bouwers, Day1, new TimeOnly(23, 58), 300, 0)]));
        Rejected.With("running-order.team-unknown", () => e.SetRunningOrder(_techniek, [new(Guid.NewGuid(), Day1, new TimeOnly(9, 0), 300, 0)]));
        Rejected.With("category.unknown", () => e.SetRunningOrder(Guid.NewGuid(), []));
        Rejected.With("running-order.past-midnight", () => e.PlanRunningOrder(_techniek, Day1, new TimeOnly(23, 50), 300, 180, 120));
    }

    [Fact]
    public void ImportFinalists_WithSlots_AddsThemToTheRunningOrderByStart()
    {
        var e = Planned();
        var newTeam = new TeamRegistered(Guid.NewGuid(), "De Denkers", _daVinci, _techniek, "Windmolen", ["Fleur"]);
        var early = new TeamRegistered(Guid.NewGuid(), "De Vroegen", _daVinci, _techniek, "Wekker", ["Gijs"]);
        var fact = e.ImportFinalists([], [newTeam, early], [new(newTeam.TeamId, Day1, new TimeOnly(11, 0), 240, 120), new(early.TeamId, Day1, new TimeOnly(8, 0), 240, 120)]);
        e = e.Then(fact);

        Assert.Equal([early.TeamId, _bouwers, _makers, _uitvinders, newTeam.TeamId], Order(e, _techniek));
        var clash = new TeamRegistered(Guid.NewGuid(), "De Botsers", _daVinci, _techniek, "Bumper", ["Hans"]);
        Rejected.With("running-order.overlap", () => e.ImportFinalists([], [clash], [new(clash.TeamId, Day1, new TimeOnly(9, 5), 240, 120)]));
    }

    [Fact]
    public void CallNextTeam_GoesThroughTheOrder_PutsOnStage_OpensJudging_StartsTheTimer()
    {
        var e = Planned();
        var first = CallNext(e, _techniek, Nine);
        e = e.Then(first);

        Assert.Equal(new TeamCalled(_techniek, _bouwers, Nine, 300, 180, []), first with { Closed = [] });
        Assert.Equal(_bouwers, e.OnStage(_techniek)?.Id);
        Assert.Equal(JudgingState.Open, e.JudgingOf(_bouwers));
        Assert.Equal(new PitchTimer(_techniek, _bouwers, Nine, 300, 180), e.PitchTimerOf(_techniek));

        e = e.Then(CallNext(e, _techniek, Nine.AddMinutes(10)));
        Assert.Equal(_makers, e.OnStage(_techniek)?.Id);

        // De Bouwers' panel (two judges) has not scored: their judging stays open; who is missing is known.
        Assert.Equal(JudgingState.Open, e.JudgingOf(_bouwers));
        Assert.Equal(new[] { _jansen, _pietersen }.Order(), e.MissingScorecards(_bouwers).Select(j => j.Id).Order());
        e = Scored(e, _jansen, _bouwers, 7, 2);
        Assert.Equal([_pietersen], e.MissingScorecards(_bouwers).Select(j => j.Id));
        e = Scored(e, _pietersen, _bouwers, 6, 3);

        // De Makers: Pietersen is conflicted, so Jansen's scorecard completes the panel.
        e = Scored(e, _jansen, _makers, 8, 3);
        Assert.Empty(e.MissingScorecards(_makers));

        var third = CallNext(e, _techniek, Nine.AddMinutes(20));
        Assert.Equal(_uitvinders, third.TeamId);
        Assert.Equal(new[] { _bouwers, _makers }.Order(), third.Closed.Order());
        e = e.Then(third);
        Assert.Equal(JudgingState.Closed, e.JudgingOf(_bouwers));
        Assert.Equal(JudgingState.Closed, e.JudgingOf(_makers));
        Assert.Equal(JudgingState.Open, e.JudgingOf(_uitvinders));

        Rejected.With("running-order.end", () => CallNext(e, _techniek, Nine.AddMinutes(30)));
    }

    [Fact]
    public void CallNextTeam_SkipsAWithdrawnTeam_AndRefusesWithoutOrder_OrInALockedCategory()
    {
        var e = Planned();
        e = e.Then(CallNext(e, _techniek, Nine));
        e = e.Then(e.WithdrawTeam(_makers));

        Assert.DoesNotContain(_makers, Order(e, _techniek));
        Assert.Equal(_uitvinders, CallNext(e, _techniek, Nine.AddMinutes(10)).TeamId);

        Rejected.With("running-order.empty", () => CallNext(e, _zorg, Nine));
        e = e.Then(e.LockCategory(_techniek));
        Rejected.With("category.locked", () => CallNext(e, _techniek, Nine));
        Rejected.With("category.unknown", () => CallNext(e, Guid.NewGuid(), Nine));
    }

    [Fact]
    public void CallNextTeam_WithNobodyOnStage_StartsAtTheFirstTeamNotYetJudged()
    {
        var e = Planned();
        e = Opened(e, _bouwers);
        e = e.Then(e.CloseJudging(_bouwers));

        Assert.Equal(_makers, CallNext(e, _techniek, Nine).TeamId);

        // Another team put on stage by hand ends the timer of the team before.
        e = e.Then(CallNext(e, _techniek, Nine));
        e = e.Then(e.SetStage(_techniek, _bouwers));
        Assert.Null(e.PitchTimerOf(_techniek));
        Assert.Equal(_makers, e.NextInRunningOrder(_techniek)?.TeamId);
    }

    [Fact]
    public void CallNextTeam_WhenTheStageMovedSinceThePress_IsRefused_SoADoubleClickSkipsNobody()
    {
        var e = Planned();
        var seen = e.OnStage(_techniek)?.Id;
        e = e.Then(e.CallNextTeam(_techniek, Nine, seen));

        Rejected.With("running-order.stage-moved", () => e.CallNextTeam(_techniek, Nine, seen));
        Assert.Equal(_makers, e.CallNextTeam(_techniek, Nine, _bouwers).TeamId);
    }

    [Fact]
    public void StopPitchTimer_EndsIt_TheTeamStaysOnStage()
    {
        var e = Planned();
        Rejected.With("pitch-timer.not-running", () => e.StopPitchTimer(_techniek));
        e = e.Then(CallNext(e, _techniek, Nine));
        e = e.Then(e.StopPitchTimer(_techniek));

        Assert.Null(e.PitchTimerOf(_techniek));
        Assert.Equal(_bouwers, e.OnStage(_techniek)?.Id);
    }

    [Theory]
    [InlineData(0, PitchPhase.Presentation, 300, false)]
    [InlineData(239.5, PitchPhase.Presentation, 61, false)]
    [InlineData(240, PitchPhase.Presentation, 60, true)]
    [InlineData(299.9, PitchPhase.Presentation, 1, true)]
    [InlineData(300, PitchPhase.Questions, 180, false)]
    [InlineData(420, PitchPhase.Questions, 60, true)]
    [InlineData(480, PitchPhase.Overtime, 0, true)]
    [InlineData(545, PitchPhase.Overtime, 65, true)]
    [InlineData(-5, PitchPhase.Presentation, 300, false)]
    public void PitchTimer_ReadsThePhase_TheSecondsLeft_AndTheWarning(double elapsed, PitchPhase phase, int seconds, bool warning)
    {
        var timer = new PitchTimer(_techniek, _bouwers, Nine, 300, 180);

        Assert.Equal(new PitchReading(phase, seconds, warning), timer.At(Nine.AddSeconds(elapsed)));
    }

    [Fact]
    public void PitchTimer_ShortPhases_WarnInTheirLastThird()
    {
        var timer = new PitchTimer(_techniek, _bouwers, Nine, 30, 15);

        Assert.False(timer.At(Nine.AddSeconds(19)).Warning);
        Assert.True(timer.At(Nine.AddSeconds(20)).Warning);
        Assert.Equal(new PitchReading(PitchPhase.Questions, 5, true), timer.At(Nine.AddSeconds(40)));
    }
}
