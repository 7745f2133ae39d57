using System.Net;
using System.Net.Http.Json;
using Bunit;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;
using VakkanjersLive.Web.Features.Jury;
using VakkanjersLive.Web.Tests.Security;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>
/// Rounds in the web app (docs/scoring.md, "Rounds"): a heat of three teams, the top two advance to the final, and
/// the exports, the feedback cards, the jury's score endpoint and the console's advance step keep the rounds apart.
/// </summary>
public sealed class RoundsWebTests : IDisposable
{
    private readonly TestApp _app = new();

    /// <summary>
    /// <see cref="RulesTestSupport.ScoredFinaleAsync"/> as the heat (De Vonken 75.9, De Bouwers 67.6, De Zwaluwen 44.4),
    /// signed off; the final (median) has De Vonken and De Bouwers, and the first judge scored them 1/1 and 10/10.
    /// </summary>
    private async Task<(LiveEvent Event, Guid Heat, Guid Final)> HeatAndFinalAsync()
    {
        var e = await RulesTestSupport.ScoredFinaleAsync(_app);
        var category = e.Categories[0].Id;
        var final = Guid.NewGuid();
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRounds(category, ["Voorronde", "Finale"], () => final));
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, s.RulesOf(category) with { Panel = new PanelRules(PanelMethod.Median) }, final));
        await RulesTestSupport.Run(_app, e.Id, s => s.LockCategory(category));
        await RulesTestSupport.Run(_app, e.Id, s => s.AdvanceTop(category, 2, includeTied: false));
        var judge = e.Judges[0].Id;
        foreach (var (team, value) in new[] { ("De Vonken", 1), ("De Bouwers", 10) })
        {
            var id = e.Teams.Single(t => t.Name == team).Id;
            await RulesTestSupport.Run(_app, e.Id, s => s.OpenJudging(id));
            await RulesTestSupport.Run(_app, e.Id, s => s.SubmitScore(judge, id, [new CriterionScore(s.Rubric[0].Id, value, ""), new CriterionScore(s.Rubric[1].Id, value, "")], null, null), $"judge:{judge}");
        }

        return (RulesTestSupport.Current(_app, e.Id), e.Id, final);
    }

    [Fact]
    public async Task ResultsCsv_ShowsTheCurrentRound_OrTheRoundAskedFor()
    {
        var (e, heat, _) = await HeatAndFinalAsync();
        var client = await StaffClients.ModeratorAsync(_app);

        var final = (await client.GetStringAsync($"/events/{e.Id}/exports/results.csv?culture=en")).TrimEnd('\n').Split('\n');
        var before = (await client.GetStringAsync($"/events/{e.Id}/exports/results.csv?culture=en&round={heat}")).TrimEnd('\n').Split('\n');

        Assert.Equal(["Junior · Finale,1,no,De Bouwers", "Junior · Finale,2,no,De Vonken"], final.Skip(1).Select(Head));
        Assert.Equal(["Junior · Voorronde,1,no,De Vonken", "Junior · Voorronde,2,no,De Bouwers", "Junior · Voorronde,3,no,De Zwaluwen"], before.Skip(1).Select(Head));
    }

    [Fact]
    public async Task ScoresLongAndRules_ArePerRound_AndAnUnknownRoundIsNotFound()
    {
        var (e, heat, final) = await HeatAndFinalAsync();
        var category = e.Categories[0].Id;
        var client = await StaffClients.ModeratorAsync(_app);

        var finalScores = await client.GetAsync($"/events/{e.Id}/exports/scores-long.csv?category={category}");
        var heatScores = await client.GetStringAsync($"/events/{e.Id}/exports/scores-long.csv?category={category}&round={heat}");
        var finalRules = RulesJson.Read(await client.GetStringAsync($"/events/{e.Id}/exports/rules.json?category={category}&round={final}"));
        var heatRules = RulesJson.Read(await client.GetStringAsync($"/events/{e.Id}/exports/rules.json?category={category}&round={heat}"));

        Assert.Equal(2 * 2, (await finalScores.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Length - 1);
        Assert.EndsWith("-junior-finale-scores-long.csv", finalScores.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(7 * 2, heatScores.TrimEnd('\n').Split('\n').Length - 1);
        Assert.Equal(PanelMethod.Median, finalRules.Panel.Method);
        Assert.Equal(PanelMethod.Mean, heatRules.Panel.Method);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{e.Id}/exports/rules.json?category={category}&round={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task FeedbackCards_ArePerRound()
    {
        var (e, heat, _) = await HeatAndFinalAsync();
        var client = await StaffClients.ModeratorAsync(_app);

        var final = WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{e.Id}/feedback"));
        var before = WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{e.Id}/feedback?round={heat}"));

        Assert.Equal(2, Count(final, "class=\"feedback-card\""));
        Assert.DoesNotContain("De Zwaluwen", final, StringComparison.Ordinal);
        Assert.Contains("Junior · Finale", final, StringComparison.Ordinal);
        Assert.Equal(3, Count(before, "class=\"feedback-card\""));
        Assert.Contains("Junior · Voorronde", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJurysOutbox_WithAScorecardTypedInTheHeat_IsRefusedInTheFinal()
    {
        var (e, heat, final) = await HeatAndFinalAsync();
        var judge = await StaffClients.JudgeAsync(_app, e);
        var vonken = e.Teams.Single(t => t.Name == "De Vonken").Id;
        var lines = e.Rubric.Select(c => new ScoreSubmissionLine(c.Id, 9, null)).ToList();

        var stale = await judge.PostAsJsonAsync("/api/jury/scores", new ScoreSubmission(Guid.NewGuid(), vonken, lines, null, "Nog van de voorronde", heat));
        var receipt = await stale.Content.ReadFromJsonAsync<ScoreReceipt>();
        var current = await judge.PostAsJsonAsync("/api/jury/scores", new ScoreSubmission(Guid.NewGuid(), vonken, lines, null, "Herzien", final));

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal("score.round-changed", receipt?.Code);
        Assert.Contains("Finale", receipt?.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var card = RulesTestSupport.Current(_app, e.Id).ScorecardOf(e.Judges[0].Id, vonken);
        Assert.Equal((final, 2), (card?.RoundId, card?.Revision));
    }

    [Fact]
    public async Task TheJuryForm_ShowsTheFinal_WithTheAdvancedTeamsOnly()
    {
        var (e, _, final) = await HeatAndFinalAsync();
        var judge = await StaffClients.JudgeAsync(_app, e);

        var page = WebUtility.HtmlDecode(await judge.GetStringAsync("/jury"));

        Assert.Contains("Huidige ronde: Finale", page, StringComparison.Ordinal);
        Assert.Equal(2, Count(page, $"data-round=\"{final}\""));
        Assert.DoesNotContain("De Zwaluwen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvancingWithATieAtTheCutOff_ShowsTheTiedTeams_AndNeedsThemIncluded()
    {
        var e = await TestData.JudgingFinaleAsync(_app);
        var category = e.Categories[0].Id;
        await RulesTestSupport.Run(_app, e.Id, s => s.RegisterTeam(Guid.NewGuid(), "De Zwaluwen", s.Schools[0].Id, category, "Vogelhuis", ["Fleur"]));
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRounds(category, ["Voorronde", "Finale"], Guid.NewGuid));
        e = RulesTestSupport.Current(_app, e.Id);
        var judge = e.Judges[0].Id;
        foreach (var (team, value) in new[] { ("De Bouwers", 9), ("De Vonken", 6), ("De Zwaluwen", 6) })
        {
            var id = e.Teams.Single(t => t.Name == team).Id;
            await RulesTestSupport.Run(_app, e.Id, s => s.OpenJudging(id));
            await RulesTestSupport.Run(_app, e.Id, s => s.SubmitScore(judge, id, [new CriterionScore(s.Rubric[0].Id, value, ""), new CriterionScore(s.Rubric[1].Id, value, "")], null, null), $"judge:{judge}");
        }

        await using var context = RulesTestSupport.NewContext(_app);
        e = RulesTestSupport.Current(_app, e.Id);
        var section = context.Render<RoundsSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category));

        // Not signed off yet: refused with the reason, nothing stored.
        await section.Find("#plan-advance").ClickAsync(new());
        Assert.Contains("Teken de ronde eerst af", section.Find("#advance-error").TextContent, StringComparison.Ordinal);

        await RulesTestSupport.Run(_app, e.Id, s => s.LockCategory(category));
        section.Render(p => p.Add(c => c.Event, RulesTestSupport.Current(_app, e.Id)));
        await section.Find("#plan-advance").ClickAsync(new());

        Assert.Equal(["De Bouwers"], section.FindAll("#advancing li").Select(li => li.TextContent));
        Assert.Contains("De Vonken, De Zwaluwen", section.Find("#advance-tie").TextContent, StringComparison.Ordinal);
        Assert.True(section.Find("#confirm-advance").HasAttribute("disabled"));

        section.Find("#advance-plan input[type=checkbox]").Change(true);
        await section.Find("#confirm-advance").ClickAsync(new());

        var after = RulesTestSupport.Current(_app, e.Id);
        Assert.Equal("Finale", after.RoundNameOf(category, after.RoundOf(category)));
        Assert.Equal(3, after.TeamsInRound(category).Count());
    }

    [Fact]
    public async Task ThePanelOfARound_IsSetInTheConsole_AndAJudgeOffThePanelSeesNoTeams()
    {
        var e = await TestData.JudgingFinaleAsync(_app);
        var category = e.Categories[0].Id;
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRounds(category, ["Voorronde", "Finale"], Guid.NewGuid));
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<RoundsSection>(p => p.Add(c => c.Event, RulesTestSupport.Current(_app, e.Id)).Add(c => c.CategoryId, category));

        // Untick the chair (listed first by name: "Hans Bakker", "Marieke de Vries").
        var boxes = section.FindAll("#round-panel input[type=checkbox]");
        Assert.Equal(2, boxes.Count);
        boxes[1].Change(false);
        await section.Find("#save-round-panel").ClickAsync(new());

        var after = RulesTestSupport.Current(_app, e.Id);
        Assert.Equal(["Hans Bakker"], after.PanelOf(category).Select(j => j.Name));
        var page = WebUtility.HtmlDecode(await (await StaffClients.JudgeAsync(_app, e)).GetStringAsync("/jury"));
        Assert.Contains("Je zit niet in de jury van Voorronde", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-team-form", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResultsView_OfTheHeat_ShowsTheHeatsRanking_WithNothingToConfigure()
    {
        var (e, heat, _) = await HeatAndFinalAsync();
        await using var context = RulesTestSupport.NewContext(_app);
        var category = e.Categories[0].Id;

        var final = context.Render<ResultsView>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category).Add(c => c.CanConfigure, true));
        var before = context.Render<ResultsView>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category).Add(c => c.RoundId, heat).Add(c => c.CanConfigure, true));

        Assert.Equal(["De Bouwers", "De Vonken"], Names(e, final));
        Assert.Equal(["De Vonken", "De Bouwers", "De Zwaluwen"], Names(e, before));
        Assert.Empty(before.FindAll("#save-minimum"));
        Assert.NotEmpty(final.FindAll("#save-minimum"));
    }

    private static List<string> Names(LiveEvent e, IRenderedComponent<ResultsView> view) =>
        [.. view.FindAll("#results-table tbody tr").Select(tr => e.FindTeam(Guid.Parse(tr.GetAttribute("data-team")!))!.Name)];

    private static string Head(string line) => string.Join(',', line.Split(',').Take(4));

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    public void Dispose() => _app.Dispose();
}
