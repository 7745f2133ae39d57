using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;
using VakkanjersLive.Web.Tests.Security;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>Paper score sheets in the judging console: every error with its line and nothing stored, or scorecards from paper.</summary>
public sealed class PaperScoresTests : IDisposable
{
    private readonly TestApp _app = new();

    private async Task<LiveEvent> OpenedFinaleAsync()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        foreach (var team in finale.Teams)
        {
            await RulesTestSupport.Run(_app, finale.Id, s => s.OpenJudging(team.Id));
        }

        return RulesTestSupport.Current(_app, finale.Id);
    }

    [Fact]
    public async Task ASheetWithErrors_ListsEachWithItsLine_AndStoresNothing()
    {
        var e = await OpenedFinaleAsync();
        const string sheet = """
            team;judge;criterion;value
            De Bouwers;Marieke de Vries;Oplossing;8
            De Bouwers;Marieke de Vries;Presentatie;6
            De Bouwers;Piet Onbekend;Oplossing;7
            De Vonken;hans bakker;Oplossing;11
            De Vonken;hans bakker;Presentatie;7,5
            """;
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PaperScoresSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, e.Categories[0].Id));

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(sheet, "papier.csv"));

        section.WaitForAssertion(() =>
        {
            var items = section.FindAll("#paper-errors li").Select(li => li.TextContent).ToList();
            Assert.Equal(3, items.Count);
            Assert.Equal("Regel 4: Jurylid ‘Piet Onbekend’ zit niet in het panel van deze categorie.", items[0]);
            Assert.StartsWith("Regel 5:", items[1], StringComparison.Ordinal);
            Assert.Contains("11", items[1], StringComparison.Ordinal);
            Assert.StartsWith("Regel 6: Criterium ‘Presentatie’: 7.5 ligt niet op de stap 1.", items[2], StringComparison.Ordinal);
        });
        Assert.Empty(section.FindAll("#paper-enter"));
        Assert.Empty(RulesTestSupport.Current(_app, e.Id).Scorecards);
    }

    [Fact]
    public async Task AValidSheet_BecomesScorecardsFromPaper_ByTheModerator_OnTheAuditTrail()
    {
        var e = await OpenedFinaleAsync();
        var bouwers = e.Teams.Single(t => t.Name == "De Bouwers");
        var marieke = e.Judges.Single(j => j.Name == "Marieke de Vries");
        const string sheet = "team;performance;factor;panel;judge;criterion;value\n"
            + "De Bouwers;;;;Marieke de Vries;Oplossing;8\nDe Bouwers;;;;Marieke de Vries;Presentatie;6\n"
            + "De Vonken;;;;Hans Bakker;Oplossing;7\nDe Vonken;;;;Hans Bakker;Presentatie;9\n";
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PaperScoresSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, e.Categories[0].Id));
        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(sheet, "papier.csv"));
        section.WaitForAssertion(() => Assert.Contains("2 nieuwe scorekaarten, 0 correcties", section.Find("#paper-ready").TextContent, StringComparison.Ordinal));

        await section.Find("#paper-enter").ClickAsync(new());

        var after = RulesTestSupport.Current(_app, e.Id);
        Assert.Equal(2, after.Scorecards.Count);
        Assert.Equal([8m, 6m], after.ScorecardOf(marieke.Id, bouwers.Id)!.Scores.Select(s => s.Value));
        var audit = await (await StaffClients.ModeratorAsync(_app)).GetStringAsync($"/events/{e.Id}/exports/audit.csv");
        Assert.Equal(2, audit.Split('\n').Count(l => l.Contains("score submitted from paper", StringComparison.Ordinal) && l.Contains("moderator", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WithHalfPointSteps_ASheetWithDecimalCommas_IsEntered_AndOffStepValuesAreRefused()
    {
        var e = await OpenedFinaleAsync();
        var category = e.Categories[0].Id;
        var rules = Domain.Scoring.Rules.RulesPresets.VakkanjersDefault([.. e.RulesOf(category).Criteria.Select(c => c with { Step = 0.5m })]);
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, rules));
        e = RulesTestSupport.Current(_app, e.Id);
        var bouwers = e.Teams.Single(t => t.Name == "De Bouwers");
        var marieke = e.Judges.Single(j => j.Name == "Marieke de Vries");
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PaperScoresSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category));

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("team;judge;criterion;value\nDe Bouwers;Marieke de Vries;Oplossing;7,5\nDe Bouwers;Marieke de Vries;Presentatie;6.3\n", "papier.csv"));
        section.WaitForAssertion(() => Assert.StartsWith("Regel 3: Criterium ‘Presentatie’: 6.3 ligt niet op de stap 0.5.", section.Find("#paper-errors li").TextContent, StringComparison.Ordinal));

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("team;judge;criterion;value\nDe Bouwers;Marieke de Vries;Oplossing;7,5\nDe Bouwers;Marieke de Vries;Presentatie;6.5\n", "papier.csv"));
        section.WaitForAssertion(() => Assert.Contains("1 nieuwe scorekaarten", section.Find("#paper-ready").TextContent, StringComparison.Ordinal));
        await section.Find("#paper-enter").ClickAsync(new());

        Assert.Equal([7.5m, 6.5m], RulesTestSupport.Current(_app, e.Id).ScorecardOf(marieke.Id, bouwers.Id)!.Scores.Select(s => s.Value));
    }

    [Fact]
    public async Task ASheetForATeamWhoseJudgingIsNotOpen_IsRefusedWithTheScoringReason()
    {
        var e = await TestData.JudgingFinaleAsync(_app);
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PaperScoresSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, e.Categories[0].Id));

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("team;judge;criterion;value\nDe Bouwers;Hans Bakker;Oplossing;7\nDe Bouwers;Hans Bakker;Presentatie;7\n", "papier.csv"));

        section.WaitForAssertion(() => Assert.StartsWith("Regel 2:", section.Find("#paper-errors li").TextContent, StringComparison.Ordinal));
        Assert.Empty(RulesTestSupport.Current(_app, e.Id).Scorecards);
    }

    public void Dispose() => _app.Dispose();
}
