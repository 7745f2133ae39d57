using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Events;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>The rubric tab's rules section: options saved as declared rules, the rules file shown, uploads checked.</summary>
public sealed class CategoryRulesSectionTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task SavingTheOptions_DeclaresTheCategorysRules_AndShowsThemAsJson()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<CategoryRulesSection>(p => p.Add(c => c.Event, finale));

        section.Find("input#rules-min-judges").Change("2");
        section.Find("input#rules-drop-highest").Change("1");
        section.Find("input#rules-drop-lowest").Change("1");
        await section.Find("#rules-save").ClickAsync(new());

        var e = RulesTestSupport.Current(_app, finale.Id);
        var category = finale.Categories[0].Id;
        Assert.True(e.HasDeclaredRules(category));
        Assert.Equal(new PanelRules(PanelMethod.Mean, 1, 1, TrimMode.PerCard, 2), e.RulesOf(category).Panel);
        section.Render(p => p.Add(c => c.Event, e));
        Assert.Contains("\"minJudges\": 2", section.Find("#rules-json").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadingABrokenRulesFile_ListsEveryErrorWithItsLine_AndStoresNothing()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<CategoryRulesSection>(p => p.Add(c => c.Event, finale));
        const string broken = "{\n  \"panel\": { \"method\": \"avarage\" },\n  \"scale\": \"raw\",\n  \"weigths\": \"absolute\"\n}\n";

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(broken, "rules.json"));

        section.WaitForAssertion(() =>
        {
            var items = section.FindAll("#rules-file-errors li").Select(li => li.TextContent).ToList();
            Assert.Equal(2, items.Count);
            Assert.StartsWith("Regel 2:", items[0], StringComparison.Ordinal);
            Assert.Contains("$.panel.method", items[0], StringComparison.Ordinal);
            Assert.StartsWith("Regel 4:", items[1], StringComparison.Ordinal);
        });
        Assert.False(RulesTestSupport.Current(_app, finale.Id).HasDeclaredRules(finale.Categories[0].Id));
    }

    [Fact]
    public async Task UploadingAValidRulesFile_DeclaresIt()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        var rules = RulesPresets.TrimmedMean(finale.RulesOf(category).Criteria) with { Panel = new PanelRules(PanelMethod.Median, MinJudges: 3) };
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<CategoryRulesSection>(p => p.Add(c => c.Event, finale));

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(RulesJson.Write(rules), "rules.json"));

        section.WaitForAssertion(() => Assert.Equal(rules, RulesTestSupport.Current(_app, finale.Id).RulesOf(category)));
    }

    [Fact]
    public async Task UploadingRulesThatDoNotFitTheRubric_ShowsTheReason_AndStoresNothing()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        var criteria = finale.RulesOf(category).Criteria;
        var rules = RulesPresets.TrimmedMean([criteria[0] with { Max = 20 }, criteria[1]]);
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<CategoryRulesSection>(p => p.Add(c => c.Event, finale));

        section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(RulesJson.Write(rules), "rules.json"));

        section.WaitForAssertion(() => Assert.Contains("Criterium ‘Oplossing’ heeft in de rubric schaal 1–10 en gewicht 3", section.Markup, StringComparison.Ordinal));
        Assert.False(RulesTestSupport.Current(_app, finale.Id).HasDeclaredRules(category));
    }

    public void Dispose() => _app.Dispose();
}
