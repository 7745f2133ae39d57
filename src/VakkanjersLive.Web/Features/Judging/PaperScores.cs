using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Web.Features.Judging;

/// <summary>One refused line of a paper score sheet: a domain code to localise, or a file reader's English reason.</summary>
public sealed record PaperError(int Line, string? Code, IReadOnlyList<object> Arguments, string? Text = null);

/// <summary>
/// One judge's paper scorecard for one team, ready for <see cref="LiveEvent.EnterPaperScore"/>; or, in a ranked
/// category, one judge's paper ballot (<see cref="Ranking"/>: the teams best first, <see cref="TeamId"/> empty), ready
/// for <see cref="LiveEvent.EnterPaperRanking"/>.
/// </summary>
public sealed record PaperCard(int Line, Guid JudgeId, Guid TeamId, IReadOnlyList<CriterionScore> Scores, bool IsCorrection, string Performance = "", IReadOnlyList<Guid>? Ranking = null);

/// <summary>What a paper score sheet would do: every error, or the scorecards to enter (and how many are unchanged).</summary>
public sealed record PaperPlan(IReadOnlyList<PaperError> Errors, IReadOnlyList<PaperCard> Cards, int Unchanged)
{
    public bool CanEnter => Errors.Count == 0 && Cards.Count > 0;
}

/// <summary>
/// Paper score sheets in the long format of the rules model (<see cref="ScoresCsv"/>:
/// <c>team;performance;factor;panel;judge;criterion;value</c>) for one category. Teams, judges and criteria may be
/// given by id (as the <c>scores-long.csv</c> export writes them) or by name (case-insensitive). Every problem is
/// reported with its line; a sheet with any problem enters nothing. Each card is checked by the same decision a
/// judge's tablet goes through, on the state the earlier cards of the sheet leave behind.
/// </summary>
public static class PaperScores
{
    /// <summary>Largest sheet accepted (a category of 40 teams × 7 judges × 6 criteria is about 100 kB with ids).</summary>
    public const int MaxBytes = 512 * 1024;

    public static PaperPlan Plan(LiveEvent e, Guid categoryId, string? text, string correctionReason)
    {
        ArgumentNullException.ThrowIfNull(e);
        ScoresFile file;
        try
        {
            file = ScoresCsv.Read(text ?? string.Empty);
        }
        catch (RulesFileException ex)
        {
            return new PaperPlan([.. ex.Errors.Select(f => new PaperError(f.Line, null, [], (f.Location.Length > 0 ? f.Location + ": " : string.Empty) + f.Reason))], [], 0);
        }

        var teams = e.TeamsInRound(categoryId).ToList();
        var panel = e.PanelOf(categoryId).ToList();
        if (e.IsRankedCategory(categoryId))
        {
            return RankedPlan(e, categoryId, file, teams, panel, correctionReason);
        }

        var errors = new List<PaperError>();
        var marks = new List<(Mark Mark, int Line, Guid Team, Guid Judge, Guid Criterion, decimal Value, string Performance)>();
        for (var i = 0; i < file.Marks.Count; i++)
        {
            var (mark, line) = (file.Marks[i], file.Lines[i]);
            var team = Find(teams, mark.Team, t => t.Id, t => t.Name);
            var judge = Find(panel, mark.Judge, j => j.Id, j => j.Name);
            var criterion = Find(e.Rubric, mark.Criterion, c => c.Id, c => c.Name);
            var before = errors.Count;
            if (team is null)
            {
                errors.Add(new PaperError(line, "paper.team.unknown", [mark.Team]));
            }

            if (judge is null)
            {
                errors.Add(new PaperError(line, "paper.judge.unknown", [mark.Judge]));
            }

            if (criterion is null)
            {
                errors.Add(new PaperError(line, "paper.criterion.unknown", [mark.Criterion]));
            }

            // Factors are set in the console, panels are not on paper; a performance only where the rules declare several.
            if (mark.Factor is not null || mark.Panel.Length > 0 || !e.PerformancesOf(categoryId).Contains(mark.Performance.Trim()))
            {
                errors.Add(new PaperError(line, "paper.columns.unsupported", []));
            }

            if (errors.Count == before)
            {
                var performance = mark.Performance.Trim();
                marks.Add((new Mark(team!.Id.ToString("D"), judge!.Id.ToString("D"), criterion!.Id.ToString("D"), mark.Value, performance, Panel: e.JudgePanelOf(judge.Id)), line, team.Id, judge.Id, criterion.Id, mark.Value, performance));
            }
        }

        // Range, step, a criterion given twice, a card that lacks a criterion: the rules engine's own checks, on the
        // rows read so far (a card with a refused row above would only look incomplete, so that one is left out then).
        var problems = RulesEngine.Check(e.RulesOf(categoryId), [.. marks.Select(m => m.Mark)], e.EngineTeams(categoryId))
            .Where(p => errors.Count == 0 || p.Code != "rules.mark.missing-criterion");
        if (Refused(e, errors, problems, i => marks[i].Line) is { } refused)
        {
            return refused;
        }

        var cards = new List<PaperCard>();
        var unchanged = 0;
        var state = e;
        foreach (var card in marks.GroupBy(m => (m.Judge, m.Team, m.Performance)))
        {
            var line = card.First().Line;
            var scores = card.Select(m => new CriterionScore(m.Criterion, m.Value, string.Empty)).ToList();
            var existing = state.PerformanceCardOf(card.Key.Judge, card.Key.Team, card.Key.Performance);
            if (existing is not null && existing.Scores.Count == scores.Count
                && scores.All(s => existing.Scores.Any(x => x.CriterionId == s.CriterionId && x.Value == s.Value)))
            {
                unchanged++;
                continue;
            }

            try
            {
                var fact = state.EnterPaperScore(card.Key.Judge, card.Key.Team, scores, existing is null ? null : correctionReason, card.Key.Performance);
                state = state.Apply(fact);
                cards.Add(new PaperCard(line, card.Key.Judge, card.Key.Team, scores, existing is not null, card.Key.Performance));
            }
            catch (DomainException ex)
            {
                errors.Add(new PaperError(line, ex.Code, ex.Arguments));
            }
        }

        return errors.Count > 0 ? new PaperPlan(errors, [], 0) : new PaperPlan([], cards, unchanged);
    }

