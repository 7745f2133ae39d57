namespace VakkanjersLive.Domain.Events;

/// <summary>Reveal plans and the award ceremony: how each category is revealed, and in which order.</summary>
public sealed partial record LiveEvent
{
    public const int MaxRevealTop = 50;

    public const int MaxRevealMentions = 20;

    public RevealPlan RevealPlanOf(Guid categoryId) => Show.RevealPlans.GetValueOrDefault(categoryId) ?? RevealPlan.Default;

    /// <summary>The categories in ceremony order: the declared order, then any category added since, as added.</summary>
    public IReadOnlyList<Category> CeremonyCategories =>
        [.. Show.CeremonyOrder.Select(FindCategory).OfType<Category>(), .. Categories.Where(c => !Show.CeremonyOrder.Contains(c.Id))];

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// Plans a category's reveal. Refused once its results are frozen for the reveal: what the hall will see must not
    /// change half-way (a rehearsal may be planned again; clear it and rehearse with the new plan).
    /// </summary>
    public RevealPlanned PlanReveal(Guid categoryId, RevealMode mode, int topCount, int mentions, bool pauseBeforeWinner, string? awardTitle, string? presenter, string? client)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (RevealOf(categoryId) is { Rehearsal: false })
        {
            throw new DomainException("reveal.plan.frozen");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("reveal.plan.mode");
        }

        if (mode != RevealMode.AllPlaces && topCount is < 1 or > MaxRevealTop)
        {
            throw new DomainException("reveal.plan.top", 1, MaxRevealTop);
        }

        if (mode == RevealMode.MentionsThenTop && mentions is < 1 or > MaxRevealMentions)
        {
            throw new DomainException("reveal.plan.mentions", 1, MaxRevealMentions);
        }

        return new RevealPlanned(
            categoryId,
            mode,
            mode == RevealMode.AllPlaces ? RevealPlan.Default.TopCount : topCount,
            mode == RevealMode.MentionsThenTop ? mentions : 0,
            pauseBeforeWinner,
            Guard.Text(awardTitle, "reveal.plan.award", 80, required: false),
            Guard.Text(presenter, "reveal.plan.presenter", 80, required: false),
            Guard.Text(client, "reveal.plan.client", 120, required: false));
    }

    /// <summary>The order of the award ceremony: every category of the event exactly once.</summary>
    public CeremonyOrdered OrderCeremony(IReadOnlyList<Guid>? categoryIds)
    {
        EnsureExists();
        if (categoryIds is null || categoryIds.Count != Categories.Count || categoryIds.Distinct().Count() != categoryIds.Count || categoryIds.Any(id => FindCategory(id) is null))
        {
            throw new DomainException("ceremony.order.invalid");
        }

        return new CeremonyOrdered([.. categoryIds]);
    }

    /// <summary>
    /// The frozen order as the plan reveals it, from the full ranking (last place first): the top places only, and
    /// for <see cref="RevealMode.MentionsThenTop"/> the places just below the top as mentions first (best-placed
    /// mention last, like the places).
    /// </summary>
    private static List<RevealEntry> Planned(List<RevealEntry> ranking, RevealPlan plan) => plan.Mode switch
    {
        RevealMode.TopOnly => [.. ranking.Where(e => e.Rank <= plan.TopCount)],
        RevealMode.MentionsThenTop =>
        [
            .. ranking.Where(e => e.Rank > plan.TopCount && e.Rank <= plan.TopCount + plan.Mentions).Select(e => e with { Mention = true }),
            .. ranking.Where(e => e.Rank <= plan.TopCount),
        ],
        _ => ranking,
    };
}
