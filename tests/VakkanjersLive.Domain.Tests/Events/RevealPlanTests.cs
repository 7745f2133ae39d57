using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Reveal plans (issue 13 item 7): all places from the last, the top N only, honourable mentions then the top N, a
/// pause before the winner, and the order of the ceremony. One category of six teams scored 9, 8, 7, 6, 5, 4 by one
/// judge, so team n is in place n.
/// </summary>
public sealed class RevealPlanTests
{
    private readonly Guid _junior = Guid.NewGuid();
    private readonly Guid _scout = Guid.NewGuid();
    private readonly Guid _idee = Guid.NewGuid();
    private readonly Guid _judge = Guid.NewGuid();
    private readonly Guid[] _teams = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())];
    private readonly LiveEvent _event;

    public RevealPlanTests()
    {
        var e = Scenario.NewEvent();
        e = e.Then(e.AddCategory(_junior, "Junior", ""));
        e = e.Then(e.AddCategory(_scout, "Scout", ""));
        var school = Guid.NewGuid();
        e = e.Then(e.AddSchool(school, "De Regenboog", "Zwolle"));
        e = e.Then(e.AddCriterion(_idee, "Idee", 1, 1, 10, ""));
        e = e.Then(e.AppointJudge(_judge, "Mevr. Jansen", _junior, null, true));
        for (var i = 0; i < _teams.Length; i++)
        {
            e = e.Then(e.RegisterTeam(_teams[i], $"Team {i + 1}", school, _junior, "Project", ["Ann"]));
            e = e.Then(e.OpenJudging(_teams[i]));
            e = e.Then(e.SubmitScore(_judge, _teams[i], [new CriterionScore(_idee, 9 - i, "")], i == 0 ? "Een slimme, doordachte oplossing." : null, null));
        }

        e = e.Then(e.ChooseMethod(AggregationMethod.WeightedMean));
        _event = e.Then(e.LockCategory(_junior));
    }

    [Fact]
    public void WithoutAPlan_EveryPlace_IsAStep_FromTheLast()
    {
        var reveal = Frozen(_event);

        Assert.Equal([6, 5, 4, 3, 2, 1], reveal.Entries.Select(x => x.Rank));
        Assert.Equal(6, reveal.Steps.Count);
        Assert.All(reveal.Steps, s => Assert.Equal(RevealStepKind.Place, s.Kind));
    }

    [Fact]
    public void TopThree_FreezesOnlyTheTopThree_ThreeClicks()
    {
        var e = _event.Then(_event.PlanReveal(_junior, RevealMode.TopOnly, 3, 0, false, "Junior-prijs", "Wethouder Bakker", "Gemeente Zwolle"));

        var reveal = Frozen(e);

        Assert.Equal([_teams[2], _teams[1], _teams[0]], reveal.Entries.Select(x => x.TeamId));
        Assert.Equal(3, reveal.Steps.Count);
    }

    [Fact]
    public void MentionsThenTop_NamesTheMentionsTogether_ThenThePlaces()
    {
        var e = _event.Then(_event.PlanReveal(_junior, RevealMode.MentionsThenTop, 2, 3, false, null, null, null));

        var reveal = Frozen(e);

        Assert.Equal([5, 4, 3, 2, 1], reveal.Entries.Select(x => x.Rank));
        Assert.Equal([true, true, true, false, false], reveal.Entries.Select(x => x.Mention));
        Assert.Equal([RevealStepKind.Mentions, RevealStepKind.Place, RevealStepKind.Place], reveal.Steps.Select(s => s.Kind));
        Assert.Equal([0, 1, 2], reveal.Steps[0].Entries);
        Assert.DoesNotContain(_teams[5], reveal.Entries.Select(x => x.TeamId)); // sixth place is neither top nor mention
    }

    [Fact]
    public void APauseBeforeTheWinner_IsAStepThatShowsNothing()
    {
        var e = _event.Then(_event.PlanReveal(_junior, RevealMode.TopOnly, 3, 0, true, null, null, null));
        var frozen = e.PrepareReveal(_junior, rehearsal: false);
        Assert.True(frozen.PauseBeforeWinner);
        e = e.Then(frozen);

        e = e.Then(e.StepReveal(_junior));
        e = e.Then(e.StepReveal(_junior));
        Assert.Equal(RevealStepKind.Pause, e.RevealOf(_junior)!.Next!.Kind);
        e = e.Then(e.StepReveal(_junior));

        var reveal = e.RevealOf(_junior)!;
        Assert.True(reveal.IsPaused);
        Assert.False(reveal.IsComplete);
        Assert.Equal([0, 1], reveal.Visible);
        e = e.Then(e.StepReveal(_junior));
        Assert.True(e.RevealOf(_junior)!.IsComplete);
        Assert.False(e.RevealOf(_junior)!.IsPaused);
        Assert.Equal([0, 1, 2], e.RevealOf(_junior)!.Visible);
        Rejected.With("reveal.done", () => e.StepReveal(_junior));
    }

    [Fact]
    public void APlan_CannotChange_OnceTheResultsAreFrozen_ButARehearsalMayBeReplanned()
    {
        var rehearsed = _event.Then(_event.PrepareReveal(_junior, rehearsal: true));
        Assert.NotNull(rehearsed.PlanReveal(_junior, RevealMode.TopOnly, 3, 0, true, null, null, null));

        var frozen = _event.Then(_event.PrepareReveal(_junior, rehearsal: false));
        Rejected.With("reveal.plan.frozen", () => frozen.PlanReveal(_junior, RevealMode.TopOnly, 3, 0, true, null, null, null));
    }

    [Fact]
    public void APlan_IsValidated()
    {
        Rejected.With("category.unknown", () => _event.PlanReveal(Guid.NewGuid(), RevealMode.TopOnly, 3, 0, false, null, null, null));
        Rejected.With("reveal.plan.top", () => _event.PlanReveal(_junior, RevealMode.TopOnly, 0, 0, false, null, null, null));
        Rejected.With("reveal.plan.top", () => _event.PlanReveal(_junior, RevealMode.TopOnly, LiveEvent.MaxRevealTop + 1, 0, false, null, null, null));
        Rejected.With("reveal.plan.mentions", () => _event.PlanReveal(_junior, RevealMode.MentionsThenTop, 3, 0, false, null, null, null));
        Rejected.With("reveal.plan.mode", () => _event.PlanReveal(_junior, (RevealMode)42, 3, 0, false, null, null, null));
        Rejected.With("reveal.plan.award.too-long", () => _event.PlanReveal(_junior, RevealMode.TopOnly, 3, 0, false, new string('x', 81), null, null));

        // "All places" ignores the sizes it does not use.
        var all = _event.PlanReveal(_junior, RevealMode.AllPlaces, 0, 9, false, null, null, null);
        Assert.Equal((3, 0), (all.TopCount, all.Mentions));
    }

    [Fact]
    public void TheCeremonyOrder_NamesEveryCategoryOnce_AndNewCategoriesFollow()
    {
        Assert.Equal([_junior, _scout], _event.CeremonyCategories.Select(c => c.Id));
        var e = _event.Then(_event.OrderCeremony([_scout, _junior]));
        Assert.Equal([_scout, _junior], e.CeremonyCategories.Select(c => c.Id));

        Rejected.With("ceremony.order.invalid", () => e.OrderCeremony([_scout]));
        Rejected.With("ceremony.order.invalid", () => e.OrderCeremony([_scout, _scout]));
        Rejected.With("ceremony.order.invalid", () => e.OrderCeremony([_scout, Guid.NewGuid()]));
        Rejected.With("ceremony.order.invalid", () => e.OrderCeremony(null));

        var explorer = Guid.NewGuid();
        e = e.Then(e.AddCategory(explorer, "Explorer", ""));
        Assert.Equal([_scout, _junior, explorer], e.CeremonyCategories.Select(c => c.Id));
    }

    [Fact]
    public void AReveal_FrozenBeforePlansExisted_StillStepsOneEntryAtATime()
    {
        // The fact as older journals hold it: no pause, no mentions.
        var old = new RevealPrepared(_junior, false, [new RevealEntry(_teams[1], 2, 8, false), new RevealEntry(_teams[0], 1, 9, false)]);
        var e = _event.Then(old);

        Assert.Equal(2, e.RevealOf(_junior)!.Steps.Count);
        e = e.Then(e.StepReveal(_junior));
        Assert.Equal([0], e.RevealOf(_junior)!.Visible);
    }

    private Reveal Frozen(LiveEvent e) => e.Then(e.PrepareReveal(_junior, rehearsal: false)).RevealOf(_junior)!;
}
