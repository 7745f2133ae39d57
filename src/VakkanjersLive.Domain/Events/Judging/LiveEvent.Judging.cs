using System.Collections.Immutable;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Events;

/// <summary>Live judging: open/closed judging per team, scorecards, conflicts, locking, rules and awards.</summary>
public sealed partial record LiveEvent
{
    public const int MaxCommentLength = 1000;

    public ImmutableList<Scorecard> Scorecards => Judging.Scorecards;

    public ImmutableList<DeclaredConflict> DeclaredConflicts => Judging.DeclaredConflicts;

    public ImmutableHashSet<Guid> LockedRounds => Judging.LockedRounds;

    public AggregationMethod Aggregation => Judging.Aggregation;

    public ImmutableList<TieBreakRule> TieBreaks => Judging.TieBreaks;

    public ImmutableList<Award> Awards => Judging.Awards;

    /// <summary>
    /// The round scores go to: the first round not yet locked. An event without rounds has one implicit round whose
    /// id is the event id.
    /// </summary>
    public Guid CurrentRoundId => Rounds.IsEmpty
        ? Id
        : (Rounds.Find(r => !LockedRounds.Contains(r.Id)) ?? Rounds[^1]).Id;

    public bool IsCurrentRoundLocked => LockedRounds.Contains(CurrentRoundId);

    /// <summary>A category is locked when its sign-off for its current round is in, or the whole round is locked.</summary>
    public bool IsCategoryLocked(Guid categoryId) =>
        IsCurrentRoundLocked || LockedRounds.Contains(RoundOf(categoryId)) || Judging.LockedCategories.Contains((RoundOf(categoryId), categoryId));

    /// <summary>Whether a moderator chose the official method (the default alone does not count for readiness).</summary>
    public bool IsMethodChosen => Judging.IsMethodChosen;

    /// <summary>Whether any category's results are frozen for a real reveal: the event-wide method and tie-breaks stay put then.</summary>
    public bool IsAnyCategoryFrozen => Reveals.Values.Any(r => !r.Rehearsal) || !Judging.FrozenRounds.IsEmpty;

    /// <summary>
    /// What a judge or moderator sees as a team's judging status: <see cref="JudgingState.Locked"/> once its category
    /// (or the round) is signed off, whatever the team's last open/close was.
    /// </summary>
    public JudgingState JudgingStatusOf(Guid teamId) =>
        FindTeam(teamId) is { } team && IsCategoryLocked(team.CategoryId) ? JudgingState.Locked : JudgingOf(teamId);

    public JudgingState JudgingOf(Guid teamId) => Judging.States.GetValueOrDefault(teamId, JudgingState.NotOpened);

    /// <summary>A judge is conflicted for a team of their own school, or one they declared.</summary>
    public bool IsConflicted(Guid judgeId, Guid teamId)
    {
        var judge = FindJudge(judgeId);
        var team = FindTeam(teamId);
        return judge is not null && team is not null
            && ((judge.SchoolId is { } school && school == team.SchoolId) || DeclaredConflicts.Exists(c => c.JudgeId == judgeId && c.TeamId == teamId));
    }

    /// <summary>
    /// A judge's whole scorecard for a team in a round (by default the current round of the team's category). With
    /// several performances (<see cref="PerformancesOf"/>) it exists once every performance is scored: the mean value
    /// per criterion, the revisions added up (a correction of any performance is a new revision), late when any
    /// performance card was; <see cref="PerformanceCardOf"/> gives each.
    /// </summary>
    public Scorecard? ScorecardOf(Guid judgeId, Guid teamId, Guid? roundId = null)
    {
        var team = FindTeam(teamId);
        var round = roundId ?? (team is not null ? RoundOf(team.CategoryId) : CurrentRoundId);
        var performances = team is not null ? PerformancesOf(team.CategoryId, round) : [string.Empty];
        if (performances.Count == 1)
        {
            return Scorecards.Find(s => s.RoundId == round && s.JudgeId == judgeId && s.TeamId == teamId && s.Performance == performances[0]);
        }

        var cards = performances.Select(p => PerformanceCardOf(judgeId, teamId, p, round)).ToList();
        if (cards.Exists(c => c is null))
        {
            return null;
        }

        var scores = cards[0]!.Scores
            .Select(s => new CriterionScore(s.CriterionId, cards.Average(c => c!.Scores.FirstOrDefault(x => x.CriterionId == s.CriterionId)?.Value ?? 0m), string.Empty))
            .ToList();
        return new Scorecard(round, judgeId, teamId, scores, string.Join(" ", cards.Select(c => c!.Comment).Where(c => c.Length > 0)), cards.Exists(c => c!.Late), cards.Sum(c => c!.Revision));
    }

