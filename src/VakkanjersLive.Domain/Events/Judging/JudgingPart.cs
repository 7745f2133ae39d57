using System.Collections.Immutable;
using System.Globalization;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Events;

/// <summary>The jury's work: judging open or closed per team, scorecards, conflicts, locked rounds, rules, awards.</summary>
public sealed partial record JudgingPart
{
    public static JudgingPart Empty { get; } = new();

    /// <summary>Judging per team (a team missing here was never opened).</summary>
    public ImmutableDictionary<Guid, JudgingState> States { get; private init; } = ImmutableDictionary<Guid, JudgingState>.Empty;

    /// <summary>Current scorecards (the latest revision per round, judge and team).</summary>
    public ImmutableList<Scorecard> Scorecards { get; private init; } = [];

    /// <summary>Current ranked ballots (the latest revision per round and judge).</summary>
    public ImmutableList<Ballot> Ballots { get; private init; } = [];

    public ImmutableList<DeclaredConflict> DeclaredConflicts { get; private init; } = [];

    public ImmutableHashSet<Guid> LockedRounds { get; private init; } = [];

    /// <summary>Categories signed off per round (the whole round's lock is <see cref="LockedRounds"/>).</summary>
    public ImmutableHashSet<(Guid Round, Guid Category)> LockedCategories { get; private init; } = [];

    /// <summary>Outliers a moderator accepted, per scorecard revision.</summary>
    public ImmutableHashSet<(Guid Round, Guid Judge, Guid Team, int Revision)> AcknowledgedOutliers { get; private init; } = [];

    /// <summary>The configured minimum of counted scorecards per team, per category (absent: every judge not conflicted).</summary>
    public ImmutableDictionary<Guid, int> MinimumScorecards { get; private init; } = ImmutableDictionary<Guid, int>.Empty;

    /// <summary>Whether a moderator chose the official method (<see cref="MethodChosen"/>), not just the default.</summary>
    public bool IsMethodChosen { get; private init; }

    public AggregationMethod Aggregation { get; private init; } = AggregationMethod.WeightedMean;

    public ImmutableList<TieBreakRule> TieBreaks { get; private init; } = [];

    public ImmutableList<Award> Awards { get; private init; } = [];

    /// <summary>Factors (degree of difficulty) per round, team and performance; absent: 1.</summary>
    public ImmutableDictionary<(Guid Round, Guid Team, string Performance), decimal> Factors { get; private init; } =
        ImmutableDictionary<(Guid Round, Guid Team, string Performance), decimal>.Empty;

    /// <summary>Declared rules per category; a category missing here uses the event's method and tie-breaks.</summary>
    public ImmutableDictionary<Guid, ScoringRules> CategoryRules { get; private init; } = ImmutableDictionary<Guid, ScoringRules>.Empty;

    /// <summary>Declared rules of one round of a category (before <see cref="CategoryRules"/>).</summary>
    public ImmutableDictionary<(Guid Category, Guid Round), ScoringRules> RoundRules { get; private init; } = ImmutableDictionary<(Guid Category, Guid Round), ScoringRules>.Empty;

    /// <summary>Declared rounds per category, in order; a category missing here has one implicit round.</summary>
    public ImmutableDictionary<Guid, ImmutableList<CategoryRound>> CategoryRounds { get; private init; } = ImmutableDictionary<Guid, ImmutableList<CategoryRound>>.Empty;

    /// <summary>The round a category judges in once a later round started (absent: its first round).</summary>
    public ImmutableDictionary<Guid, Guid> StartedRounds { get; private init; } = ImmutableDictionary<Guid, Guid>.Empty;

    /// <summary>The teams of each started later round (the first round has every team of the category).</summary>
    public ImmutableDictionary<Guid, ImmutableList<Guid>> Lineups { get; private init; } = ImmutableDictionary<Guid, ImmutableList<Guid>>.Empty;

    /// <summary>The judges of a round of a category (absent: every judge of the category).</summary>
    public ImmutableDictionary<(Guid Category, Guid Round), ImmutableList<Guid>> RoundPanels { get; private init; } = ImmutableDictionary<(Guid Category, Guid Round), ImmutableList<Guid>>.Empty;

    /// <summary>Rounds whose results were frozen for a real reveal before the next round started: their rules are final.</summary>
    public ImmutableHashSet<(Guid Category, Guid Round)> FrozenRounds { get; private init; } = [];

