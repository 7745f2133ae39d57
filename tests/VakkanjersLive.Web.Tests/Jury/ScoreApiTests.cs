using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Jury;

namespace VakkanjersLive.Web.Tests.Jury;

public sealed class ScoreApiTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private LiveEvent _event = default!;
    private Team _team = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveEvent Current => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        _team = _event.Teams.Single(t => t.Name == "De Bouwers");
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.OpenJudging(_team.Id)));
    }

    [Fact]
    public async Task Submit_IsAcknowledged_OnlyWhenStored_AndAResendIsStoredOnce()
    {
        var judge = await JudgeClientAsync(0);
        var submission = Submission(8, 6);

        var first = await judge.PostAsJsonAsync("/api/jury/scores", submission);
        var resend = await judge.PostAsJsonAsync("/api/jury/scores", submission);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstReceipt = await first.Content.ReadFromJsonAsync<ScoreReceipt>();
        var resendReceipt = await resend.Content.ReadFromJsonAsync<ScoreReceipt>();
        Assert.True(firstReceipt!.Ok);
        Assert.False(firstReceipt.Duplicate);
        Assert.True(resendReceipt!.Duplicate);
        Assert.Equal(firstReceipt.Position, resendReceipt.Position);
        Assert.Equal(1, await CountAsync<ScoreSubmitted>());
        Assert.Equal([8, 6], Current.ScorecardOf(_event.Judges[0].Id, _team.Id)!.Scores.Select(s => s.Value));
    }

    [Fact]
    public async Task Correction_NeedsAReason_AndTheHistoryKeepsOldAndNew()
    {
        var judge = await JudgeClientAsync(0);
        await judge.PostAsJsonAsync("/api/jury/scores", Submission(8, 6));

        var withoutReason = await judge.PostAsJsonAsync("/api/jury/scores", Submission(9, 6));
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal("score.reason.required", (await withoutReason.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);

        var corrected = await judge.PostAsJsonAsync("/api/jury/scores", Submission(9, 6, reason: "Prototype werkte toch"));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(2, Current.ScorecardOf(_event.Judges[0].Id, _team.Id)!.Revision);

        var audit = await (await ModeratorClientAsync()).GetStringAsync($"/events/{_event.Id}/exports/audit.csv");
        Assert.Contains("score corrected", audit, StringComparison.Ordinal);
        Assert.Contains("\"Oplossing=8, Presentatie=6\";\"Oplossing=9, Presentatie=6\";Prototype werkte toch", audit, StringComparison.Ordinal);
        Assert.Contains("judge Marieke de Vries", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheRoundIsLocked_SubmissionsAndCorrectionsAreRefused()
    {
        var judge = await JudgeClientAsync(0);
        await judge.PostAsJsonAsync("/api/jury/scores", Submission(8, 6));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.LockRound(s.CurrentRoundId)));

        var late = await (await JudgeClientAsync(1)).PostAsJsonAsync("/api/jury/scores", Submission(5, 5));
        var correction = await judge.PostAsJsonAsync("/api/jury/scores", Submission(1, 1, reason: "toch niet"));

        Assert.Equal("score.round-locked", (await late.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal("score.round-locked", (await correction.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal(1, await CountAsync<ScoreSubmitted>());
    }

    [Fact]
    public async Task AfterTheCategoryIsSignedOff_SubmissionsAreRefused_WithTheCategoryCode()
    {
        var judge = await JudgeClientAsync(0);
        await judge.PostAsJsonAsync("/api/jury/scores", Submission(8, 6));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.LockCategory(_team.CategoryId)));

        var late = await (await JudgeClientAsync(1)).PostAsJsonAsync("/api/jury/scores", Submission(5, 5));
        var correction = await judge.PostAsJsonAsync("/api/jury/scores", Submission(1, 1, reason: "toch niet"));

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var receipt = (await late.Content.ReadFromJsonAsync<ScoreReceipt>())!;
        Assert.Equal("score.category-locked", receipt.Code);
        Assert.Equal("Deze categorie is afgetekend: scores en correcties zijn niet meer mogelijk.", receipt.Message);
        Assert.Equal("score.category-locked", (await correction.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal(1, await CountAsync<ScoreSubmitted>());
    }

    [Fact]
    public async Task AFreezeOverridingAMissingScorecard_IsInTheAuditCsv_WithItsReason()
    {
        await (await JudgeClientAsync(0)).PostAsJsonAsync("/api/jury/scores", Submission(8, 6));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.ChooseMethod(Domain.Scoring.AggregationMethod.WeightedMean)));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.LockCategory(_team.CategoryId)));
        var refused = await Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.PrepareReveal(_team.CategoryId, rehearsal: false));
        Assert.Equal("reveal.not-ready", refused.ErrorCode);

        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.PrepareReveal(_team.CategoryId, rehearsal: false, overrideReason: "Jurylid ziek naar huis")));

        var audit = await (await ModeratorClientAsync()).GetStringAsync($"/events/{_event.Id}/exports/audit.csv");
        var line = Assert.Single(audit.Split('\n'), l => l.Contains("results frozen with override", StringComparison.Ordinal));
        Assert.Contains("Jurylid ziek naar huis", line, StringComparison.Ordinal);
        Assert.Contains("scorecards De Bouwers 1/", line, StringComparison.Ordinal);
        Assert.Contains(";official method chosen;;;;Gewogen gemiddelde;", audit, StringComparison.Ordinal);
        Assert.Contains(";category locked;", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterJudgingClosed_AScoreStillCounts_MarkedLate()
    {
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.CloseJudging(_team.Id)));

        var response = await (await JudgeClientAsync(1)).PostAsJsonAsync("/api/jury/scores", Submission(7, 7));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Current.ScorecardOf(_event.Judges[1].Id, _team.Id)!.Late);
    }

    public static TheoryData<string, int, int, string?> BadScores => new()
    {
        { "score.value.out-of-range", 11, 5, null },
        { "score.value.out-of-range", 0, 5, null },
        { "score.comment.too-long", 5, 5, new string('x', 1001) },
        { "score.comment.invalid-characters", 5, 5, "ok\u202Eevil" },
    };

    [Theory]
    [MemberData(nameof(BadScores))]
    public async Task BadInput_GetsAClearError_AndNothingIsStored(string code, int oplossing, int presentatie, string? comment)
    {
        var response = await (await JudgeClientAsync(0)).PostAsJsonAsync("/api/jury/scores", Submission(oplossing, presentatie, criterionComment: comment));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<ScoreReceipt>();
        Assert.Equal(code, receipt!.Code);
        Assert.False(string.IsNullOrWhiteSpace(receipt.Message));
        Assert.Equal(0, await CountAsync<ScoreSubmitted>());
    }

    [Fact]
    public async Task MissingCriterion_UnknownTeam_AndOtherPanels_AreRefused()
    {
        var judge = await JudgeClientAsync(0);
        var criteria = _event.Rubric;

        var missing = await judge.PostAsJsonAsync("/api/jury/scores", new ScoreSubmission(Guid.NewGuid(), _team.Id, [new(criteria[0].Id, 5, null)], null, null));
        var unknownTeam = await judge.PostAsJsonAsync("/api/jury/scores", Submission(5, 5) with { TeamId = Guid.NewGuid() });
        var unknownCriterion = await judge.PostAsJsonAsync("/api/jury/scores", new ScoreSubmission(Guid.NewGuid(), _team.Id, [new(criteria[0].Id, 5, null), new(criteria[1].Id, 5, null), new(Guid.NewGuid(), 5, null)], null, null));
        var noCommandId = await judge.PostAsJsonAsync("/api/jury/scores", Submission(5, 5) with { CommandId = Guid.Empty });
        var notJson = await judge.PostAsync("/api/jury/scores", new StringContent("{\"teamId\": \"nope\"", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("score.criterion.missing", (await missing.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal("team.unknown", (await unknownTeam.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal("score.criterion.unknown", (await unknownCriterion.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal("score.payload.invalid", (await noCommandId.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await CountAsync<ScoreSubmitted>());
    }

    [Fact]
    public async Task ConflictedJudge_CannotScore_AndTheAggregateUsesTheOthers()
    {
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.DeclareConflict(_event.Judges[1].Id, _team.Id, "Mijn nicht zit in dit team")));

        var refused = await (await JudgeClientAsync(1)).PostAsJsonAsync("/api/jury/scores", Submission(1, 1));
        await (await JudgeClientAsync(0)).PostAsJsonAsync("/api/jury/scores", Submission(10, 10));

        Assert.Equal("score.conflicted", (await refused.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        var result = Current.Results(_team.CategoryId).Single(r => r.TeamId == _team.Id);
        Assert.Equal(1, result.JudgeCount);
        Assert.Equal(100, result.Score!.Value, precision: 6);
    }

    [Fact]
    public async Task WithoutSignIn_TheApiAnswers401_NotARedirect()
    {
        var response = await _app.CreateBrowserlikeClient().PostAsJsonAsync("/api/jury/scores", Submission(5, 5));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Moderators_AreNotJudges_OnTheScoreApi()
    {
        var response = await (await ModeratorClientAsync()).PostAsJsonAsync("/api/jury/scores", Submission(5, 5));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Exports_AreForModeratorsOnly_AndEscapeFormulas()
    {
        await (await JudgeClientAsync(0)).PostAsJsonAsync("/api/jury/scores", Submission(8, 6, criterionComment: "=HYPERLINK(\"x\")"));

        var judgeTry = await (await JudgeClientAsync(0)).GetAsync($"/events/{_event.Id}/exports/scores.csv");
        Assert.True(judgeTry.IsRedirectTo("/account/denied") || judgeTry.StatusCode == HttpStatusCode.Forbidden);

        var moderator = await ModeratorClientAsync();
        var scores = await moderator.GetStringAsync($"/events/{_event.Id}/exports/scores.csv");
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", scores, StringComparison.Ordinal);
        Assert.Contains("De Bouwers;De Regenboog;Marieke de Vries;Oplossing;8;3", scores, StringComparison.Ordinal);

        var results = await moderator.GetStringAsync($"/events/{_event.Id}/exports/results.csv");
        Assert.Contains("Junior;1;no;De Bouwers", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithHalfPointSteps_ADecimalScoreIsStored_OffStepRefused_AndExportedInTheExportsCulture()
    {
        var rules = Domain.Scoring.Rules.RulesPresets.VakkanjersDefault([.. _event.RulesOf(_team.CategoryId).Criteria.Select(c => c with { Step = 0.5m })]);
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.DeclareCategoryRules(_team.CategoryId, rules)));
        var judge = await JudgeClientAsync(0);

        var offStep = await judge.PostAsJsonAsync("/api/jury/scores", Submission(7.3m, 6));
        var stored = await judge.PostAsJsonAsync("/api/jury/scores", Submission(7.5m, 6));

        Assert.Equal(HttpStatusCode.BadRequest, offStep.StatusCode);
        var refusal = (await offStep.Content.ReadFromJsonAsync<ScoreReceipt>())!;
        Assert.Equal("score.value.off-step", refusal.Code);
        Assert.Equal("De score voor ‘Oplossing’ moet in stappen van 0,5 gaan (vanaf 1).", refusal.Message);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal([7.5m, 6m], Current.ScorecardOf(_event.Judges[0].Id, _team.Id)!.Scores.Select(s => s.Value));

        var moderator = await ModeratorClientAsync();
        Assert.Contains("De Bouwers;De Regenboog;Marieke de Vries;Oplossing;7,5;3", await moderator.GetStringAsync($"/events/{_event.Id}/exports/scores.csv"), StringComparison.Ordinal);
        Assert.Contains("De Bouwers,De Regenboog,Marieke de Vries,Oplossing,7.5,3", await moderator.GetStringAsync($"/events/{_event.Id}/exports/scores.csv?culture=en"), StringComparison.Ordinal);
        Assert.Contains($";{_event.Rubric[0].Id:D};7.5", await moderator.GetStringAsync($"/events/{_event.Id}/exports/scores-long.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJudgesForm_ShowsAButtonPerHalfPoint_AndANumberFieldForTenths()
    {
        var criteria = _event.RulesOf(_team.CategoryId).Criteria;
        var rules = Domain.Scoring.Rules.RulesPresets.VakkanjersDefault([criteria[0] with { Step = 0.5m }, criteria[1] with { Step = 0.1m }]);
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.DeclareCategoryRules(_team.CategoryId, rules)));

        var page = await (await JudgeClientAsync(0)).GetStringAsync("/jury");

        var group = $"score-{_team.Id:N}-{_event.Rubric[0].Id:N}";
        Assert.Contains($"id=\"{group}-7_5\" name=\"{group}\" value=\"7.5\"", page, StringComparison.Ordinal);
        Assert.Contains($"for=\"{group}-7_5\">7,5</label>", page, StringComparison.Ordinal);
        Assert.Contains($"for=\"{group}-6\">6</label>", page, StringComparison.Ordinal);
        Assert.Contains("In stappen van 0,1.", page, StringComparison.Ordinal);
        Assert.Matches($"<input type=\"number\" class=\"score-number\" id=\"score-{_team.Id:N}-{_event.Rubric[1].Id:N}-value\"[^>]*step=\"0.1\"", page);
    }

    [Fact]
    public async Task WithTwoPerformances_EachIsScoredOnItsOwn_TheFormHasOnePartPerPerformance_AndTheFactorReachesTheRanking()
    {
        var rules = _event.RulesOf(_team.CategoryId) with { Performances = new Domain.Scoring.Rules.PerformanceRules(Domain.Scoring.Rules.PerformanceCombine.Sum, 2) };
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.DeclareCategoryRules(_team.CategoryId, rules)));
        var judge = await JudgeClientAsync(0);

        var page = await judge.GetStringAsync("/jury");
        Assert.Contains("Uitvoering 1 van 2", page, StringComparison.Ordinal);
        Assert.Contains($"data-submit-team=\"{_team.Id}\" data-performance=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-status-for=\"{_team.Id}:2\"", page, StringComparison.Ordinal);

        var without = await judge.PostAsJsonAsync("/api/jury/scores", Submission(8, 6));
        var unknown = await judge.PostAsJsonAsync("/api/jury/scores", Submission(8, 6) with { Performance = "3" });
        Assert.Equal("score.performance.unknown", (await without.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Equal("Kies welke uitvoering je beoordeelt (1 tot 2).", (await unknown.Content.ReadFromJsonAsync<ScoreReceipt>())!.Message);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostAsJsonAsync("/api/jury/scores", Submission(8, 6) with { Performance = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostAsJsonAsync("/api/jury/scores", Submission(4, 10) with { Performance = "2" })).StatusCode);
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SetPerformanceFactor(_team.Id, "2", 2m)));

        var judgeId = _event.Judges[0].Id;
        Assert.Equal(8m, Current.PerformanceCardOf(judgeId, _team.Id, "1")!.Scores[0].Value);
        Assert.Equal(4m, Current.PerformanceCardOf(judgeId, _team.Id, "2")!.Scores[0].Value);
        var standing = Current.Standings(_team.CategoryId).Standings.Single(s => s.Team == _team.Id.ToString("D"));

        // Percent scale, Oplossing 3 × 1..10, Presentatie 1 × 1..10: 1: (3 · 7/9 + 5/9) / 4 = 72.22; 2: (3 · 3/9 + 9/9) / 4 × 2 = 100.
        Assert.Equal(72.2222m, Math.Round(standing.Performances["1"], 4));
        Assert.Equal(100m, Math.Round(standing.Performances["2"], 4));
        var moderator = await ModeratorClientAsync();
        var scoresLong = await moderator.GetStringAsync($"/events/{_event.Id}/exports/scores-long.csv");
        Assert.Contains($"{_team.Id:D};2;2;;{judgeId:D};", scoresLong, StringComparison.Ordinal);
        var explanation = await moderator.GetStringAsync($"/events/{_event.Id}/results/{_team.Id}/explain");
        Assert.Contains("id=\"explain-performances\"", explanation, StringComparison.Ordinal);
        Assert.Matches("8 (·|&#xB7;) 4", explanation);
    }

    [Fact]
    public async Task WithoutDeclaredSteps_AHalfPointIsRefused()
    {
        var response = await (await JudgeClientAsync(0)).PostAsJsonAsync("/api/jury/scores", Submission(7.5m, 6));

        Assert.Equal("score.value.off-step", (await response.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code);
        Assert.Null(Current.ScorecardOf(_event.Judges[0].Id, _team.Id));
    }

    [Fact]
    public async Task ResultsPages_AreForModeratorsAndTheChairOnly()
    {
        await (await JudgeClientAsync(0)).PostAsJsonAsync("/api/jury/scores", Submission(8, 6, comment: "Alleen voor de uitslag"));

        var chair = await (await JudgeClientAsync(0)).GetStringAsync("/jury/results");
        var other = await (await JudgeClientAsync(1)).GetStringAsync("/jury/results");
        var otherJuryPage = await (await JudgeClientAsync(1)).GetStringAsync("/jury");

        Assert.Contains("results-table", chair, StringComparison.Ordinal);
        Assert.DoesNotContain("results-table", other, StringComparison.Ordinal);
        Assert.Contains("chair-only", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Alleen voor de uitslag", otherJuryPage, StringComparison.Ordinal);
        Assert.True((await (await JudgeClientAsync(0)).GetAsync($"/events/{_event.Id}/results")).IsRedirectTo("/account/denied"));
    }

    private ScoreSubmission Submission(decimal oplossing, decimal presentatie, string? comment = null, string? reason = null, string? criterionComment = null) =>
        new(Guid.NewGuid(), _team.Id, [new(_event.Rubric[0].Id, oplossing, criterionComment), new(_event.Rubric[1].Id, presentatie, null)], comment, reason);

    private async Task<HttpClient> JudgeClientAsync(int index)
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = TestData.CodeOf(_event.Judges[index]) });
        Assert.True(response.IsRedirectTo("/jury"));
        return client;
    }

    private async Task<HttpClient> ModeratorClientAsync()
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword });
        Assert.True(response.IsRedirectTo("/events"));
        return client;
    }

    private async Task<int> CountAsync<T>()
    {
        var count = 0;
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(_event.Id)))
        {
            count += FactSerializer.Deserialize(entry) is T ? 1 : 0;
        }

        return count;
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
