namespace VakkanjersLive.Domain.Events;

/// <summary>
/// What <see cref="LiveEvent.PlanAdvance"/> would do: <see cref="Advancing"/> go through for sure (in rank order);
/// <see cref="Tied"/> share the rank at the cut-off and do not all fit in the top N, so the moderator decides whether
/// they all go through (empty when there is no tie at the cut-off).
/// </summary>
public sealed record AdvancePlan(Guid CategoryId, Guid FromRoundId, CategoryRound Next, int Top, IReadOnlyList<Guid> Advancing, IReadOnlyList<Guid> Tied)
{
    public bool HasTie => Tied.Count > 0;
}

/// <summary>
/// Rounds per category (issue 15, item 2; docs/scoring.md, "Rounds"): a category declares its rounds
/// (<see cref="CategoryRoundsDeclared"/>), judges the first, and "advance the top N" starts the next one with the
/// best teams (<see cref="CategoryRoundStarted"/>). Scorecards, judging, sign-off, readiness, rules, results and the
/// reveal belong to the round; a category without declared rounds has one implicit round, the event's
/// <see cref="CurrentRoundId"/>, exactly as before.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxRoundsPerCategory = 10;

    /// <summary>Whether the category declared rounds (otherwise it has one implicit round).</summary>
    public bool HasRounds(Guid categoryId) => Judging.CategoryRounds.ContainsKey(categoryId);

    /// <summary>The category's rounds in order: the declared ones, or its one implicit round.</summary>
    public IReadOnlyList<CategoryRound> RoundsOf(Guid categoryId) =>
        Judging.CategoryRounds.TryGetValue(categoryId, out var rounds)
            ? rounds
            : [new CategoryRound(CurrentRoundId, Rounds.Find(r => r.Id == CurrentRoundId)?.Name ?? string.Empty)];

    /// <summary>The round the category judges in now: the last one started, or its first round.</summary>
    public Guid RoundOf(Guid categoryId) =>
        Judging.StartedRounds.TryGetValue(categoryId, out var started) ? started
        : Judging.CategoryRounds.TryGetValue(categoryId, out var rounds) ? rounds[0].RoundId
        : CurrentRoundId;

    /// <summary>The rounds that have started so far, up to and including the current one (the results page's picker).</summary>
    public IReadOnlyList<CategoryRound> StartedRoundsOf(Guid categoryId)
    {
        var rounds = RoundsOf(categoryId);
        var current = RoundIndexOf(categoryId, RoundOf(categoryId));
        return [.. rounds.Take(current + 1)];
    }

    /// <summary>The position of a round among the category's rounds; -1 when it is not one of them.</summary>
    public int RoundIndexOf(Guid categoryId, Guid roundId)
    {
        var rounds = RoundsOf(categoryId);
        for (var i = 0; i < rounds.Count; i++)
        {
            if (rounds[i].RoundId == roundId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The round asked for when it is one of the category's started rounds, otherwise its current round.</summary>
    public Guid StartedRoundOr(Guid categoryId, Guid? roundId) =>
        roundId is { } round && RoundIndexOf(categoryId, round) is var index && index >= 0 && index <= RoundIndexOf(categoryId, RoundOf(categoryId))
            ? round
            : RoundOf(categoryId);

    /// <summary>The round's name (empty for an unnamed implicit round).</summary>
    public string RoundNameOf(Guid categoryId, Guid roundId) =>
        RoundsOf(categoryId).FirstOrDefault(r => r.RoundId == roundId)?.Name ?? Rounds.Find(r => r.Id == roundId)?.Name ?? string.Empty;

    /// <summary>The next declared round after the current one, or null in the last (or only) round.</summary>
    public CategoryRound? NextRoundOf(Guid categoryId)
    {
        var rounds = RoundsOf(categoryId);
        var index = RoundIndexOf(categoryId, RoundOf(categoryId));
        return index >= 0 && index + 1 < rounds.Count ? rounds[index + 1] : null;
    }

    /// <summary>Whether a team takes part in a round of its category (default: the current one): every team in the first round, the advanced teams later.</summary>
    public bool IsInRound(Guid teamId, Guid? roundId = null) =>
        FindTeam(teamId) is { } team
        && (!Judging.Lineups.TryGetValue(roundId ?? RoundOf(team.CategoryId), out var lineup) || lineup.Contains(teamId));

    /// <summary>The category's teams in a round (default: the current one).</summary>
    public IEnumerable<Team> TeamsInRound(Guid categoryId, Guid? roundId = null)
    {
        var round = roundId ?? RoundOf(categoryId);
        var lineup = Judging.Lineups.GetValueOrDefault(round);
        return Teams.Where(t => t.CategoryId == categoryId && (lineup is null || lineup.Contains(t.Id)));
    }

    /// <summary>The judges of a round (default: the current one): the round's panel, or every judge of the category.</summary>
    public IEnumerable<Judge> PanelOf(Guid categoryId, Guid? roundId = null)
    {
        var panel = Judging.RoundPanels.GetValueOrDefault((categoryId, roundId ?? RoundOf(categoryId)));
        return Judges.Where(j => j.CategoryId == categoryId && (panel is null || panel.Contains(j.Id)));
    }

    /// <summary>Whether the judge is on the panel of their category's round (default: the current one).</summary>
    public bool IsOnPanel(Guid judgeId, Guid? roundId = null) =>
        FindJudge(judgeId) is { } judge && PanelOf(judge.CategoryId, roundId).Any(j => j.Id == judgeId);

    /// <summary>Whether the round's results were frozen for a real reveal (now, or before the next round started).</summary>
    public bool IsRoundFrozen(Guid categoryId, Guid roundId) =>
        Judging.FrozenRounds.Contains((categoryId, roundId))
        || (roundId == RoundOf(categoryId) && RevealOf(categoryId) is { Rehearsal: false });

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// Declares (or renames, extends, shortens) a category's rounds in order; an empty list goes back to one implicit
    /// round. The first round is the round the category judges in already, so its scorecards stay; a round that has
    /// started keeps its place. <paramref name="newId"/> gives the ids of rounds that are new.
    /// </summary>
    public CategoryRoundsDeclared DeclareCategoryRounds(Guid categoryId, IReadOnlyList<string?>? names, Func<Guid> newId)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        names ??= [];
        var existing = RoundsOf(categoryId);
        var started = RoundIndexOf(categoryId, RoundOf(categoryId));
        if (names.Count == 0)
        {
            if (!HasRounds(categoryId))
            {
                throw new DomainException("rounds.already-single");
            }

            return started > 0 ? throw new DomainException("rounds.started") : new CategoryRoundsDeclared(categoryId, []);
        }

        if (names.Count < 2 || names.Count > MaxRoundsPerCategory)
        {
            throw new DomainException("rounds.count", 2, MaxRoundsPerCategory);
        }

        if (names.Count <= started)
        {
            throw new DomainException("rounds.started");
        }

        var rounds = new List<CategoryRound>(names.Count);
        foreach (var name in names)
        {
            var checkedName = Guard.Text(name, "round.name", 60);
            EnsureUnique(rounds.Exists(r => SameName(r.Name, checkedName)), "round.name.duplicate", checkedName);
            Guid id;
            if (rounds.Count < existing.Count)
            {
                id = existing[rounds.Count].RoundId;
            }
            else
            {
                id = newId();
                EnsureNewId(id, IsKnownRound(id) || rounds.Exists(r => r.RoundId == id));
            }

            rounds.Add(new CategoryRound(id, checkedName));
        }

        return new CategoryRoundsDeclared(categoryId, rounds);
    }

    /// <summary>
    /// Sets which of the category's judges judge a round (empty: every judge). Only for the current round and rounds
    /// to come, and not once the current round is signed off: the counted scorecards of a round are final then.
    /// </summary>
    public RoundPanelSet SetRoundPanel(Guid categoryId, Guid roundId, IReadOnlyList<Guid>? judgeIds)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        var index = HasRounds(categoryId) ? RoundIndexOf(categoryId, roundId) : -1;
        if (index < 0)
        {
            throw new DomainException("round.unknown");
        }

        var current = RoundIndexOf(categoryId, RoundOf(categoryId));
        if (index < current || (index == current && IsCategoryLocked(categoryId)))
        {
            throw new DomainException("round.panel.final");
        }

        judgeIds ??= [];
        if (judgeIds.Any(id => FindJudge(id)?.CategoryId != categoryId))
        {
            throw new DomainException("round.panel.judge-not-in-category");
        }

        return judgeIds.Distinct().Count() != judgeIds.Count
            ? throw new DomainException("round.panel.duplicate")
            : new RoundPanelSet(categoryId, roundId, [.. judgeIds]);
    }

    /// <summary>
    /// What advancing the top <paramref name="top"/> would do; refused while the category's current round is not
    /// signed off (or the round locked), without a next round, or when <paramref name="top"/> is not between 1 and the
    /// number of ranked teams. Incomplete teams (under the minimum of judges) are not ranked and do not advance.
    /// </summary>
    public AdvancePlan PlanAdvance(Guid categoryId, int top)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        var next = NextRoundOf(categoryId) ?? throw new DomainException("advance.no-next-round");
        if (!IsCategoryLocked(categoryId))
        {
            throw new DomainException("advance.not-signed-off");
        }

        var ranked = this.Standings(categoryId).Standings.Where(s => s.Rank is not null).ToList();
        if (top < 1 || top > ranked.Count)
        {
            throw new DomainException("advance.top.out-of-range", 1, ranked.Count);
        }

        var cut = ranked[top - 1].Rank!.Value;
        var above = ranked.Where(s => s.Rank < cut).Select(s => Guid.Parse(s.Team)).ToList();
        var atCut = ranked.Where(s => s.Rank == cut).Select(s => Guid.Parse(s.Team)).ToList();
        return above.Count + atCut.Count > top
            ? new AdvancePlan(categoryId, RoundOf(categoryId), next, top, above, atCut)
            : new AdvancePlan(categoryId, RoundOf(categoryId), next, top, [.. above, .. atCut], []);
    }

    /// <summary>
    /// Starts the category's next round with its top <paramref name="top"/> teams. When teams share the rank at the
    /// cut-off and do not all fit, the moderator must choose to include them all (<paramref name="includeTied"/>);
    /// otherwise it is refused with the tied teams' names, so a tie is never cut silently.
    /// </summary>
    public CategoryRoundStarted AdvanceTop(Guid categoryId, int top, bool includeTied)
    {
        var plan = PlanAdvance(categoryId, top);
        if (plan.HasTie && !includeTied)
        {
            throw new DomainException("advance.tie", string.Join(", ", plan.Tied.Select(t => FindTeam(t)?.Name)));
        }

        return new CategoryRoundStarted(categoryId, plan.FromRoundId, plan.Next.RoundId, [.. plan.Advancing, .. plan.Tied], top, plan.HasTie);
    }

    private bool IsKnownRound(Guid id) =>
        id == Id || Rounds.Exists(r => r.Id == id) || Judging.CategoryRounds.Values.Any(rounds => rounds.Exists(r => r.RoundId == id));
}
