using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Features.Jury;

/// <summary>The judge's tablet: the page is routed by Blazor; the outbox posts scorecards and ranked ballots here.</summary>
public static class JurySetup
{
    public static void MapJuryScoring(this WebApplication app)
    {
        app.MapPost("/api/jury/scores", ScoreEndpoints.SubmitAsync)
            .RequireAuthorization(StaffAccountSetup.JudgePolicy)
            .DisableAntiforgery();
        app.MapPost("/api/jury/rankings", ScoreEndpoints.SubmitRankingAsync)
            .RequireAuthorization(StaffAccountSetup.JudgePolicy)
            .DisableAntiforgery();
    }
}
