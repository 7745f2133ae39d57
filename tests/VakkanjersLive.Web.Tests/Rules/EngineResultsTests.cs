using Bunit;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;
using VakkanjersLive.Web.Tests.Security;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>The results page ranks with the rules engine and the category's declared rules; the explanation page shows how.</summary>
public sealed class EngineResultsTests : IDisposable
{
    private readonly TestApp _app = new();

    private static List<(string Team, string Rank)> Rows(IRenderedComponent<ResultsView> view, LiveEvent e) =>
        [.. view.FindAll("#results-table tbody tr").Select(tr => (e.FindTeam(Guid.Parse(tr.GetAttribute("data-team")!))!.Name, tr.QuerySelector("td")!.TextContent.Trim()))];

    [Fact]
    public async Task WithoutDeclaredRules_TheRankingIsTheEventMethodsRanking()
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        await using var context = RulesTestSupport.NewContext(_app);

        var view = context.Render<ResultsView>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category).Add(c => c.CanConfigure, true));

        var expected = e.Results(category).Select(r => (e.FindTeam(r.TeamId)!.Name, r.Rank!.Value.ToString(System.Globalization.CultureInfo.CurrentCulture))).ToList();
        Assert.Equal(expected, Rows(view, e));
        Assert.Equal(e.Results(category).Select(r => r.Score!.Value.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture)),
            view.FindAll("#results-table tbody td.score").Select(td => td.TextContent));
    }

    [Fact]
    public async Task WithDeclaredRules_TeamsUnderMinJudgesAreIncomplete_AndTheOthersRankedByTheRules()
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        // Trimmed mean drops Ayşe's 4/9 for De Bouwers and her 10/10 for De Vonken: De Vonken first on the plain mean, De Bouwers on the trimmed one.
        Assert.Equal("De Vonken", e.FindTeam(e.Results(category)[0].TeamId)!.Name);
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, RulesPresets.TrimmedMean(s.RulesOf(category).Criteria) with { Panel = new PanelRules(PanelMethod.Mean, 1, 1, MinJudges: 2) }));
        e = RulesTestSupport.Current(_app, e.Id);
        await using var context = RulesTestSupport.NewContext(_app);

        var view = context.Render<ResultsView>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category).Add(c => c.CanConfigure, true));

        Assert.Equal([("De Bouwers", "1"), ("De Vonken", "2"), ("De Zwaluwen", "onvolledig")], Rows(view, e));
        Assert.Contains("incomplete", view.Find($"#results-table tr[data-team='{e.Teams.Single(t => t.Name == "De Zwaluwen").Id}']").ClassName, StringComparison.Ordinal);
        Assert.True(view.Find("#results-method").HasAttribute("disabled") || view.Markup.Contains("eigen rekenregels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExplanationPage_ShowsThePanel_TheDroppedMarks_TheRoundingAndTheTotal()
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, RulesPresets.TrimmedMean(s.RulesOf(category).Criteria)));
        e = RulesTestSupport.Current(_app, e.Id);
        var bouwers = e.Teams.Single(t => t.Name == "De Bouwers");
        var standing = e.Standings(category).Standings.Single(s => s.Team == bouwers.Id.ToString("D"));
        var client = await StaffClients.ModeratorAsync(_app);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{e.Id}/results/{bouwers.Id}/explain"));

        Assert.Contains("Hoe is deze score tot stand gekomen? De Bouwers", page, StringComparison.Ordinal);
        foreach (var judge in e.Judges)
        {
            Assert.Contains($"data-judge=\"{judge.Id}\"", page, StringComparison.Ordinal);
        }

        Assert.Equal(2, standing.Trail.Count(t => t.Kind == TrailKind.Dropped));
        Assert.Equal(2, CountOf(page, "data-kind=\"Dropped\""));
        Assert.Contains("data-kind=\"Rounded\"", page, StringComparison.Ordinal);
        Assert.Contains("Afgerond bij totaal", page, StringComparison.Ordinal);
        Assert.Contains($"Totaal: {standing.Total!.Value.ToString("0.##########", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}", page, StringComparison.Ordinal);
        Assert.Contains("plaats 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplanationPage_OfAnIncompleteTeam_SaysSo()
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, s.RulesOf(category) with { Panel = new PanelRules(MinJudges: 2) }));
        var zwaluwen = e.Teams.Single(t => t.Name == "De Zwaluwen");
        var client = await StaffClients.ModeratorAsync(_app);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{e.Id}/results/{zwaluwen.Id}/explain"));

        Assert.Contains("maar onvolledig: 1 jurylid/juryleden, minimaal 2 nodig", page, StringComparison.Ordinal);
        Assert.Contains("nee: geen scorekaart", page, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    public void Dispose() => _app.Dispose();
}
