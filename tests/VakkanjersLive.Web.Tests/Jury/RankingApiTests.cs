using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Cli;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;
using VakkanjersLive.Web.Features.Jury;
using VakkanjersLive.Web.Tests.Rules;

namespace VakkanjersLive.Web.Tests.Jury;

/// <summary>
/// Ranked ballots through the web app: <c>POST /api/jury/rankings</c> (who may, bad bodies), the judge's page, the
/// results page, the exports the command-line tool recomputes, and paper ballots.
/// </summary>
public sealed class RankingApiTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("vkl-ranked-").FullName;
    private LiveEvent _event = default!;
    private Guid _category;
    private Judge _otherJudge = default!;

    private LiveEvent Current => RulesTestSupport.Current(_app, _event.Id);

    private Team Team(string name) => Current.Teams.Single(t => t.Name == name);

    public async Task InitializeAsync()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        _category = finale.Categories[0].Id;
        await RulesTestSupport.Run(_app, finale.Id, s => s.RegisterTeam(Guid.NewGuid(), "De Zwaluwen", finale.Schools[0].Id, _category, "Vogelhuis", ["Fleur"]));

        // A judge of another category of the same event.
        var senior = Guid.NewGuid();
        var other = Guid.NewGuid();
        await RulesTestSupport.Run(_app, finale.Id, s => s.AddCategory(senior, "Senior", "Klas 1–2"));
        await RulesTestSupport.Run(_app, finale.Id, s => s.AppointJudge(other, "Kees Smit", senior, null, true));
        await TestData.IssueCodesAsync(_app, finale.Id, other);
        await RulesTestSupport.Run(_app, finale.Id, s => s.DeclareCategoryRules(_category, RulesPresets.RankedBallots()));
        _event = RulesTestSupport.Current(_app, finale.Id);
        _otherJudge = _event.FindJudge(other)!;
    }

    private RankingSubmission Ballot(params string[] teams) => new(Guid.NewGuid(), [.. teams.Select(t => Team(t).Id)], null, null);

    private async Task<HttpClient> JudgeAsync(Judge judge)
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = TestData.CodeOf(judge) });
        Assert.True(response.IsRedirectTo("/jury"));
        return client;
    }

    private async Task<int> CountAsync()
    {
        var count = 0;
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(_event.Id)))
        {
            count += FactSerializer.Deserialize(entry) is RankingSubmitted ? 1 : 0;
        }

        return count;
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<ScoreReceipt>())!.Code;

    [Fact]
    public async Task ABallot_IsStoredOnce_ARevisionNeedsAReason_AndTheJudgesPageShowsIt()
    {
        var judge = await JudgeAsync(_event.Judges[0]);
        var ballot = Ballot("De Vonken", "De Bouwers");

        var first = await judge.PostAsJsonAsync("/api/jury/rankings", ballot);
        var resend = await judge.PostAsJsonAsync("/api/jury/rankings", ballot);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await resend.Content.ReadFromJsonAsync<ScoreReceipt>())!.Duplicate);
        Assert.Equal(1, await CountAsync());
        Assert.Equal([Team("De Vonken").Id, Team("De Bouwers").Id], Current.BallotOf(_event.Judges[0].Id)!.TeamIds);

        var noReason = await judge.PostAsJsonAsync("/api/jury/rankings", Ballot("De Bouwers", "De Vonken"));
        Assert.Equal("score.reason.required", await CodeOf(noReason));
        var revised = await judge.PostAsJsonAsync("/api/jury/rankings", Ballot("De Bouwers", "De Vonken") with { Reason = "Na het nagesprek" });
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(2, Current.BallotOf(_event.Judges[0].Id)!.Revision);

        var page = await judge.GetStringAsync("/jury");
        Assert.Contains("Jouw rangschikking", page, StringComparison.Ordinal);
        Assert.Contains("Ingestuurd (versie 2):", page, StringComparison.Ordinal);
        Assert.Contains($"data-rank-team=\"{Team("De Zwaluwen").Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Plaats 1 (12 punten)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-submit-team", page, StringComparison.Ordinal);

        // Scorecards are refused in a ranked category.
        await RulesTestSupport.Run(_app, _event.Id, s => s.OpenJudging(Team("De Bouwers").Id));
        var score = await judge.PostAsJsonAsync("/api/jury/scores", new ScoreSubmission(Guid.NewGuid(), Team("De Bouwers").Id, [new(_event.Rubric[0].Id, 5, null), new(_event.Rubric[1].Id, 5, null)], null, null));
        Assert.Equal("score.ranked-category", await CodeOf(score));
    }

    [Fact]
    public async Task OnlyTheCategorysJudges_MayHandInABallot()
    {
        var anonymous = await _app.CreateBrowserlikeClient().PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // A pupil with the audience cookie is no judge either.
        var viewer = _app.CreateBrowserlikeClient();
        await viewer.GetAsync($"/live/{_event.JoinCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken"))).StatusCode);

        var moderator = await Security.StaffClients.ModeratorAsync(_app);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken"))).StatusCode);

        // A judge of another category can hand in no ballot for their own scored category, and once that ranks too,
        // still none with this category's teams.
        var other = await JudgeAsync(_otherJudge);
        Assert.Equal("ranking.not-ranked", await CodeOf(await other.PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken"))));
        await RulesTestSupport.Run(_app, _event.Id, s => s.DeclareCategoryRules(_otherJudge.CategoryId, RulesPresets.RankedBallots()));
        Assert.Equal("ranking.team-unknown", await CodeOf(await other.PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken"))));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task BadBodies_GetClear400s_AndNothingIsStored()
    {
        var judge = await JudgeAsync(_event.Judges[0]);
        var vonken = Team("De Vonken").Id;

        async Task<(HttpStatusCode, string?, string?)> Post(HttpContent content)
        {
            var response = await judge.PostAsync("/api/jury/rankings", content);
            var receipt = await response.Content.ReadFromJsonAsync<ScoreReceipt>();
            return (response.StatusCode, receipt!.Code, receipt.Message);
        }

        static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

        var notJson = await Post(Json("{\"teamIds\": ["));
        Assert.Equal((HttpStatusCode.BadRequest, "ranking.payload.invalid"), (notJson.Item1, notJson.Item2));
        Assert.Equal("De rangschikking is onleesbaar of onvolledig.", notJson.Item3);
        Assert.Equal("ranking.payload.invalid", (await Post(Json($"{{\"commandId\": \"{Guid.NewGuid()}\"}}"))).Item2);
        Assert.Equal("ranking.payload.invalid", (await Post(Json($"{{\"commandId\": \"{Guid.Empty}\", \"teamIds\": [\"{vonken}\"]}}"))).Item2);
        Assert.Equal("ranking.payload.invalid", (await Post(new StringContent($"{{\"commandId\": \"{Guid.NewGuid()}\", \"teamIds\": []}}", Encoding.UTF8, "text/plain"))).Item2);
        Assert.Equal("ranking.payload.invalid", (await Post(Json($"{{\"commandId\": \"{Guid.NewGuid()}\", \"teamIds\": [{string.Join(',', Enumerable.Repeat($"\"{vonken}\"", 51))}]}}"))).Item2);
        Assert.Equal("ranking.empty", await CodeOf(await judge.PostAsJsonAsync("/api/jury/rankings", Ballot())));
        var twice = await judge.PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken", "De Bouwers", "De Vonken"));
        Assert.Equal("ranking.duplicate", await CodeOf(twice));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("ranking.team-unknown", await CodeOf(await judge.PostAsJsonAsync("/api/jury/rankings", new RankingSubmission(Guid.NewGuid(), [Guid.NewGuid()], null, null))));
        Assert.Equal("score.round-changed", await CodeOf(await judge.PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken") with { RoundId = Guid.NewGuid() })));

        await RulesTestSupport.Run(_app, _event.Id, s => s.DeclareConflict(_event.Judges[0].Id, vonken, "Buurmeisje"));
        Assert.Equal("ranking.conflicted", await CodeOf(await judge.PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken"))));

        await RulesTestSupport.Run(_app, _event.Id, s => s.LockCategory(_category));
        Assert.Equal("score.category-locked", await CodeOf(await judge.PostAsJsonAsync("/api/jury/rankings", Ballot("De Bouwers"))));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task TheResultsPageShowsThePoints_AndTheCommandLineTool_RecomputesItFromTheExports()
    {
        // Marieke: Vonken, Bouwers, Zwaluwen (12, 10, 8); Hans: Bouwers, Vonken (12, 10) → Bouwers 22, Vonken 22, Zwaluwen 8.
        await (await JudgeAsync(_event.Judges[0])).PostAsJsonAsync("/api/jury/rankings", Ballot("De Vonken", "De Bouwers", "De Zwaluwen"));
        await (await JudgeAsync(_event.Judges[1])).PostAsJsonAsync("/api/jury/rankings", Ballot("De Bouwers", "De Vonken"));
        var e = Current;

        await using var context = RulesTestSupport.NewContext(_app);
        var page = context.Render<ResultsView>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, _category).Add(c => c.CanConfigure, true));
        var row = page.Find($"#results-table tr[data-team='{Team("De Zwaluwen").Id}']");
        Assert.Contains(8m.ToString("F2", System.Globalization.CultureInfo.CurrentCulture), row.QuerySelector(".score")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Marieke de Vries: 3e, 8 pt", row.QuerySelector(".ballot-points")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#comparison-table"));
        var readiness = page.Find($"#readiness-{_category:N}").TextContent;
        Assert.Contains("Elk jurylid heeft een rangschikking ingeleverd", readiness, StringComparison.Ordinal);
        Assert.DoesNotContain("scorekaart", readiness, StringComparison.OrdinalIgnoreCase);

        var client = await Security.StaffClients.ModeratorAsync(_app);
        var longScores = await client.GetStringAsync($"/events/{e.Id}/exports/scores-long.csv?category={_category}");
        Assert.Contains($"{Team("De Zwaluwen").Id:D};;;;{e.Judges[0].Id:D};;3", longScores, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_directory, "scores.csv"), longScores);
        await File.WriteAllTextAsync(Path.Combine(_directory, "rules.json"), await client.GetStringAsync($"/events/{e.Id}/exports/rules.json?category={_category}"));
        await File.WriteAllLinesAsync(Path.Combine(_directory, "teams.txt"), e.EngineTeams(_category));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CommandLine.Run(["results", "--rules", "rules.json", "--scores", "scores.csv", "--teams", "teams.txt"], output, error, _directory);

        Assert.True(code == CommandLine.Ok, error.ToString());
        var cli = output.ToString().TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(';')).Select(f => (f[0], Guid.Parse(f[1]).ToString("D"), decimal.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(e.Standings(_category).Standings.Select(s => (s.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, s.Team, s.Total!.Value)), cli);

        // A pupil's feedback card shows the places the jury gave and the points, not an empty score table.
        var card = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{e.Id}/feedback?team={Team("De Zwaluwen").Id}"));
        Assert.Contains("Plaatsen van de jury: ", card, StringComparison.Ordinal);
        Assert.Contains("3e", card, StringComparison.Ordinal);
        Assert.Contains("niet gerangschikt", card, StringComparison.Ordinal);
        Assert.Contains("Punten: 8.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Voor dit team zijn geen scores", card, StringComparison.Ordinal);

        // The raw scores export has the ballots' rows: criterion empty, value = the rank.
        Assert.Contains("Junior;De Zwaluwen;De Regenboog;Marieke de Vries;;3;", await client.GetStringAsync($"/events/{e.Id}/exports/scores.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APaperBallotSheet_IsEnteredAsBallotsFromPaper_AndAuditedAsSuch()
    {
        const string sheet = """
            team;judge;criterion;value
            De Vonken;Marieke de Vries;;1
            De Zwaluwen;Marieke de Vries;;2
            De Bouwers;hans bakker;;1
            """;
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PaperScoresSection>(p => p.Add(c => c.Event, Current).Add(c => c.CategoryId, _category));

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(sheet, "papier.csv"));
        section.WaitForAssertion(() => Assert.Contains("2 nieuwe rangschikkingen, 0 correcties", section.Find("#paper-ready").TextContent, StringComparison.Ordinal));
        await section.Find("#paper-enter").ClickAsync(new());

        Assert.Equal([Team("De Vonken").Id, Team("De Zwaluwen").Id], Current.BallotOf(_event.Judges[0].Id)!.TeamIds);
        Assert.Equal([Team("De Bouwers").Id], Current.BallotOf(_event.Judges[1].Id)!.TeamIds);
        Assert.True(Current.BallotOf(_event.Judges[1].Id)!.FromPaper);
        var audit = await (await Security.StaffClients.ModeratorAsync(_app)).GetStringAsync($"/events/{_event.Id}/exports/audit.csv");
        Assert.Contains("ranking submitted from paper", audit, StringComparison.Ordinal);

        // A ballot row with a criterion, or a rank given twice, is refused with its line.
        var bad = context.Render<PaperScoresSection>(p => p.Add(c => c.Event, Current).Add(c => c.CategoryId, _category));
        bad.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("""
            team;judge;criterion;value
            De Vonken;Hans Bakker;Oplossing;1
            De Bouwers;Hans Bakker;;2
            De Zwaluwen;Hans Bakker;;2
            """, "papier.csv"));
        bad.WaitForAssertion(() =>
        {
            var items = bad.FindAll("#paper-errors li").Select(li => li.TextContent).ToList();
            Assert.Equal(2, items.Count);
            Assert.StartsWith("Regel 2:", items[0], StringComparison.Ordinal);
            Assert.StartsWith("Regel 4:", items[1], StringComparison.Ordinal);
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
