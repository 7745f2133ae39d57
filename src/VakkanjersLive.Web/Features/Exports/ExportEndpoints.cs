using System.Globalization;
using Microsoft.Extensions.Localization;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Features.Exports;

/// <summary>
/// The language of one export: <see cref="Culture"/> formats the numbers and picks the separator (<see cref="CsvText"/>),
/// <see cref="Text"/> names methods, tie-break rules and awards as the UI does. Column headers, yes/no and audit
/// actions stay fixed English keys, so scripts that read the files do not depend on the language.
/// </summary>
public sealed record ExportCulture(CultureInfo Culture, IStringLocalizer Text)
{
    public CsvText NewCsv() => new(Culture);
}

/// <summary>CSV exports for moderators: raw scores, results, and the full audit trail of judging from the journal.</summary>
public static class ExportEndpoints
{
    /// <summary>
    /// Every scorecard of each category's round: <paramref name="round"/> where it is one of the category's started
    /// rounds, otherwise the category's current round.
    /// </summary>
    public static CsvText RawScores(LiveEvent e, ExportCulture culture, Guid? round = null)
    {
        var csv = culture.NewCsv().Row("category", "team", "school", "judge", "criterion", "value", "weight", "criterion_comment", "overall_comment", "revision", "late", "conflicted", "performance", "panel");
        var cards = e.Scorecards.Where(s => e.FindTeam(s.TeamId) is { } t ? s.RoundId == e.StartedRoundOr(t.CategoryId, round) : s.RoundId == e.CurrentRoundId);
        foreach (var card in cards.OrderBy(s => e.FindTeam(s.TeamId)?.Name).ThenBy(s => e.FindJudge(s.JudgeId)?.Name).ThenBy(s => s.Performance, StringComparer.Ordinal))
        {
            var team = e.FindTeam(card.TeamId);
            foreach (var score in card.Scores)
            {
                csv.Row(
                    CategoryLabel(e, team?.CategoryId ?? Guid.Empty, card.RoundId),
                    team?.Name,
                    e.FindSchool(team?.SchoolId ?? Guid.Empty)?.Name,
                    e.FindJudge(card.JudgeId)?.Name,
                    e.FindCriterion(score.CriterionId)?.Name,
                    score.Value,
                    e.FindCriterion(score.CriterionId)?.Weight,
                    score.Comment,
                    card.Comment,
                    card.Revision,
                    card.Late ? "yes" : "no",
                    e.IsConflicted(card.JudgeId, card.TeamId) ? "yes" : "no",
                    card.Performance,
                    e.FindJudge(card.JudgeId) is null ? string.Empty : e.JudgePanelOf(card.JudgeId, card.RoundId));
            }
        }

        // Ranked ballots as handed in: a row per ranked team, criterion empty, value = the rank (scores-long.csv has
        // them as they count, conflicted teams taken out).
        var ballots = e.Ballots.Where(b => b.RoundId == e.StartedRoundOr(b.CategoryId, round));
        foreach (var ballot in ballots.OrderBy(b => e.FindCategory(b.CategoryId)?.Name).ThenBy(b => e.FindJudge(b.JudgeId)?.Name))
        {
            for (var i = 0; i < ballot.TeamIds.Count; i++)
            {
                var team = e.FindTeam(ballot.TeamIds[i]);
                csv.Row(
                    CategoryLabel(e, ballot.CategoryId, ballot.RoundId),
                    team?.Name,
                    e.FindSchool(team?.SchoolId ?? Guid.Empty)?.Name,
                    e.FindJudge(ballot.JudgeId)?.Name,
                    string.Empty,
                    i + 1,
                    string.Empty,
                    string.Empty,
                    ballot.Comment,
                    ballot.Revision,
                    "no",
                    e.IsConflicted(ballot.JudgeId, ballot.TeamIds[i]) ? "yes" : "no",
                    string.Empty);
            }
        }

        return csv;
    }

    /// <summary>
    /// The ranking per category as the results page shows it: the rules engine with the category's rules, in
    /// <paramref name="round"/> where it is one of the category's started rounds, otherwise in its current round.
    /// </summary>
    public static CsvText ResultsTable(LiveEvent e, ExportCulture culture, Guid? round = null)
    {
        // A column per declared panel (as the command-line tool's results.csv: "panel:jury", "panel:public").
        var panels = e.Categories.SelectMany(c => e.RulesOf(c.Id, e.StartedRoundOr(c.Id, round)).Panels?.List.Select(p => p.Id) ?? []).Distinct(StringComparer.Ordinal).ToList();
        var csv = culture.NewCsv().Row(["category", "rank", "shared_rank", "team", "school", "project", "score", "judges", "method", .. e.Rubric.Select(c => c.Name), "awards", .. panels.Select(p => "panel:" + p)]);
        foreach (var category in e.Categories)
        {
            var shown = e.StartedRoundOr(category.Id, round);
            var means = e.Results(category.Id, roundId: shown).ToDictionary(r => r.TeamId);
            var method = e.HasDeclaredRules(category.Id, shown) ? culture.Text["Exports.DeclaredRules"].Value : culture.Text.Method(e.Aggregation);
            foreach (var standing in e.Standings(category.Id, shown).Standings)
            {
                var team = e.FindTeam(Guid.Parse(standing.Team))!;
                var result = means[team.Id];
                csv.Row(
                [
                    CategoryLabel(e, category.Id, shown), standing.Rank, standing.SharedRank ? "yes" : "no", team.Name, e.FindSchool(team.SchoolId)?.Name, team.ProjectTitle,
                    (double?)standing.Total, standing.JudgeCount, method,
                    .. e.Rubric.Select(c => result.CriterionMeans.TryGetValue(c.Id, out var m) ? (object)m : null),
                    string.Join(", ", e.Awards.Where(a => a.TeamId == team.Id).Select(culture.Text.Award)),
                    .. panels.Select(p => standing.Panels.TryGetValue(p, out var v) ? (object)(double)v : null),
                ]);
            }
        }

        return csv;
    }

