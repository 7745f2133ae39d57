using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Events;

/// <summary>Feeds a live event's scorecards into the pure scoring functions.</summary>
public static class LiveEventResults
{
    public static IReadOnlyList<RubricLine> RubricLines(this LiveEvent liveEvent) =>
        liveEvent.Rubric.Select(c => new RubricLine(c.Id, c.Weight, c.ScaleMin, c.ScaleMax)).ToList();

    /// <summary>
    /// The scorecards that count in a category's results in a round (default: the current one): the round's panel's
    /// scorecards for the round's teams, without conflicted judges (declared or by school). With several performances
    /// a judge's card for a team counts once every performance is scored, with the mean value per criterion
    /// (<see cref="LiveEvent.ScorecardOf"/>): what the consistency check, readiness and the feedback cards compare; the
    /// ranking uses <see cref="MarksOf"/>.
    /// </summary>
    public static IReadOnlyList<JudgeScore> CountedScores(this LiveEvent liveEvent, Guid categoryId, Guid? roundId = null)
    {
        var round = roundId ?? liveEvent.RoundOf(categoryId);
        var performances = liveEvent.PerformancesOf(categoryId, round);
        return liveEvent.CountedCards(categoryId, round)
            .Where(s => s.Performance == performances[0])
            .Select(s => performances.Count == 1 ? s : liveEvent.ScorecardOf(s.JudgeId, s.TeamId, round))
            .OfType<Scorecard>()
            .Select(s => new JudgeScore(s.JudgeId, s.TeamId, s.Scores.ToDictionary(v => v.CriterionId, v => v.Value)))
            .ToList();
    }

    /// <summary>The counted scorecards of every performance of the round (see <see cref="CountedScores"/>), in journal order.</summary>
    private static IEnumerable<Scorecard> CountedCards(this LiveEvent liveEvent, Guid categoryId, Guid round)
    {
        var teams = liveEvent.TeamsInRound(categoryId, round).Select(t => t.Id).ToHashSet();
        var panel = liveEvent.PanelOf(categoryId, round).Select(j => j.Id).ToHashSet();
        var performances = liveEvent.PerformancesOf(categoryId, round).ToHashSet(StringComparer.Ordinal);
        return liveEvent.Scorecards
            .Where(s => s.RoundId == round && teams.Contains(s.TeamId) && panel.Contains(s.JudgeId) && performances.Contains(s.Performance)
                && !liveEvent.IsConflicted(s.JudgeId, s.TeamId));
    }

