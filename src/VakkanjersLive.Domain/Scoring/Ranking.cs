using System.Collections.ObjectModel;

namespace VakkanjersLive.Domain.Scoring;

/// <summary>
/// Turns the jury's scorecards into the final standings. Pure: the same rubric, teams and scorecards always give the
/// same ranking, so a result can be recomputed and audited at any time. See <c>docs/scoring.md</c>.
/// </summary>
public static class Ranking
{
    /// <summary>
    /// Aggregates every team's scorecards with the chosen method and ranks them (highest first), applying the
    /// tie-break rules in order.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Only scorecards that exist count: a judge who was absent or conflicted has no scorecard and is not counted as
    /// zero. Scorecards for teams not in <paramref name="teamIds"/> are ignored completely — they take no part in the
    /// aggregation, in the judges' z-score statistics or in the first-place counts.
    /// </para>
    /// <para>
    /// Scores within 1e-9 of each other are equal. Equal teams go through <paramref name="tieBreaks"/> in order; a rule
    /// that does not separate them hands the tie to the next rule. Teams still tied after all rules share the rank
    /// (1, 2, 2, 4), have <see cref="TeamResult.SharedRank"/> set and are listed in <paramref name="teamIds"/> order.
    /// </para>
    /// <para>Teams without scorecards come last, in <paramref name="teamIds"/> order, with Rank and Score null.</para>
    /// </remarks>
    /// <returns>One result per team in <paramref name="teamIds"/>, in ranking order.</returns>
    /// <exception cref="ArgumentException">
    /// Invalid rubric or scorecard (see <see cref="ScoreMath.Total"/>), a team listed twice, two scorecards of one judge
    /// for one team, or a <see cref="TieBreakKind.HighestCriterion"/> rule without a rubric criterion.
    /// </exception>
    public static IReadOnlyList<TeamResult> Rank(
        IReadOnlyList<RubricLine> rubric,
        IReadOnlyList<Guid> teamIds,
        IReadOnlyList<JudgeScore> scores,
        AggregationMethod method,
        IReadOnlyList<TieBreakRule> tieBreaks)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(tieBreaks);
        ScoreMath.ValidateRubric(rubric);
        ValidateTieBreaks(rubric, tieBreaks);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown aggregation method.");
        }

        var teamIndex = new Dictionary<Guid, int>();
        for (var i = 0; i < teamIds.Count; i++)
        {
            if (!teamIndex.TryAdd(teamIds[i], i))
            {
                throw new ArgumentException($"Team {teamIds[i]} is listed twice.", nameof(teamIds));
            }
        }

        // Scorecards of unknown teams are dropped before anything is computed from them.
        var relevant = new List<JudgeScore>();
        foreach (var score in scores)
        {
            ArgumentNullException.ThrowIfNull(score, nameof(scores));
            if (teamIndex.ContainsKey(score.TeamId))
            {
                relevant.Add(score);
            }
        }

        var cards = ScoredCard.Score(rubric, relevant);
        var perTeam = new List<ScoredCard>[teamIds.Count];
        for (var i = 0; i < perTeam.Length; i++)
        {
            perTeam[i] = [];
        }

        foreach (var card in cards)
        {
            perTeam[teamIndex[card.Card.TeamId]].Add(card);
        }

        var teamScores = Aggregate(method, cards, perTeam);
        var criterionMeans = new IReadOnlyDictionary<Guid, double>[teamIds.Count];
        for (var i = 0; i < teamIds.Count; i++)
        {
            criterionMeans[i] = CriterionMeans(rubric, perTeam[i]);
        }

        var firstPlaces = FirstPlaces(cards, teamIndex, teamIds.Count);

        var scored = new List<int>();
        var unscored = new List<int>();
        for (var i = 0; i < teamIds.Count; i++)
        {
            if (teamScores[i] is null)
            {
                unscored.Add(i);
            }
            else
            {
                scored.Add(i);
            }
        }

        double ScoreOf(int team) => teamScores[team]!.Value;
        double KeyOf(TieBreakRule rule, int team) => rule.Kind switch
        {
            TieBreakKind.HighestCriterion => criterionMeans[team][rule.CriterionId!.Value],
            _ => firstPlaces[team],
        };

        // Highest score first; split into groups of equal score; let the tie-breaks split each group further.
        var finalGroups = new List<List<int>>();
        foreach (var equalScore in SplitDescending(scored, ScoreOf))
        {
            Separate(equalScore, 0, tieBreaks, KeyOf, finalGroups);
        }

        var results = new List<TeamResult>(teamIds.Count);
        var position = 0;
        foreach (var group in finalGroups)
        {
            var rank = position + 1;
            foreach (var team in group)
            {
                results.Add(new TeamResult(
                    teamIds[team], rank, teamScores[team], perTeam[team].Count, criterionMeans[team], group.Count > 1));
            }

            position += group.Count;
        }

        foreach (var team in unscored)
        {
            results.Add(new TeamResult(
                teamIds[team], null, null, 0, ReadOnlyDictionary<Guid, double>.Empty, false));
        }

        return results.AsReadOnly();
    }

    private static void ValidateTieBreaks(IReadOnlyList<RubricLine> rubric, IReadOnlyList<TieBreakRule> tieBreaks)
    {
        foreach (var rule in tieBreaks)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(tieBreaks));
            switch (rule.Kind)
            {
                case TieBreakKind.HighestCriterion:
                    var known = false;
                    foreach (var line in rubric)
                    {
                        known |= line.CriterionId == rule.CriterionId;
                    }

                    if (!known)
                    {
                        throw new ArgumentException(
                            "A HighestCriterion tie-break needs the id of a criterion in the rubric.", nameof(tieBreaks));
                    }

                    break;
                case TieBreakKind.MostFirstPlaces:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(tieBreaks), rule.Kind, "Unknown tie-break kind.");
            }
        }
    }

    /// <summary>The team scores (null for a team without scorecards) under the chosen method.</summary>
    private static double?[] Aggregate(AggregationMethod method, List<ScoredCard> cards, List<ScoredCard>[] perTeam)
    {
        var scores = new double?[perTeam.Length];
        if (method == AggregationMethod.ZScoreNormalised)
        {
            ZScoreNormalised(cards, perTeam, scores);
            return scores;
        }

        for (var i = 0; i < perTeam.Length; i++)
        {
            if (perTeam[i].Count == 0)
            {
                continue;
            }

            var totals = TotalsOf(perTeam[i]);
            scores[i] = method switch
            {
                AggregationMethod.WeightedMean => ScoreMath.Mean(totals),
                AggregationMethod.TrimmedMean => ScoreMath.TrimmedMean(totals),
                AggregationMethod.Median => ScoreMath.Median(totals),
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown aggregation method."),
            };
        }

        return scores;
    }

    /// <summary>
    /// z_card = (total - mu_j) / sigma_j per judge j (0 when sigma_j is 0: such a judge expresses no preference);
    /// team z = mean of its z values; score = mu_all + z_team * sigma_all, clamped to [0, 100].
    /// </summary>
    private static void ZScoreNormalised(List<ScoredCard> cards, List<ScoredCard>[] perTeam, double?[] scores)
    {
        var totalsByJudge = new Dictionary<Guid, List<double>>();
        foreach (var card in cards)
        {
            if (!totalsByJudge.TryGetValue(card.Card.JudgeId, out var totals))
            {
                totals = [];
                totalsByJudge.Add(card.Card.JudgeId, totals);
            }

            totals.Add(card.Total);
        }

        var judgeMean = new Dictionary<Guid, double>();
        var judgeDeviation = new Dictionary<Guid, double>();
        foreach (var (judgeId, totals) in totalsByJudge)
        {
            judgeMean[judgeId] = ScoreMath.Mean(totals);
            judgeDeviation[judgeId] = ScoreMath.StandardDeviation(totals);
        }

        var allTotals = TotalsOf(cards);
        if (allTotals.Count == 0)
        {
            return;
        }

        var meanAll = ScoreMath.Mean(allTotals);
        var deviationAll = ScoreMath.StandardDeviation(allTotals);

        for (var i = 0; i < perTeam.Length; i++)
        {
            if (perTeam[i].Count == 0)
            {
                continue;
            }

            var zValues = new List<double>(perTeam[i].Count);
            foreach (var card in perTeam[i])
            {
                var sigma = judgeDeviation[card.Card.JudgeId];
                zValues.Add(sigma <= ScoreMath.Tolerance ? 0.0 : (card.Total - judgeMean[card.Card.JudgeId]) / sigma);
            }

            var teamZ = ScoreMath.Mean(zValues);
            scores[i] = Math.Clamp(meanAll + (teamZ * deviationAll), 0.0, 100.0);
        }
    }

    /// <summary>Mean raw value per rubric criterion over the team's scorecards (empty without scorecards).</summary>
    private static IReadOnlyDictionary<Guid, double> CriterionMeans(IReadOnlyList<RubricLine> rubric, List<ScoredCard> cards)
    {
        if (cards.Count == 0)
        {
            return ReadOnlyDictionary<Guid, double>.Empty;
        }

        var means = new Dictionary<Guid, double>();
        foreach (var line in rubric)
        {
            var sum = 0.0;
            foreach (var card in cards)
            {
                sum += (double)card.Card.Values[line.CriterionId];
            }

            means[line.CriterionId] = sum / cards.Count;
        }

        return means.AsReadOnly();
    }

    /// <summary>
    /// Per team: how many judges ranked it first among all the teams that judge scored. A judge's equal highest totals
    /// share first place, so each of those teams gets the judge's first place.
    /// </summary>
    private static int[] FirstPlaces(List<ScoredCard> cards, Dictionary<Guid, int> teamIndex, int teamCount)
    {
        var best = new Dictionary<Guid, double>();
        foreach (var card in cards)
        {
            var judgeId = card.Card.JudgeId;
            if (!best.TryGetValue(judgeId, out var highest) || card.Total > highest)
            {
                best[judgeId] = card.Total;
            }
        }

        var firstPlaces = new int[teamCount];
        foreach (var card in cards)
        {
            if (ScoreMath.AreEqual(card.Total, best[card.Card.JudgeId]))
            {
                firstPlaces[teamIndex[card.Card.TeamId]]++;
            }
        }

        return firstPlaces;
    }

    /// <summary>
    /// Applies the tie-break rules from <paramref name="ruleIndex"/> on to a group of equal teams and appends the
    /// groups that remain tied after the last rule (single teams are groups of one).
    /// </summary>
    private static void Separate(
        List<int> tied,
        int ruleIndex,
        IReadOnlyList<TieBreakRule> rules,
        Func<TieBreakRule, int, double> keyOf,
        List<List<int>> finalGroups)
    {
        if (tied.Count == 1 || ruleIndex == rules.Count)
        {
            finalGroups.Add(tied);
            return;
        }

        var rule = rules[ruleIndex];
        foreach (var stillTied in SplitDescending(tied, team => keyOf(rule, team)))
        {
            Separate(stillTied, ruleIndex + 1, rules, keyOf, finalGroups);
        }
    }

    /// <summary>
    /// Orders teams by key, highest first, and cuts them into runs whose keys equal the run's first key (within the
    /// tolerance). Each run is returned in team-list order, so fully tied teams keep the order of the team list.
    /// </summary>
    private static List<List<int>> SplitDescending(List<int> teams, Func<int, double> key)
    {
        var ordered = new List<int>(teams);
        ordered.Sort((a, b) =>
        {
            var byKey = key(b).CompareTo(key(a));
            return byKey != 0 ? byKey : a.CompareTo(b);
        });

        var runs = new List<List<int>>();
        foreach (var team in ordered)
        {
            if (runs.Count > 0 && ScoreMath.AreEqual(key(runs[^1][0]), key(team)))
            {
                runs[^1].Add(team);
            }
            else
            {
                runs.Add([team]);
            }
        }

        foreach (var run in runs)
        {
            run.Sort();
        }

        return runs;
    }

    private static List<double> TotalsOf(List<ScoredCard> cards)
    {
        var totals = new List<double>(cards.Count);
        foreach (var card in cards)
        {
            totals.Add(card.Total);
        }

        return totals;
    }
}