    /// <summary>
    /// A ranked category's sheet: one row per judge × ranked team, criterion empty, value = the rank (as the
    /// <c>scores-long.csv</c> export writes ballots). Each judge's rows become one ballot, best first, checked by
    /// <see cref="LiveEvent.EnterPaperRanking"/>; a ballot equal to the judge's current one is unchanged.
    /// </summary>
    private static PaperPlan RankedPlan(LiveEvent e, Guid categoryId, ScoresFile file, List<Team> teams, List<Judge> panel, string correctionReason)
    {
        var errors = new List<PaperError>();
        var marks = new List<(Mark Mark, int Line, Guid Team, Guid Judge)>();
        for (var i = 0; i < file.Marks.Count; i++)
        {
            var (mark, line) = (file.Marks[i], file.Lines[i]);
            var team = Find(teams, mark.Team, t => t.Id, t => t.Name);
            var judge = Find(panel, mark.Judge, j => j.Id, j => j.Name);
            var before = errors.Count;
            if (team is null)
            {
                errors.Add(new PaperError(line, "paper.team.unknown", [mark.Team]));
            }

            if (judge is null)
            {
                errors.Add(new PaperError(line, "paper.judge.unknown", [mark.Judge]));
            }

            if (mark.Factor is not null || mark.Panel.Length > 0 || mark.Performance.Trim().Length > 0)
            {
                errors.Add(new PaperError(line, "paper.columns.unsupported", []));
            }

            if (errors.Count == before)
            {
                marks.Add((new Mark(team!.Id.ToString("D"), judge!.Id.ToString("D"), mark.Criterion, mark.Value), line, team.Id, judge.Id));
            }
        }

        // A criterion on a ballot row, a rank that is no whole number ≥ 1, a rank or a team twice for one judge.
        var problems = RulesEngine.Check(e.RulesOf(categoryId), [.. marks.Select(m => m.Mark)], e.EngineTeams(categoryId));
        if (Refused(e, errors, problems, i => marks[i].Line) is { } refused)
        {
            return refused;
        }

        var cards = new List<PaperCard>();
        var unchanged = 0;
        var state = e;
        foreach (var ballot in marks.GroupBy(m => m.Judge))
        {
            var line = ballot.First().Line;
            var ranking = ballot.OrderBy(m => m.Mark.Value).Select(m => m.Team).ToList();
            var existing = state.BallotOf(ballot.Key);
            if (existing is not null && existing.TeamIds.SequenceEqual(ranking))
            {
                unchanged++;
                continue;
            }

            try
            {
                state = state.Apply(state.EnterPaperRanking(ballot.Key, ranking, existing is null ? null : correctionReason));
                cards.Add(new PaperCard(line, ballot.Key, Guid.Empty, [], existing is not null, Ranking: ranking));
            }
            catch (DomainException ex)
            {
                errors.Add(new PaperError(line, ex.Code, ex.Arguments));
            }
        }

        return errors.Count > 0 ? new PaperPlan(errors, [], 0) : new PaperPlan([], cards, unchanged);
    }

    /// <summary>The engine's problems added to the sheet's errors with their lines; the plan that refuses the sheet, or null when nothing is wrong.</summary>
    private static PaperPlan? Refused(LiveEvent e, List<PaperError> errors, IEnumerable<MarkProblem> problems, Func<int, int> lineOf)
    {
        errors.AddRange(problems.Select(p => new PaperError(lineOf(p.Index), p.Code, [.. p.Arguments.Select(a => Named(e, a))])));
        return errors.Count > 0 ? new PaperPlan([.. errors.OrderBy(x => x.Line)], [], 0) : null;
    }

    /// <summary>The item whose id ("D" or any GUID format) or name (trimmed, case-insensitive) is <paramref name="key"/>.</summary>
    private static T? Find<T>(IEnumerable<T> items, string key, Func<T, Guid> id, Func<T, string> name)
        where T : class
    {
        var trimmed = key.Trim();
        return Guid.TryParse(trimmed, out var guid)
            ? items.FirstOrDefault(i => id(i) == guid)
            : items.FirstOrDefault(i => string.Equals(name(i).Trim(), trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Ids in a problem's arguments read as names on the page.</summary>
    private static object Named(LiveEvent e, object argument) =>
        argument is string s && Guid.TryParse(s, out var id)
            ? e.FindTeam(id)?.Name ?? e.FindJudge(id)?.Name ?? e.FindCriterion(id)?.Name ?? s
            : argument;
}
