using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Features.Exports;

/// <summary>CSV exports for moderators: raw scores, results, and the full audit trail of judging from the journal.</summary>
public static class ExportEndpoints
{
    public static CsvText RawScores(LiveEvent e)
    {
        var csv = new CsvText().Row("category", "team", "school", "judge", "criterion", "value", "weight", "criterion_comment", "overall_comment", "revision", "late", "conflicted");
        foreach (var card in e.Scorecards.Where(s => s.RoundId == e.CurrentRoundId).OrderBy(s => e.FindTeam(s.TeamId)?.Name).ThenBy(s => e.FindJudge(s.JudgeId)?.Name))
        {
            var team = e.FindTeam(card.TeamId);
            foreach (var score in card.Scores)
            {
                csv.Row(
                    e.FindCategory(team?.CategoryId ?? Guid.Empty)?.Name,
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
                    e.IsConflicted(card.JudgeId, card.TeamId) ? "yes" : "no");
            }
        }

        return csv;
    }

    public static CsvText ResultsTable(LiveEvent e)
    {
        var csv = new CsvText().Row(["category", "rank", "shared_rank", "team", "school", "project", "score", "judges", "method", .. e.Rubric.Select(c => c.Name), "awards"]);
        foreach (var category in e.Categories)
        {
            foreach (var result in e.Results(category.Id))
            {
                var team = e.FindTeam(result.TeamId)!;
                csv.Row(
                [
                    category.Name, result.Rank, result.SharedRank ? "yes" : "no", team.Name, e.FindSchool(team.SchoolId)?.Name, team.ProjectTitle,
                    result.Score, result.JudgeCount, e.Aggregation.ToString(),
                    .. e.Rubric.Select(c => result.CriterionMeans.TryGetValue(c.Id, out var m) ? (object)m : null),
                    string.Join(", ", e.Awards.Where(a => a.TeamId == team.Id).Select(a => a.Kind == AwardKind.SpecialMention ? a.Title : a.Kind.ToString())),
                ]);
            }
        }

        return csv;
    }

    /// <summary>Every judging entry in journal order: who, when, what, and for scores the old and new values.</summary>
    public static async Task<CsvText> AuditTrailAsync(LiveEvent e, ProjectionStore store, IJournal journal, CancellationToken cancellationToken)
    {
        var csv = new CsvText().Row("position", "recorded_at", "actor", "action", "judge", "team", "previous_values", "new_values", "reason", "late", "comment");
        var previous = new Dictionary<(Guid, Guid, Guid), string?>();
        await foreach (var entry in journal.ReadAsync(JournalStreams.ForEvent(e.Id), 1, cancellationToken))
        {
            // Each part words its own facts (FactCatalog); only judging lines belong in this trail.
            if (FactCatalog.Describe(e, (ILiveEventFact)FactSerializer.Deserialize(entry)) is not { Trail: AuditTrail.Judging } line)
            {
                continue;
            }

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
            csv.Row(entry.Position, entry.RecordedAt, ActorName(entry.Actor, e, store), line.Action, line.Judge, line.Team, old, line.Values, line.Reason, late, line.Comment);
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

    internal static IResult WithEvent(ProjectionStore store, Guid eventId, string name, Func<LiveEvent, CsvText> build) =>
        store.GetEvent(eventId) is { } liveEvent ? File(liveEvent, name, build(liveEvent)) : Results.NotFound();

    internal static IResult File(LiveEvent liveEvent, string name, CsvText csv) =>
        Results.File(csv.ToBytes(), "text/csv; charset=utf-8", $"{Slug(liveEvent.Name)}-{name}.csv");

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