    /// <summary>A judge's scorecard for one performance of a team ("" when the category has one performance) in a round (default: the team's category's current one).</summary>
    public Scorecard? PerformanceCardOf(Guid judgeId, Guid teamId, string performance, Guid? roundId = null)
    {
        var round = roundId ?? RoundOfTeam(teamId);
        return Scorecards.Find(s => s.RoundId == round && s.JudgeId == judgeId && s.TeamId == teamId && s.Performance == performance);
    }

    /// <summary>The performances a category's teams give in a round (default: the current one): "1" … "n" when its rules declare several, else one empty id.</summary>
    public IReadOnlyList<string> PerformancesOf(Guid categoryId, Guid? roundId = null) =>
        this.DeclaredRulesOf(categoryId, roundId ?? RoundOf(categoryId)) is { } rules ? rules.Performances.Ids : [string.Empty];

    /// <summary>The factor (degree of difficulty) a moderator set for a team's performance in a round (default: its category's current one), or null (1).</summary>
    public decimal? FactorOf(Guid teamId, string performance, Guid? roundId = null) =>
        Judging.Factors.TryGetValue((roundId ?? RoundOfTeam(teamId), teamId, performance), out var factor) ? factor : null;

    /// <summary>The current round of the team's category (the event's round for an unknown team).</summary>
    private Guid RoundOfTeam(Guid teamId) => FindTeam(teamId) is { } team ? RoundOf(team.CategoryId) : CurrentRoundId;

    // ---- decisions -------------------------------------------------------------------------------------------

    public JudgingOpened OpenJudging(Guid teamId)
    {
        var team = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        EnsureRoundOpen();
        EnsureCategoryOpen(team.CategoryId);
        EnsureInRound(teamId);
        return JudgingOf(teamId) == JudgingState.Open ? throw new DomainException("judging.already-open") : new JudgingOpened(teamId);
    }

    public JudgingClosed CloseJudging(Guid teamId)
    {
        _ = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        return JudgingOf(teamId) != JudgingState.Open ? throw new DomainException("judging.not-open") : new JudgingClosed(teamId);
    }

