using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Components.Shared;
using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Features.Jury;

/// <summary>
/// What the jury page's outbox sends. The judge and the event come from the cookie, never from the body.
/// <see cref="RoundId"/>: the round the form showed (absent from older pages), so a scorecard typed in a heat is
/// refused rather than counted in the final. <see cref="Performance"/> is "1" … "n" when the category's rules declare
/// several performances, else absent.
/// </summary>
public sealed record ScoreSubmission(Guid CommandId, Guid TeamId, IReadOnlyList<ScoreSubmissionLine>? Scores, string? Comment, string? Reason, Guid? RoundId = null, string? Performance = null);

/// <summary>
/// A ranked ballot from the jury page's outbox: <see cref="TeamIds"/> best first. The judge, the event and so the
/// category come from the cookie; <see cref="RoundId"/> is the round the form showed.
/// </summary>
public sealed record RankingSubmission(Guid CommandId, IReadOnlyList<Guid>? TeamIds, string? Comment, string? Reason, Guid? RoundId = null);

public sealed record ScoreSubmissionLine(Guid CriterionId, decimal Value, string? Comment);

/// <summary>The answer: <see cref="Ok"/> only once the scorecard is durable in the journal.</summary>
public sealed record ScoreReceipt(bool Ok, long Position, bool Duplicate, string? Code, string? Message);

public static class ScoreEndpoints
{
    private const int MaxLines = 50;

    /// <summary>
    /// <c>POST /api/jury/scores</c> (mapped in <see cref="JurySetup"/>): idempotent by command id. 200 when stored (or already stored), 400 with a
    /// localised message when the rules refuse it (the outbox then stops resending), 503 when the journal is down (the
    /// outbox keeps it and retries). Cross-site requests cannot use it: the cookie is SameSite=Lax and a JSON body
    /// needs a CORS preflight, which this app never grants.
    /// </summary>
    public static async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, CommandExecutor commands, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        // The body is read here, not bound by the framework, so a malformed one gets the stable code and the localised
        // message like any other refusal, never the parser's exception text (or the framework's empty 400/415).
        var body = await ReadAsync<ScoreSubmission>(request, cancellationToken);
        if (body is null || body.CommandId == Guid.Empty || body.TeamId == Guid.Empty || body.Scores is null || body.Scores.Count > MaxLines || body.Scores.Any(s => s is null)
            || body.Performance is { Length: > 10 })
        {
            return Refused(localizer, "score.payload.invalid", StatusCodes.Status400BadRequest);
        }

        if (!Guid.TryParse(user.FindFirstValue(StaffClaims.EventId), out var eventId) || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var judgeId))
        {
            return Results.Unauthorized();
        }

        var lines = body.Scores.Select(s => new CriterionScore(s.CriterionId, s.Value, s.Comment ?? string.Empty)).ToList();
        var result = await commands.ForEventAsync(eventId, body.CommandId, StaffActor.Of(user), s => s.SubmitScore(judgeId, body.TeamId, lines, body.Comment, body.Reason, body.RoundId, body.Performance), cancellationToken);
        return Answer(localizer, result);
    }

    /// <summary>
    /// <c>POST /api/jury/rankings</c>: a judge's ranked ballot, with the same contract as <see cref="SubmitAsync"/>
    /// (idempotent by command id; 200 once durable, 400 with a localised reason, 503 while the journal is down).
    /// </summary>
    public static async Task<IResult> SubmitRankingAsync(HttpRequest request, ClaimsPrincipal user, CommandExecutor commands, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var body = await ReadAsync<RankingSubmission>(request, cancellationToken);
        if (body is null || body.CommandId == Guid.Empty || body.TeamIds is null || body.TeamIds.Count > MaxLines)
        {
            return Refused(localizer, "ranking.payload.invalid", StatusCodes.Status400BadRequest);
        }

        if (!Guid.TryParse(user.FindFirstValue(StaffClaims.EventId), out var eventId) || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var judgeId))
        {
            return Results.Unauthorized();
        }

        var teams = body.TeamIds.ToList();
        var result = await commands.ForEventAsync(eventId, body.CommandId, StaffActor.Of(user), s => s.SubmitRanking(judgeId, teams, body.Comment, body.Reason, body.RoundId), cancellationToken);
        return Answer(localizer, result);
    }

    private static IResult Answer(IStringLocalizer localizer, CommandResult result)
    {
        if (result.Succeeded)
        {
            return Results.Ok(new ScoreReceipt(true, result.Position, result.WasDuplicate, null, null));
        }

        var status = result.ErrorCode is "journal.unavailable" or "journal.busy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        return Refused(localizer, result.ErrorCode!, status, result.ErrorArguments);
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            // A body over the server's limit, or one that stopped half-way.
            return null;
        }
    }

    private static IResult Refused(IStringLocalizer localizer, string code, int status, IReadOnlyList<object>? arguments = null) =>
        Results.Json(new ScoreReceipt(false, 0, false, code, localizer.Error(code, arguments)), statusCode: status);
}
