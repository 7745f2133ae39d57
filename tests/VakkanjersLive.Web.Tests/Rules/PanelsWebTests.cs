using Bunit;
using VakkanjersLive.Cli;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;
using VakkanjersLive.Web.Tests.Security;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>
/// Panels and blends in the web app: the judging console puts judges in panels and links the per-class poll of the
/// category's teams to the audience panel; the results page, the exports and the command-line tool show both parts.
/// </summary>
public sealed class PanelsWebTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("vkl-panels-").FullName;
    private readonly Guid _poll = Guid.NewGuid();

    private static ScoringRules ThreePanels(ScoringRules rules) => RulesPresets.Jury80Public20(rules.Criteria) with
    {
        Panels = new PanelsRules(PanelBlend.Weighted, [new PanelDefinition("jury", 0.5m), new PanelDefinition("experts", 0.3m), new PanelDefinition("public", 0.2m, Votes: true)]),
    };

    /// <summary>
    /// The scored finale under <paramref name="rules"/>, with a per-class poll of its three teams: class 4A of Het Baken
    /// votes De Bouwers ×3 and De Zwaluwen ×1 (12 and 10 points), class 5C of De Regenboog De Vonken ×2 (12).
    /// </summary>
    private async Task<LiveEvent> VotedAsync(Func<ScoringRules, ScoringRules> rules, bool link)
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, rules(s.RulesOf(category))));
        var (baken, regenboog) = (e.Schools.Single(s => s.Name == "Het Baken").Id, e.Schools.Single(s => s.Name == "De Regenboog").Id);
        var (klas4A, klas5C) = (Guid.NewGuid(), Guid.NewGuid());
        await RulesTestSupport.Run(_app, e.Id, s => s.AddClass(klas4A, baken, "4A", null, SignInCodes.Generate()));
        await RulesTestSupport.Run(_app, e.Id, s => s.AddClass(klas5C, regenboog, "5C", null, SignInCodes.Generate()));
        var options = e.Teams.OrderBy(t => t.Name).Select(t => new PollOption(Guid.NewGuid(), t.Name, t.Id)).ToList();
        await RulesTestSupport.Run(_app, e.Id, s => s.CreatePoll(_poll, "Publieksprijs Junior", options, resultsLive: false, PollMode.PerClass));
        await RulesTestSupport.Run(_app, e.Id, s => s.OpenPoll(_poll));
        if (link)
        {
            await RulesTestSupport.Run(_app, e.Id, s => s.LinkPanelPoll(category, "public", _poll));
        }

        foreach (var (klas, team, count) in new[] { (klas4A, "De Bouwers", 3), (klas4A, "De Zwaluwen", 1), (klas5C, "De Vonken", 2) })
        {
            var option = options.Single(o => o.Text == team).Id;
            for (var i = 0; i < count; i++)
            {
                await RulesTestSupport.Run(_app, e.Id, s => s.Vote(_poll, option, Guid.NewGuid(), klas), "viewer");
            }
        }

        return RulesTestSupport.Current(_app, e.Id);
    }

    [Fact]
    public async Task TheConsole_ListsTheJudgesPanelsPerJudge_AndMovesAJudge()
    {
        var e = await VotedAsync(ThreePanels, link: false);
        var category = e.Categories[0].Id;
        var hans = e.Judges.Single(j => j.Name == "Hans Bakker");
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PanelsSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category));

        var select = section.Find($"#judge-panel-{hans.Id:N}");
        Assert.Equal(["jury", "experts"], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Hans Bakker", section.Find($"label[for='judge-panel-{hans.Id:N}']").TextContent);
        await select.ChangeAsync(new() { Value = "experts" });

        section.WaitForAssertion(() => Assert.Equal("experts", RulesTestSupport.Current(_app, e.Id).JudgePanelOf(hans.Id)));
        Assert.All(RulesTestSupport.Current(_app, e.Id).MarksOf(category).Where(m => m.Judge == hans.Id.ToString("D")), m => Assert.Equal("experts", m.Panel));
    }

    [Fact]
    public async Task TheConsole_OffersThePerClassPollOfTheTeams_AndLinksIt()
    {
        var e = await VotedAsync(ThreePanels, link: false);
        var category = e.Categories[0].Id;
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PanelsSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category));

        var select = section.Find("#panel-poll-public");
        Assert.Equal(["", _poll.ToString()], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        await select.ChangeAsync(new() { Value = _poll.ToString() });

        section.WaitForAssertion(() => Assert.Equal(_poll, RulesTestSupport.Current(_app, e.Id).PanelPollOf(category, "public")?.Id));
        var now = RulesTestSupport.Current(_app, e.Id);
        Assert.Equal(34m, now.MarksOf(category).Where(m => m.Panel == "public").Sum(m => m.Value));
    }

    [Fact]
    public async Task WithoutPanels_TheConsoleSectionIsNotShown()
    {
        var e = await TestData.JudgingFinaleAsync(_app);
        await using var context = RulesTestSupport.NewContext(_app);

        var section = context.Render<PanelsSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, e.Categories[0].Id));

        Assert.Empty(section.FindAll("#panels-section"));
    }

    [Fact]
    public async Task TheResultsPage_ShowsEachPanelsResultAndShare()
    {
        var e = await VotedAsync(r => RulesPresets.Jury80Public20(r.Criteria), link: true);
        var category = e.Categories[0].Id;
        var bouwers = e.Teams.Single(t => t.Name == "De Bouwers");
        await using var context = RulesTestSupport.NewContext(_app);

        var page = context.Render<ResultsView>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category).Add(c => c.CanConfigure, true));

        Assert.Equal(["jury (80 %)", "publiek (20 %)"], page.FindAll("#results-table th.panel-column").Select(th => th.TextContent.Trim()));
        var standing = e.Standings(category).Standings.Single(s => s.Team == bouwers.Id.ToString("D"));
        Assert.Equal(12m, standing.Panels["public"]);

        // Public: 12 of 34 points = 35,29 %.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        Assert.Equal($"{12m.ToString("F2", culture)} · {35.29m.ToString("0.##", culture)} %", page.Find($"tr[data-team='{bouwers.Id}'] td[data-panel='public']").TextContent.Trim());
        Assert.StartsWith(standing.Panels["jury"].ToString("F2", culture), page.Find($"tr[data-team='{bouwers.Id}'] td[data-panel='jury']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("meer punten van jury", page.Find(".panel-tie-break").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandLineTool_OnTheExports_ReproducesTheBlend_IncludingThePublic_AndResultsCsvHasPanelColumns()
    {
        var e = await VotedAsync(r => RulesPresets.Jury80Public20(r.Criteria), link: true);
        var category = e.Categories[0].Id;
        var client = await StaffClients.ModeratorAsync(_app);

        var scores = await client.GetStringAsync($"/events/{e.Id}/exports/scores-long.csv?category={category}");
        await File.WriteAllTextAsync(Path.Combine(_directory, "scores.csv"), scores);
        await File.WriteAllTextAsync(Path.Combine(_directory, "rules.json"), await client.GetStringAsync($"/events/{e.Id}/exports/rules.json?category={category}"));
        await File.WriteAllLinesAsync(Path.Combine(_directory, "teams.txt"), e.EngineTeams(category));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandLine.Run(["results", "--rules", "rules.json", "--scores", "scores.csv", "--teams", "teams.txt"], output, error, _directory);

        Assert.True(code == CommandLine.Ok, error.ToString());
        Assert.Contains(";;;public;", scores, StringComparison.Ordinal);
        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("rank;team;score;panel:jury;panel:public", lines[0]);
        var standings = e.Standings(category).Standings;
        Assert.Equal(
            standings.Select(s => $"{s.Rank};{s.Team};{s.Total!.Value:F2};{s.Panels["jury"].ToString("F2", System.Globalization.CultureInfo.InvariantCulture)};{s.Panels["public"]:F2}".Replace(',', '.')),
            lines.Skip(1));

        var results = (await client.GetStringAsync($"/events/{e.Id}/exports/results.csv?culture=en")).TrimEnd('\n').Split('\n');
        Assert.True(results[0].Trim('\r').EndsWith("panel:jury,panel:public", StringComparison.Ordinal), results[0]);
        var rawScores = (await client.GetStringAsync($"/events/{e.Id}/exports/scores.csv?culture=en")).Split('\n');
        Assert.EndsWith(",panel", rawScores[0].Trim('\r'), StringComparison.Ordinal);
        Assert.EndsWith(",jury", rawScores[1].Trim('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRevealStep_OfABlendedPlace_CarriesBothParts()
    {
        var e = await VotedAsync(r => RulesPresets.Jury80Public20(r.Criteria), link: true);
        var category = e.Categories[0].Id;
        await RulesTestSupport.Run(_app, e.Id, s => s.LockCategory(category));
        await RulesTestSupport.Run(_app, e.Id, s => s.PrepareReveal(category, rehearsal: false, overrideReason: "test"));
        e = RulesTestSupport.Current(_app, e.Id);
        var reveal = e.RevealOf(category)!;

        var items = Enumerable.Range(0, reveal.Entries.Count).Select(i => Features.Live.ShowFeed.Entry(e, reveal, i, e.Version)).ToList();

        var bouwers = items.Single(i => i.Team!.Name == "De Bouwers");
        Assert.Equal(["jury", "public"], bouwers.Parts!.Select(p => p.Panel));
        Assert.Equal(12d, bouwers.Parts![1].Value);
        await using var context = RulesTestSupport.NewContext(_app);
        var panel = context.Render<Features.Live.RevealPanel>(p => p.Add(c => c.Event, e));
        Assert.Contains(panel.FindAll(".reveal-preview li"), li => li.TextContent.Contains("(jury ", StringComparison.Ordinal) && li.TextContent.Contains(" · publiek 12)", StringComparison.Ordinal));
        Assert.Contains("\"parts\":[{\"panel\":\"jury\"", System.Text.Json.JsonSerializer.Serialize(bouwers, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
