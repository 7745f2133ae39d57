using System.Net;
using Bunit;
using VakkanjersLive.Cli;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;
using VakkanjersLive.Web.Tests.Security;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>
/// The long-format scores export and the rules export: fed to the command-line tool (the organiser's own check),
/// they give exactly the ranking of the web results page.
/// </summary>
public sealed class LongExportTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("vkl-cli-").FullName;

    [Fact]
    public async Task ScoresLong_IsOneRowPerJudgeTeamAndCriterion_InTheLongFormat()
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var client = await StaffClients.ModeratorAsync(_app);

        var response = await client.GetAsync($"/events/{e.Id}/exports/scores-long.csv?category={e.Categories[0].Id}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal("team;performance;factor;panel;judge;criterion;value", lines[0]);
        Assert.Equal(7 * 2, lines.Length - 1);
        var bouwers = e.Teams.Single(t => t.Name == "De Bouwers");
        Assert.Contains($"{bouwers.Id:D};;;;{e.Judges[0].Id:D};{e.Rubric[0].Id:D};8", lines);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{e.Id}/exports/scores-long.csv?category={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task RulesExport_IsTheCategorysRulesFile()
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        var rules = RulesPresets.TrimmedMean(e.RulesOf(category).Criteria);
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, rules));
        var client = await StaffClients.ModeratorAsync(_app);

        var response = await client.GetAsync($"/events/{e.Id}/exports/rules.json");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(rules, RulesJson.Read(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("event")]
    [InlineData("trimmed")]
    [InlineData("median-rounded")]
    public async Task TheCommandLineTool_OnTheExports_ReproducesTheResultsPagesRanking(string declared)
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        var criteria = e.RulesOf(category).Criteria;
        ScoringRules? rules = declared switch
        {
            "trimmed" => RulesPresets.TrimmedMean(criteria) with { Panel = new PanelRules(PanelMethod.Mean, 1, 1, MinJudges: 2) },
            "median-rounded" => RulesPresets.VakkanjersDefault(criteria) with
            {
                Panel = new PanelRules(PanelMethod.Median),
                Rounding = new RoundingRules(1, RoundingMode.HalfEven, [RoundingStage.Criterion, RoundingStage.Total]),
                TieBreaks = [new RulesTieBreak(RulesTieBreakKind.MostFirstPlaces)],
            },
            _ => null,
        };
        if (rules is not null)
        {
            await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, rules));
        }

        e = RulesTestSupport.Current(_app, e.Id);
        var client = await StaffClients.ModeratorAsync(_app);
        await File.WriteAllTextAsync(Path.Combine(_directory, "scores.csv"), await client.GetStringAsync($"/events/{e.Id}/exports/scores-long.csv?category={category}"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "rules.json"), await client.GetStringAsync($"/events/{e.Id}/exports/rules.json?category={category}"));
        await File.WriteAllLinesAsync(Path.Combine(_directory, "teams.txt"), e.EngineTeams(category));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CommandLine.Run(["results", "--rules", "rules.json", "--scores", "scores.csv", "--teams", "teams.txt"], output, error, _directory);

        Assert.True(code == CommandLine.Ok, error.ToString());
        var cli = output.ToString().TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(';')).Select(f => (Team: Guid.Parse(f[1]), Rank: f[0])).ToList();
        await using var context = RulesTestSupport.NewContext(_app);
        var page = context.Render<ResultsView>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category).Add(c => c.CanConfigure, true));
        var shown = page.FindAll("#results-table tbody tr")
            .Select(tr => (Team: Guid.Parse(tr.GetAttribute("data-team")!), Rank: tr.QuerySelector("td")!.TextContent.Trim()))
            .Select(r => (r.Team, Rank: int.TryParse(r.Rank.TrimEnd('='), out _) ? r.Rank.TrimEnd('=') : string.Empty))
            .ToList();
        Assert.Equal(shown, cli);

        // The same files through the tool's own calls give the page's standings, totals included.
        var engine = RulesEngine.Compute(e.RulesOf(category), ScoresCsv.Read(File.ReadAllText(Path.Combine(_directory, "scores.csv")), e.RulesOf(category)).Marks, e.EngineTeams(category));
        Assert.Equal(e.Standings(category).Standings, engine.Standings, (a, b) => a.Team == b.Team && a.Rank == b.Rank && a.Total == b.Total && a.Incomplete == b.Incomplete);
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