    /// <summary>A round that ended with its results frozen (a cross-part rule: the show's reveal moves on to the next round).</summary>
    internal JudgingPart Frozen(Guid categoryId, Guid roundId) => this with { FrozenRounds = FrozenRounds.Add((categoryId, roundId)) };

    /// <summary>A withdrawn team loses its awards (a cross-part rule: the roster withdraws it).</summary>
    internal JudgingPart WithoutTeam(Guid teamId) => this with { Awards = Awards.RemoveAll(a => a.TeamId == teamId) };

    /// <summary>A team called on stage: its judging opens, and the listed earlier teams' judging closes (a cross-part rule).</summary>
    internal JudgingPart Called(Guid teamId, IEnumerable<Guid> closed) =>
        this with { States = closed.Aggregate(States.SetItem(teamId, JudgingState.Open), (states, t) => states.SetItem(t, JudgingState.Closed)) };

    /// <summary>Every judging fact is on the judging audit trail (the audit CSV); none holds viewer data.</summary>
    internal static void Register(PartRegistration<JudgingPart> part) => RegisterPanels(part)
        .On<JudgingOpened>(
            (j, e, _) => j with { States = j.States.SetItem(e.TeamId, JudgingState.Open) },
            FactPrivacy.NoPersonalData,
            new Logged<JudgingOpened>((s, e) => new AuditLine(AuditTrail.Judging, "judging opened") { Team = s.FindTeam(e.TeamId)?.Name }))
        .On<JudgingClosed>(
            (j, e, _) => j with { States = j.States.SetItem(e.TeamId, JudgingState.Closed) },
            FactPrivacy.NoPersonalData,
            new Logged<JudgingClosed>((s, e) => new AuditLine(AuditTrail.Judging, "judging closed") { Team = s.FindTeam(e.TeamId)?.Name }))
        .On<ScoreSubmitted>(
            (j, e, _) => j with
            {
                Scorecards = j.Scorecards
                    .RemoveAll(s => s.RoundId == e.RoundId && s.JudgeId == e.JudgeId && s.TeamId == e.TeamId && s.Performance == e.Performance)
                    .Add(new Scorecard(e.RoundId, e.JudgeId, e.TeamId, e.Scores, e.Comment, e.Late, (j.Find(e.JudgeId, e.TeamId, e.RoundId, e.Performance)?.Revision ?? 0) + 1, e.Performance)),
            },
            FactPrivacy.NoPersonalData,
            new Logged<ScoreSubmitted>((s, e) => new AuditLine(AuditTrail.Judging, (e.IsCorrection ? "score corrected" : "score submitted") + (e.FromPaper ? " from paper" : string.Empty))
            {
                Judge = s.FindJudge(e.JudgeId)?.Name,
                Team = s.FindTeam(e.TeamId)?.Name,
                Values = (e.Performance.Length > 0 ? $"performance {e.Performance}: " : string.Empty)
                    + string.Join(", ", e.Scores.Select(v => $"{s.FindCriterion(v.CriterionId)?.Name}={v.Value.ToString(CultureInfo.InvariantCulture)}")),
                Reason = e.Reason,
                Late = e.Late,
                Comment = e.Comment,
                ScoreKey = (e.RoundId, e.JudgeId, e.TeamId, e.Performance),
            }))
        .On<RankingSubmitted>(
            (j, e, _) => j with
            {
                Ballots = j.Ballots
                    .RemoveAll(b => b.RoundId == e.RoundId && b.JudgeId == e.JudgeId)
                    .Add(new Ballot(e.RoundId, e.JudgeId, e.CategoryId, e.TeamIds, e.Comment, (j.Ballots.Find(b => b.RoundId == e.RoundId && b.JudgeId == e.JudgeId)?.Revision ?? 0) + 1, e.FromPaper)),
            },
            FactPrivacy.NoPersonalData,
            new Logged<RankingSubmitted>((s, e) => new AuditLine(AuditTrail.Judging, (e.IsCorrection ? "ranking corrected" : "ranking submitted") + (e.FromPaper ? " from paper" : string.Empty))
            {
                Judge = s.FindJudge(e.JudgeId)?.Name,
                Values = $"{s.FindCategory(e.CategoryId)?.Name}: "
                    + string.Join(", ", e.TeamIds.Select((t, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {s.FindTeam(t)?.Name}")),
                Reason = e.Reason,
                Comment = e.Comment,
            }))
        .On<PerformanceFactorSet>(
            (j, e, _) => j with
            {
                Factors = e.Factor is { } f ? j.Factors.SetItem((e.RoundId, e.TeamId, e.Performance), f) : j.Factors.Remove((e.RoundId, e.TeamId, e.Performance)),
            },
            FactPrivacy.NoPersonalData,
            new Logged<PerformanceFactorSet>((s, e) => new AuditLine(AuditTrail.Judging, "performance factor set")
            {
                Team = s.FindTeam(e.TeamId)?.Name,
                Values = $"performance {e.Performance}: {(e.Factor is { } f ? f.ToString(CultureInfo.InvariantCulture) : "1 (reset)")}",
            }))
        .On<ConflictDeclared>(
            (j, e, _) => j with { DeclaredConflicts = j.DeclaredConflicts.Add(new DeclaredConflict(e.JudgeId, e.TeamId, e.Reason)) },
            FactPrivacy.NoPersonalData,
            new Logged<ConflictDeclared>((s, e) => new AuditLine(AuditTrail.Judging, "conflict declared")
            {
                Judge = s.FindJudge(e.JudgeId)?.Name,
                Team = s.FindTeam(e.TeamId)?.Name,
                Reason = e.Reason,
            }))
        .On<RoundLocked>(
            (j, e, _) => j with { LockedRounds = j.LockedRounds.Add(e.RoundId) },
            FactPrivacy.NoPersonalData,
            new Logged<RoundLocked>((_, _) => new AuditLine(AuditTrail.Judging, "round locked")))
        .On<CategoryLocked>(
            (j, e, _) => j with { LockedCategories = j.LockedCategories.Add((e.RoundId, e.CategoryId)) },
            FactPrivacy.NoPersonalData,
            new Logged<CategoryLocked>((s, e) => new AuditLine(AuditTrail.Judging, "category locked") { Values = s.FindCategory(e.CategoryId)?.Name }))
        .On<CategoryUnlocked>(
            (j, e, _) => j with { LockedCategories = j.LockedCategories.Remove((e.RoundId, e.CategoryId)) },
            FactPrivacy.NoPersonalData,
            new Logged<CategoryUnlocked>((s, e) => new AuditLine(AuditTrail.Judging, "category unlocked") { Values = s.FindCategory(e.CategoryId)?.Name }))
        .On<OutlierAcknowledged>(
            (j, e, _) => j with { AcknowledgedOutliers = j.AcknowledgedOutliers.Add((e.RoundId, e.JudgeId, e.TeamId, e.Revision)) },
            FactPrivacy.NoPersonalData,
            new Logged<OutlierAcknowledged>((s, e) => new AuditLine(AuditTrail.Judging, "outlier acknowledged")
            {
                Judge = s.FindJudge(e.JudgeId)?.Name,
                Team = s.FindTeam(e.TeamId)?.Name,
                Values = $"revision {e.Revision.ToString(CultureInfo.InvariantCulture)}",
                Reason = e.Reason,
            }))
        .On<MinimumScorecardsSet>(
            (j, e, _) => j with { MinimumScorecards = e.Minimum is { } m ? j.MinimumScorecards.SetItem(e.CategoryId, m) : j.MinimumScorecards.Remove(e.CategoryId) },
            FactPrivacy.NoPersonalData,
            new Logged<MinimumScorecardsSet>((s, e) => new AuditLine(AuditTrail.Judging, "minimum scorecards set")
            {
                Values = $"{s.FindCategory(e.CategoryId)?.Name}: {(e.Minimum is { } m ? m.ToString(CultureInfo.InvariantCulture) : "every judge")}",
            }))
        .On<MethodChosen>(
            (j, e, _) => j with { Aggregation = e.Method, IsMethodChosen = true },
            FactPrivacy.NoPersonalData,
            new Logged<MethodChosen>((_, e) => new AuditLine(AuditTrail.Judging, "official method chosen") { Values = e.Method.ToString() }))
        .On<ScoringRulesSet>(
            (j, e, _) => j with { Aggregation = e.Method, TieBreaks = [.. e.TieBreaks] },
            FactPrivacy.NoPersonalData,
            new Logged<ScoringRulesSet>((_, e) => new AuditLine(AuditTrail.Judging, "scoring rules set")
            {
                Values = $"{e.Method}; {string.Join(", ", e.TieBreaks.Select(t => t.Kind))}",
            }))
        .On<CategoryRulesDeclared>(
            (j, e, _) => e.RoundId is { } round
                ? j with { RoundRules = e.Rules.Length == 0 ? j.RoundRules.Remove((e.CategoryId, round)) : j.RoundRules.SetItem((e.CategoryId, round), RulesJson.Read(e.Rules)) }
                : j with { CategoryRules = e.Rules.Length == 0 ? j.CategoryRules.Remove(e.CategoryId) : j.CategoryRules.SetItem(e.CategoryId, RulesJson.Read(e.Rules)) },
            FactPrivacy.NoPersonalData,
            new Logged<CategoryRulesDeclared>((s, e) => new AuditLine(AuditTrail.Judging, e.Rules.Length == 0 ? "category rules reset" : "category rules declared")
            {
                Values = $"{s.FindCategory(e.CategoryId)?.Name}{(e.RoundId is { } r ? $" ({s.RoundNameOf(e.CategoryId, r)})" : string.Empty)}: {(e.Rules.Length == 0 ? "default" : RulesSummary.Of(RulesJson.Read(e.Rules)))}",
            }))
        .On<CategoryRoundsDeclared>(
            (j, e, _) => j with { CategoryRounds = e.Rounds.Count == 0 ? j.CategoryRounds.Remove(e.CategoryId) : j.CategoryRounds.SetItem(e.CategoryId, [.. e.Rounds]) },
            FactPrivacy.NoPersonalData,
            new Logged<CategoryRoundsDeclared>((s, e) => new AuditLine(AuditTrail.Judging, "category rounds declared")
            {
                Values = $"{s.FindCategory(e.CategoryId)?.Name}: {(e.Rounds.Count == 0 ? "one round" : string.Join(" → ", e.Rounds.Select(r => r.Name)))}",
            }))
        .On<RoundPanelSet>(
            (j, e, _) => j with
            {
                RoundPanels = e.JudgeIds.Count == 0 ? j.RoundPanels.Remove((e.CategoryId, e.RoundId)) : j.RoundPanels.SetItem((e.CategoryId, e.RoundId), [.. e.JudgeIds]),
            },
            FactPrivacy.NoPersonalData,
            new Logged<RoundPanelSet>((s, e) => new AuditLine(AuditTrail.Judging, "round panel set")
            {
                Values = $"{s.FindCategory(e.CategoryId)?.Name} ({s.RoundNameOf(e.CategoryId, e.RoundId)}): "
                    + (e.JudgeIds.Count == 0 ? "every judge" : string.Join(", ", e.JudgeIds.Select(id => s.FindJudge(id)?.Name))),
            }))
        .On<CategoryRoundStarted>(
            (j, e, _) => j with
            {
                StartedRounds = j.StartedRounds.SetItem(e.CategoryId, e.RoundId),
                Lineups = j.Lineups.SetItem(e.RoundId, [.. e.TeamIds]),

                // Judging opens afresh in the new round: open/closed belonged to the round before.
                States = j.States.RemoveRange(e.TeamIds),
            },
            FactPrivacy.NoPersonalData,
            new Logged<CategoryRoundStarted>((s, e) => new AuditLine(AuditTrail.Judging, "teams advanced")
            {
                Values = $"{s.FindCategory(e.CategoryId)?.Name}: {s.RoundNameOf(e.CategoryId, e.FromRoundId)} → {s.RoundNameOf(e.CategoryId, e.RoundId)}, "
                    + $"top {e.Top.ToString(CultureInfo.InvariantCulture)}{(e.TiesIncluded ? " with the teams tied at the cut-off" : string.Empty)}: "
                    + string.Join(", ", e.TeamIds.Select(t => s.FindTeam(t)?.Name)),
            }))
        .On<AwardGranted>(
            (j, e, _) => j with { Awards = j.Awards.Add(new Award(e.AwardId, e.CategoryId, e.TeamId, e.Kind, e.Title)) },
            FactPrivacy.NoPersonalData,
            new Logged<AwardGranted>((s, e) => new AuditLine(AuditTrail.Judging, "award granted")
            {
                Team = s.FindTeam(e.TeamId)?.Name,
                Values = e.Kind == AwardKind.SpecialMention ? e.Title : e.Kind.ToString(),
            }))
        .On<AwardWithdrawn>(
            (j, e, _) => j with { Awards = j.Awards.RemoveAll(a => a.Id == e.AwardId) },
            FactPrivacy.NoPersonalData,
            new Logged<AwardWithdrawn>((_, _) => new AuditLine(AuditTrail.Judging, "award withdrawn")));

    private Scorecard? Find(Guid judgeId, Guid teamId, Guid roundId, string performance) =>
        Scorecards.Find(s => s.RoundId == roundId && s.JudgeId == judgeId && s.TeamId == teamId && s.Performance == performance);
}
