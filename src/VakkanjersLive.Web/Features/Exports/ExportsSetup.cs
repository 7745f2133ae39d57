using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Features.Exports;

/// <summary>CSV exports for moderators: raw scores, results, and the audit trail of judging.</summary>
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
        exports.MapGet("/scores.csv", (Guid eventId, ProjectionStore store) => ExportEndpoints.WithEvent(store, eventId, "scores", ExportEndpoints.RawScores));
        exports.MapGet("/results.csv", (Guid eventId, ProjectionStore store) => ExportEndpoints.WithEvent(store, eventId, "results", ExportEndpoints.ResultsTable));
        exports.MapGet("/audit.csv", async (Guid eventId, ProjectionStore store, IJournal journal, CancellationToken cancellationToken) =>
            store.GetEvent(eventId) is { } liveEvent
                ? ExportEndpoints.File(liveEvent, "audit", await ExportEndpoints.AuditTrailAsync(liveEvent, store, journal, cancellationToken))
                : Results.NotFound());
    }
}