    /// <summary>
    /// A judge scores (or corrects) a team of their panel. Every rubric criterion needs exactly one value in range;
    /// a correction needs a reason. Scorecards arriving after judging closed are accepted and marked late: only the
    /// round lock is a hard stop, so nothing a judge typed offline is lost. <paramref name="roundId"/>, when given, is
    /// the round the judge's form showed: a scorecard typed in one round never lands in the next.
    /// </summary>
    public ScoreSubmitted SubmitScore(Guid judgeId, Guid teamId, IReadOnlyList<CriterionScore>? scores, string? comment, string? reason, Guid? roundId = null, string? performance = null)
    {
        var judge = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        var team = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        if (team.CategoryId != judge.CategoryId)
        {
            throw new DomainException("score.not-in-panel");
        }

        if (roundId is { } typedIn && typedIn != RoundOf(team.CategoryId))
        {
            throw new DomainException("score.round-changed", RoundNameOf(team.CategoryId, RoundOf(team.CategoryId)));
        }

        EnsureRoundOpen();
        EnsureCategoryOpen(team.CategoryId);
        EnsureInRound(teamId);
        if (!IsOnPanel(judgeId))
        {
            throw new DomainException("score.not-in-round-panel");
        }

        if (IsConflicted(judgeId, teamId))
        {
            throw new DomainException("score.conflicted");
        }

        if (IsRankedCategory(team.CategoryId))
        {
            throw new DomainException("score.ranked-category");
        }

        var judging = JudgingOf(teamId);
        if (judging == JudgingState.NotOpened)
        {
            throw new DomainException("score.judging-not-open");
        }

        // With several performances each is a card of its own ("1" … "n"); with one the performance is empty.
        var performances = PerformancesOf(team.CategoryId);
        var checkedPerformance = (performance ?? string.Empty).Trim();
        if (!performances.Contains(checkedPerformance))
        {
            throw new DomainException("score.performance.unknown", performances.Count);
        }

        var checkedScores = CheckScores(scores ?? [], team.CategoryId);
        var previous = PerformanceCardOf(judgeId, teamId, checkedPerformance, RoundOf(team.CategoryId));
        var checkedReason = previous is null
            ? Guard.Text(reason, "score.reason", 300, required: false)
            : Guard.Text(reason, "score.reason", 300);
        return new ScoreSubmitted(
            RoundOf(team.CategoryId),
            judgeId,
            teamId,
            checkedScores,
            Guard.Text(comment, "score.comment", MaxCommentLength * 2, required: false),
            previous is not null,
            checkedReason,
            judging == JudgingState.Closed,
            Performance: checkedPerformance);
    }

    /// <summary>
    /// A lead moderator enters a judge's paper score sheet for a team: the same checks as <see cref="SubmitScore"/>
    /// (panel, conflicts, judging opened, rubric, range, step, a reason for a correction), marked as from paper.
    /// </summary>
    public ScoreSubmitted EnterPaperScore(Guid judgeId, Guid teamId, IReadOnlyList<CriterionScore>? scores, string? reason, string? performance = null) =>
        SubmitScore(judgeId, teamId, scores, null, reason, performance: performance) with { FromPaper = true };

    /// <summary>
    /// A moderator sets a team's factor (degree of difficulty) for one of its performances in the current round, or
    /// with null takes it back to 1. Only for a category whose rules declare several performances; more than 0 and at
    /// most 1000; not once the category's results are frozen for the reveal.
    /// </summary>
    public PerformanceFactorSet SetPerformanceFactor(Guid teamId, string? performance, decimal? factor)
    {
        var team = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        var performances = PerformancesOf(team.CategoryId);
        var checkedPerformance = (performance ?? string.Empty).Trim();
        if (performances.Count < 2 || !performances.Contains(checkedPerformance))
        {
            throw new DomainException("factor.performance.unknown", performances.Count);
        }

        if (factor is { } f && (f <= 0m || f > MaxFactor))
        {
            throw new DomainException("factor.out-of-range", MaxFactor);
        }

        EnsureRoundOpen();
        if (RevealOf(team.CategoryId) is { Rehearsal: false })
        {
            throw new DomainException("reveal.already");
        }

        return FactorOf(teamId, checkedPerformance) == factor
            ? throw new DomainException("factor.unchanged")
            : new PerformanceFactorSet(RoundOf(team.CategoryId), teamId, checkedPerformance, factor);
    }

    /// <summary>Largest factor a moderator can set (diving's degrees of difficulty stay under 5).</summary>
    public const decimal MaxFactor = 1000m;

    public ConflictDeclared DeclareConflict(Guid judgeId, Guid teamId, string? reason)
    {
        var judge = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        var team = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        if (team.CategoryId != judge.CategoryId)
        {
            throw new DomainException("score.not-in-panel");
        }

        if (IsConflicted(judgeId, teamId))
        {
            throw new DomainException("conflict.already");
        }

        // After sign-off the counted scorecards are final.
        EnsureRoundOpen();
        EnsureCategoryOpen(team.CategoryId);

        return new ConflictDeclared(judgeId, teamId, Guard.Text(reason, "conflict.reason", 300, required: false));
    }