    /// <summary>The category's ranking in a round (default: the current one) with the event's aggregation (or the one given) and tie-break rules.</summary>
    public static IReadOnlyList<TeamResult> Results(this LiveEvent liveEvent, Guid categoryId, AggregationMethod? method = null, Guid? roundId = null)
    {
        var teams = liveEvent.TeamsInRound(categoryId, roundId).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Id).ToList();
        return Ranking.Rank(liveEvent.RubricLines(), teams, liveEvent.CountedScores(categoryId, roundId), method ?? liveEvent.Aggregation, liveEvent.TieBreaks);
    }

    /// <summary>True when the category (in the round, default: the current one) has declared rules of its own (otherwise it follows the event's method).</summary>
    public static bool HasDeclaredRules(this LiveEvent liveEvent, Guid categoryId, Guid? roundId = null) =>
        liveEvent.DeclaredRulesOf(categoryId, roundId ?? liveEvent.RoundOf(categoryId)) is not null;

    /// <summary>The rules declared for the round, else for the category, else null.</summary>
    public static ScoringRules? DeclaredRulesOf(this LiveEvent liveEvent, Guid categoryId, Guid roundId) =>
        liveEvent.Judging.RoundRules.GetValueOrDefault((categoryId, roundId)) ?? liveEvent.Judging.CategoryRules.GetValueOrDefault(categoryId);

    /// <summary>True when the round has rules of its own (not just the category's).</summary>
    public static bool HasRoundRules(this LiveEvent liveEvent, Guid categoryId, Guid roundId) => liveEvent.Judging.RoundRules.ContainsKey((categoryId, roundId));

    /// <summary>
    /// The rules a category is ranked with: its declared rules, with the criteria taken from today's rubric (ranges and
    /// weights; a criterion added since keeps step 1, tie-breaks on a removed one are left out), or without declared
    /// rules the event's method and tie-breaks (<see cref="RulesPresets.FromRubric"/>).
    /// </summary>
    public static ScoringRules RulesOf(this LiveEvent liveEvent, Guid categoryId, Guid? roundId = null)
    {
        var rubric = liveEvent.RubricLines();
        if (liveEvent.DeclaredRulesOf(categoryId, roundId ?? liveEvent.RoundOf(categoryId)) is not { } declared)
        {
            return RulesPresets.FromRubric(rubric, liveEvent.Aggregation, liveEvent.TieBreaks);
        }

        if (declared.IsRanked)
        {
            // A ballot has no criteria: the rubric does not apply to a ranked category.
            return declared;
        }

        var criteria = rubric
            .Select(l => new RulesCriterion(l.CriterionId.ToString("D"), l.Min, l.Max, declared.FindCriterion(l.CriterionId.ToString("D"))?.Step ?? 1m, l.Weight))
            .ToList();
        var tieBreaks = declared.TieBreaks
            .Where(t => t.Kind != RulesTieBreakKind.Criterion || criteria.Exists(c => c.Id == t.Target))
            .ToList();
        return declared with { Criteria = criteria, TieBreaks = tieBreaks };
    }

    /// <summary>The category's teams in a round (default: the current one) as the rules engine knows them: ids in "D" format, ordered by name.</summary>
    public static IReadOnlyList<string> EngineTeams(this LiveEvent liveEvent, Guid categoryId, Guid? roundId = null) =>
        liveEvent.TeamsInRound(categoryId, roundId).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Id.ToString("D")).ToList();

    /// <summary>
    /// The counted scorecards of a category in a round (default: the current one) as marks (team, judge and criterion
    /// ids in "D" format), with several performances one mark per performance with the team's factor for it (none
    /// set: empty, i.e. 1). With declared panels each judge's marks carry their panel (<see cref="LiveEvent.JudgePanelOf"/>)
    /// and each audience-vote panel adds the class ballots of its linked poll (<see cref="LiveEvent.VotesMarksOf"/>).
    /// </summary>
    public static IReadOnlyList<Mark> MarksOf(this LiveEvent liveEvent, Guid categoryId, Guid? roundId = null)
    {
        var round = roundId ?? liveEvent.RoundOf(categoryId);
        var marks = liveEvent.JudgesMarksOf(categoryId, round);
        if (liveEvent.DeclaredRulesOf(categoryId, round)?.Panels is not { } panels)
        {
            return marks;
        }

        var panelOf = new Dictionary<string, string>(StringComparer.Ordinal);
        string PanelOf(string judge) =>
            panelOf.TryGetValue(judge, out var panel) ? panel : panelOf[judge] = liveEvent.JudgePanelOf(Guid.Parse(judge), round);
        return
        [
            .. marks.Select(m => m with { Panel = PanelOf(m.Judge) }),
            .. panels.List.Where(p => p.Votes).SelectMany(p => liveEvent.VotesMarksOf(categoryId, round, p.Id)),
        ];
    }

    private static IReadOnlyList<Mark> JudgesMarksOf(this LiveEvent liveEvent, Guid categoryId, Guid round)
    {
        if (liveEvent.IsRankedCategory(categoryId, round))
        {
            return liveEvent.BallotMarks(categoryId, round);
        }

        if (liveEvent.PerformancesOf(categoryId, round).Count == 1)
        {
            return ScorecardMarks.From(liveEvent.RubricLines(), [.. liveEvent.EngineTeams(categoryId, round).Select(Guid.Parse)], liveEvent.CountedScores(categoryId, round));
        }

        var marks = new List<Mark>();
        foreach (var card in liveEvent.CountedCards(categoryId, round))
        {
            var factor = liveEvent.FactorOf(card.TeamId, card.Performance, round);
            foreach (var criterion in liveEvent.Rubric)
            {
                if (card.Scores.FirstOrDefault(s => s.CriterionId == criterion.Id) is { } score)
                {
                    marks.Add(new Mark(card.TeamId.ToString("D"), card.JudgeId.ToString("D"), criterion.Id.ToString("D"), score.Value, card.Performance, factor));
                }
            }
        }

        return marks.AsReadOnly();
    }

    /// <summary>
    /// The counted ballots of a ranked category in a round as marks: one per ranked team, criterion empty, value = the
    /// rank (<see cref="LiveEvent.CountedRankingOf"/>: conflicted teams taken out, ranks closed up), by the round's
    /// panel only, in journal order.
    /// </summary>
    private static IReadOnlyList<Mark> BallotMarks(this LiveEvent liveEvent, Guid categoryId, Guid round)
    {
        var panel = liveEvent.PanelOf(categoryId, round).Select(j => j.Id).ToHashSet();
        var marks = new List<Mark>();
        foreach (var ballot in liveEvent.Judging.Ballots.Where(b => b.RoundId == round && b.CategoryId == categoryId && panel.Contains(b.JudgeId)))
        {
            var ranking = liveEvent.CountedRankingOf(ballot);
            for (var i = 0; i < ranking.Count; i++)
            {
                marks.Add(new Mark(ranking[i].ToString("D"), ballot.JudgeId.ToString("D"), string.Empty, i + 1));
            }
        }

        return marks.AsReadOnly();
    }

    /// <summary>The category's ranking in a round (default: the current one) by the rules engine with <see cref="RulesOf"/>, with the explanation trail per team.</summary>
    public static RulesResult Standings(this LiveEvent liveEvent, Guid categoryId, Guid? roundId = null) =>
        RulesEngine.Compute(liveEvent.RulesOf(categoryId, roundId), liveEvent.MarksOf(categoryId, roundId), liveEvent.EngineTeams(categoryId, roundId));

    public static ConsistencyReport ConsistencyOf(this LiveEvent liveEvent, Guid categoryId, double threshold = 1.5, Guid? roundId = null) =>
        Consistency.Analyse(liveEvent.RubricLines(), liveEvent.CountedScores(categoryId, roundId), threshold);
}
