using System.Globalization;
using Microsoft.Extensions.Localization;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Features.Exports;

/// <summary>
/// CSV exports for moderators: raw scores, results, and the audit trail of judging; per category the scores in the
/// rules model's long format and the rules file (<c>?category=</c>), for the command-line tool. An export is in the request's
/// culture (request localization): <c>?culture=nl-NL</c> or <c>?culture=en</c> when given, otherwise the staff user's
/// language cookie (<c>/culture/set</c>), otherwise the browser's language if supported, otherwise Dutch: the UI's own
/// choice, so a file reads like the page it was downloaded from. Dutch files use <c>;</c> and decimal commas, English files
/// <c>,</c> and decimal points (<see cref="CsvText"/>).
/// </summary>
public static class ExportsSetup
{
    public static void MapExports(this WebApplication app)
    {
        // Scores, comments and the audit trail never stay behind in a browser's or a proxy's cache (docs/security.md).
        var exports = app.MapGroup("/events/{eventId:guid}/exports")
            .RequireAuthorization(StaffAccountSetup.LeadModeratorPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                context.HttpContext.Response.Headers.Pragma = "no-cache";
                return await next(context);
            });
        // ?round=: a round of a category with rounds (docs/scoring.md, "Rounds"); a category without it shows its current round.
        exports.MapGet("/scores.csv", (Guid eventId, Guid? round, ProjectionStore store, IStringLocalizer<SharedResource> text) =>
            ExportEndpoints.WithEvent(store, eventId, "scores", Culture(text), (e, c) => ExportEndpoints.RawScores(e, c, round)));
        exports.MapGet("/results.csv", (Guid eventId, Guid? round, ProjectionStore store, IStringLocalizer<SharedResource> text) =>
            ExportEndpoints.WithEvent(store, eventId, "results", Culture(text), (e, c) => ExportEndpoints.ResultsTable(e, c, round)));
        exports.MapGet("/scores-long.csv", (Guid eventId, Guid? category, Guid? round, ProjectionStore store) =>
            ExportEndpoints.ForCategory(store, eventId, category, round, "scores-long", "csv", "text/csv; charset=utf-8", ExportEndpoints.ScoresLong));
        exports.MapGet("/rules.json", (Guid eventId, Guid? category, Guid? round, ProjectionStore store) =>
            ExportEndpoints.ForCategory(store, eventId, category, round, "rules", "json", "application/json; charset=utf-8", ExportEndpoints.RulesExport));
        exports.MapGet("/audit.csv", async (Guid eventId, ProjectionStore store, IJournal journal, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            store.GetEvent(eventId) is { } liveEvent
                ? ExportEndpoints.File(liveEvent, "audit", await ExportEndpoints.AuditTrailAsync(liveEvent, Culture(text), store, journal, cancellationToken))
                : Results.NotFound());
    }

    // Request localization has set both cultures from ?culture=, the culture cookie, Accept-Language or the default, in that order.
    private static ExportCulture Culture(IStringLocalizer text) => new(CultureInfo.CurrentCulture, text);
}