    /// <summary>
    /// The counted scorecards of one category in the long format of the rules model (<see cref="ScoresCsv"/>): one row
    /// per judge × team × criterion, ids in "D" format as in <see cref="RulesExport"/>, so the command-line tool ranks
    /// them exactly as the results page does. Fixed format (semicolons, decimal points), whatever the UI language.
    /// </summary>
    public static string ScoresLong(LiveEvent e, Guid categoryId, Guid roundId) => ScoresCsv.Write(e.MarksOf(categoryId, roundId));

    /// <summary>The rules the category is ranked with in the round, as a rules file (<see cref="RulesJson"/>).</summary>
    public static string RulesExport(LiveEvent e, Guid categoryId, Guid roundId) => RulesJson.Write(e.RulesOf(categoryId, roundId));

    /// <summary>
    /// A per-category file: the category in <c>?category=</c> (the first category when absent), in the round in
    /// <c>?round=</c> (the category's current round when absent; a round not started yet has no scores but its rules);
    /// 404 for an unknown event, category or round. A file of a category with rounds is named after its round too.
    /// </summary>
    internal static IResult ForCategory(ProjectionStore store, Guid eventId, Guid? categoryId, Guid? roundId, string name, string extension, string contentType, Func<LiveEvent, Guid, Guid, string> build)
    {
        if (store.GetEvent(eventId) is not { } liveEvent
            || (categoryId is { } id ? liveEvent.FindCategory(id) : liveEvent.Categories.FirstOrDefault()) is not { } category
            || (roundId is { } asked && liveEvent.RoundIndexOf(category.Id, asked) < 0))
        {
            return Results.NotFound();
        }

        var round = roundId ?? liveEvent.RoundOf(category.Id);
        var bytes = System.Text.Encoding.UTF8.GetBytes(build(liveEvent, category.Id, round));
        var roundSlug = liveEvent.HasRounds(category.Id) ? $"-{Slug(liveEvent.RoundNameOf(category.Id, round))}" : string.Empty;
        return Results.File(bytes, contentType, $"{Slug(liveEvent.Name)}-{Slug(category.Name)}{roundSlug}-{name}.{extension}");
    }

    /// <summary>A category's name in an export, with its round's when the category has rounds ("Techniek · Finale").</summary>
    public static string CategoryLabel(LiveEvent e, Guid categoryId, Guid roundId) =>
        (e.FindCategory(categoryId)?.Name ?? string.Empty) + (e.HasRounds(categoryId) ? $" · {e.RoundNameOf(categoryId, roundId)}" : string.Empty);

    /// <summary>Every judging entry in journal order: who, when, what, and for scores the old and new values.</summary>
    public static async Task<CsvText> AuditTrailAsync(LiveEvent e, ExportCulture culture, ProjectionStore store, IJournal journal, CancellationToken cancellationToken)
    {
        var csv = culture.NewCsv().Row("position", "recorded_at", "actor", "action", "judge", "team", "previous_values", "new_values", "reason", "late", "comment");
        var previous = new Dictionary<(Guid, Guid, Guid, string), string?>();
        await foreach (var entry in journal.ReadAsync(JournalStreams.ForEvent(e.Id), 1, cancellationToken))
        {
            // Each part words its own facts (FactCatalog); only judging lines belong in this trail.
            var fact = (ILiveEventFact)FactSerializer.Deserialize(entry);
            if (FactCatalog.Describe(e, fact) is not { Trail: AuditTrail.Judging } line)
            {
                continue;
            }

            // The domain words rules and awards by their enum names; the export names them in its language.
            var values = fact switch
            {
                ScoringRulesSet rules => $"{culture.Text.Method(rules.Method)}; {string.Join(", ", rules.TieBreaks.Select(t => culture.Text.TieBreak(t, e)))}",
                MethodChosen chosen => culture.Text.Method(chosen.Method),
                AwardGranted award => award.Kind == AwardKind.SpecialMention ? award.Title : culture.Text[$"Award.{award.Kind}"],
                _ => line.Values,
            };

            string? old = null;
            if (line.ScoreKey is { } key)
            {
                previous.TryGetValue(key, out old);
                previous[key] = line.Values;
            }

            var late = line.Late switch
            {
                true => "yes",
                false => "no",
                null => null,
            };
            csv.Row(entry.Position, entry.RecordedAt, ActorName(entry.Actor, e, store), line.Action, line.Judge, line.Team, old, values, line.Reason, late, line.Comment);
        }

        return csv;
    }

    private static string? ActorName(string? actor, LiveEvent e, ProjectionStore store)
    {
        var parts = actor?.Split(':');
        return parts is [var role, var id] && Guid.TryParse(id, out var guid)
            ? role == "judge" ? $"judge {e.FindJudge(guid)?.Name}" : $"moderator {store.Staff.Find(guid)?.DisplayName}"
            : actor;
    }

    internal static IResult WithEvent(ProjectionStore store, Guid eventId, string name, ExportCulture culture, Func<LiveEvent, ExportCulture, CsvText> build) =>
        store.GetEvent(eventId) is { } liveEvent ? File(liveEvent, name, build(liveEvent, culture)) : Results.NotFound();

    internal static IResult File(LiveEvent liveEvent, string name, CsvText csv) =>
        Results.File(csv.ToBytes(), "text/csv; charset=utf-8", $"{Slug(liveEvent.Name)}-{name}.csv");

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