    public RoundLocked LockRound(Guid roundId)
    {
        if (Rounds.IsEmpty ? roundId != Id : !Rounds.Exists(r => r.Id == roundId))
        {
            throw new DomainException("round.unknown");
        }

        return LockedRounds.Contains(roundId) ? throw new DomainException("round.locked") : new RoundLocked(roundId);
    }

    /// <summary>
    /// Signs off one category for the current round: its judges can no longer score, correct or declare conflicts;
    /// the other categories keep judging. The jury chair does it for their own category (<see cref="LockCategoryAsChair"/>),
    /// a lead moderator for any.
    /// </summary>
    public CategoryLocked LockCategory(Guid categoryId)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (IsCurrentRoundLocked)
        {
            throw new DomainException("round.locked");
        }

        return IsCategoryLocked(categoryId) ? throw new DomainException("category.locked") : new CategoryLocked(RoundOf(categoryId), categoryId);
    }

    /// <summary>The jury chair signs off their own panel's category; other judges cannot.</summary>
    public CategoryLocked LockCategoryAsChair(Guid judgeId)
    {
        var judge = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        return judge.IsChair ? LockCategory(judge.CategoryId) : throw new DomainException("category.lock.chair-only");
    }

    /// <summary>Takes a category's sign-off back, as long as its results are not frozen for the reveal.</summary>
    public CategoryUnlocked UnlockCategory(Guid categoryId)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (IsCurrentRoundLocked)
        {
            throw new DomainException("round.locked");
        }

        if (!Judging.LockedCategories.Contains((RoundOf(categoryId), categoryId)))
        {
            throw new DomainException("category.not-locked");
        }

        return RevealOf(categoryId) is { Rehearsal: false } ? throw new DomainException("reveal.already") : new CategoryUnlocked(RoundOf(categoryId), categoryId);
    }

    /// <summary>A moderator accepts an outlier of the consistency check as it is (this revision of the scorecard).</summary>
    public OutlierAcknowledged AcknowledgeOutlier(Guid judgeId, Guid teamId, string? reason)
    {
        var team = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        var card = ScorecardOf(judgeId, teamId) ?? throw new DomainException("outlier.unknown");
        if (!this.ConsistencyOf(team.CategoryId).Outliers.Any(o => o.JudgeId == judgeId && o.TeamId == teamId))
        {
            throw new DomainException("outlier.unknown");
        }

        if (Judging.AcknowledgedOutliers.Contains((card.RoundId, judgeId, teamId, card.Revision)))
        {
            throw new DomainException("outlier.already-acknowledged");
        }

        return new OutlierAcknowledged(card.RoundId, judgeId, teamId, card.Revision, Guard.Text(reason, "outlier.reason", 300, required: false));
    }

    /// <summary>Sets (or with null resets to "every judge who is not conflicted") the minimum of counted scorecards per team.</summary>
    public MinimumScorecardsSet SetMinimumScorecards(Guid categoryId, int? minimum)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (minimum is < 1 or > 100)
        {
            throw new DomainException("readiness.minimum.out-of-range", 1, 100);
        }

        return RevealOf(categoryId) is { Rehearsal: false } ? throw new DomainException("reveal.already") : new MinimumScorecardsSet(categoryId, minimum);
    }

    /// <summary>Chooses the official aggregation method (the UI asks for confirmation first); impossible once results are frozen.</summary>
    public MethodChosen ChooseMethod(AggregationMethod method)
    {
        EnsureExists();
        if (!Enum.IsDefined(method))
        {
            throw new DomainException("scoring.method.invalid");
        }

        return IsAnyCategoryFrozen ? throw new DomainException("scoring.frozen") : new MethodChosen(method);
    }

    public ScoringRulesSet SetScoringRules(AggregationMethod method, IReadOnlyList<TieBreakRule>? tieBreaks)
    {
        EnsureExists();
        if (IsAnyCategoryFrozen)
        {
            throw new DomainException("scoring.frozen");
        }

        tieBreaks = (tieBreaks ?? []).Select(r => r.Kind == TieBreakKind.MostFirstPlaces ? r with { CriterionId = null } : r).ToList();
        if (!Enum.IsDefined(method))
        {
            throw new DomainException("scoring.method.invalid");
        }

        foreach (var rule in tieBreaks)
        {
            if (!Enum.IsDefined(rule.Kind)
                || (rule.Kind == TieBreakKind.HighestCriterion && (rule.CriterionId is not { } c || FindCriterion(c) is null)))
            {
                throw new DomainException("scoring.tie-break.invalid");
            }
        }

        if (tieBreaks.Distinct().Count() != tieBreaks.Count)
        {
            throw new DomainException("scoring.tie-break.duplicate");
        }

        return new ScoringRulesSet(method, tieBreaks);
    }

    /// <summary>
    /// Declares a category's scoring rules (null: back to the event's method and tie-breaks). The rules must be valid
    /// (<see cref="ScoringRules.Problems"/>) and fit the web app's scorecards: the criteria are the rubric's (ids in "D"
    /// format, same range and weight; any step) or, for ranked ballots, none and one performance; one panel. Switching
    /// between scores and ranked ballots is refused once scorecards or ballots exist in the rounds it affects. Once a category's
    /// results are frozen for a real reveal its rules are final.
    /// </summary>
    /// <remarks>
    /// With <paramref name="roundId"/> the rules are one declared round's (<see cref="CategoryRoundsDeclared"/>);
    /// without, they are every round's that has none of its own. A frozen round's rules stay put either way.
    /// </remarks>
    public CategoryRulesDeclared DeclareCategoryRules(Guid categoryId, ScoringRules? rules, Guid? roundId = null)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (roundId is { } round && (!HasRounds(categoryId) || RoundIndexOf(categoryId, round) < 0))
        {
            throw new DomainException("round.unknown");
        }

        var affected = (roundId is { } only
            ? [only]
            : RoundsOf(categoryId).Select(r => r.RoundId).Where(r => !Judging.RoundRules.ContainsKey((categoryId, r)))).ToList();
        if (affected.Any(r => IsRoundFrozen(categoryId, r)))
        {
            throw new DomainException("rules.reveal-frozen");
        }

        if (rules is null)
        {
            var declared = roundId is { } r ? Judging.RoundRules.ContainsKey((categoryId, r)) : Judging.CategoryRules.ContainsKey(categoryId);
            if (!declared)
            {
                throw new DomainException("rules.already-default");
            }

            EnsureNoStrandedJudging(categoryId, affected, ranked: false);
            return new CategoryRulesDeclared(categoryId, string.Empty, roundId);
        }

        rules.Validate();
        // Panels: judges are put in the judges' panels (the first by default), so at least one must not be a vote.
        if (rules.Panels is not null && rules.JudgePanelIds.Count == 0)
        {
            throw new DomainException("rules.web.panels.no-judges");
        }

        EnsureNoStrandedJudging(categoryId, affected, rules.IsRanked);
        if (rules.IsRanked)
        {
            // A ballot ranks the round's teams once: no criteria, one performance (docs/scoring.md).
            if (rules.Criteria.Count > 0)
            {
                throw new DomainException("rules.web.ranked-criteria");
            }

            if (rules.Performances.Count > 1)
            {
                throw new DomainException("rules.web.ranked-performances");
            }

            return new CategoryRulesDeclared(categoryId, RulesJson.Write(rules), roundId);
        }

        foreach (var criterion in rules.Criteria)
        {
            var line = Guid.TryParse(criterion.Id, out var id) ? FindCriterion(id) : null;
            if (line is null)
            {
                throw new DomainException("rules.web.criterion-unknown", criterion.Id);
            }

            if (criterion.Min != line.ScaleMin || criterion.Max != line.ScaleMax || criterion.Weight != line.Weight)
            {
                throw new DomainException("rules.web.criterion-differs", line.Name, line.ScaleMin, line.ScaleMax, line.Weight);
            }
        }

        var missing = Rubric.FirstOrDefault(c => rules.FindCriterion(c.Id.ToString("D")) is null);
        if (missing is not null)
        {
            throw new DomainException("rules.web.criterion-missing", missing.Name);
        }

        return new CategoryRulesDeclared(categoryId, RulesJson.Write(rules), roundId);
    }

    public AwardGranted GrantAward(Guid awardId, Guid categoryId, Guid teamId, AwardKind kind, string? title)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (FindTeam(teamId)?.CategoryId != categoryId)
        {
            throw new DomainException("award.team-not-in-category");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("award.kind.invalid");
        }

        if (awardId == Guid.Empty || Awards.Exists(a => a.Id == awardId))
        {
            throw new DomainException("id.invalid");
        }

        if (kind != AwardKind.SpecialMention && Awards.Exists(a => a.CategoryId == categoryId && a.Kind == kind))
        {
            throw new DomainException("award.place-taken");
        }

        if (Awards.Exists(a => a.CategoryId == categoryId && a.TeamId == teamId && a.Kind != AwardKind.SpecialMention) && kind != AwardKind.SpecialMention)
        {
            throw new DomainException("award.team-already-placed");
        }

        var checkedTitle = Guard.Text(title, "award.title", 120, required: kind == AwardKind.SpecialMention);
        return new AwardGranted(awardId, categoryId, teamId, kind, checkedTitle);
    }

    public AwardWithdrawn WithdrawAward(Guid awardId) =>
        Awards.Exists(a => a.Id == awardId) ? new AwardWithdrawn(awardId) : throw new DomainException("award.unknown");

    private void EnsureRoundOpen()
    {
        if (IsCurrentRoundLocked)
        {
            throw new DomainException("score.round-locked");
        }
    }

    private void EnsureCategoryOpen(Guid categoryId)
    {
        if (LockedRounds.Contains(RoundOf(categoryId)))
        {
            throw new DomainException("score.round-locked");
        }

        if (Judging.LockedCategories.Contains((RoundOf(categoryId), categoryId)))
        {
            throw new DomainException("score.category-locked");
        }
    }

    /// <summary>A team that did not advance to the category's current round is not judged in it.</summary>
    private void EnsureInRound(Guid teamId)
    {
        if (!IsInRound(teamId))
        {
            throw new DomainException("score.not-in-round");
        }
    }

    private List<CriterionScore> CheckScores(IReadOnlyList<CriterionScore> scores, Guid categoryId)
    {
        var declared = this.DeclaredRulesOf(categoryId, RoundOf(categoryId));
        if (Rubric.IsEmpty)
        {
            throw new DomainException("score.no-rubric");
        }

        foreach (var score in scores)
        {
            _ = FindCriterion(score.CriterionId) ?? throw new DomainException("score.criterion.unknown");
        }

        if (scores.Select(s => s.CriterionId).Distinct().Count() != scores.Count)
        {
            throw new DomainException("score.criterion.duplicate");
        }

        var checkedScores = new List<CriterionScore>(Rubric.Count);
        foreach (var criterion in Rubric)
        {
            var score = scores.FirstOrDefault(s => s.CriterionId == criterion.Id)
                ?? throw new DomainException("score.criterion.missing", criterion.Name);
            if (score.Value < criterion.ScaleMin || score.Value > criterion.ScaleMax)
            {
                throw new DomainException("score.value.out-of-range", criterion.Name, criterion.ScaleMin, criterion.ScaleMax);
            }

            // Whole numbers unless the category's rules declare another step (0.5, 0.25, 0.1, or 2, 5, …).
            var step = declared?.FindCriterion(criterion.Id.ToString("D"))?.Step ?? 1m;
            if ((score.Value - criterion.ScaleMin) % step != 0m)
            {
                throw new DomainException("score.value.off-step", criterion.Name, step, criterion.ScaleMin);
            }

            checkedScores.Add(new CriterionScore(criterion.Id, score.Value, Guard.Text(score.Comment, "score.comment", MaxCommentLength, required: false)));
        }

        return checkedScores;
    }
}
