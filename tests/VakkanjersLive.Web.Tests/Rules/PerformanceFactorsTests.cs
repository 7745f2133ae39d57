using Bunit;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Judging;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>The judging console's factors per performance: a moderator sets a team's degree of difficulty, validated.</summary>
public sealed class PerformanceFactorsTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task WithoutSeveralPerformances_TheSectionIsNotShown()
    {
        var e = await TestData.JudgingFinaleAsync(_app);
        await using var context = RulesTestSupport.NewContext(_app);

        var section = context.Render<PerformanceFactorsSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, e.Categories[0].Id));

        Assert.Empty(section.FindAll("#performance-factors"));
    }

    [Fact]
    public async Task AModerator_SetsAFactorWithADecimalComma_AndAZeroIsRefused()
    {
        var e = await TestData.JudgingFinaleAsync(_app);
        var category = e.Categories[0].Id;
        await RulesTestSupport.Run(_app, e.Id, s => s.DeclareCategoryRules(category, s.RulesOf(category) with { Performances = new PerformanceRules(PerformanceCombine.Sum, 3) }));
        e = RulesTestSupport.Current(_app, e.Id);
        var bouwers = e.Teams.Single(t => t.Name == "De Bouwers");
        await using var context = RulesTestSupport.NewContext(_app);
        var section = context.Render<PerformanceFactorsSection>(p => p.Add(c => c.Event, e).Add(c => c.CategoryId, category));

        Assert.Equal(3, section.FindAll($"tr[data-team='{bouwers.Id}'] input").Count);
        Assert.Equal("Factor van De Bouwers, uitvoering 2", section.Find($"label[for='factor-{bouwers.Id:N}-2']").TextContent);
        await section.Find($"#factor-{bouwers.Id:N}-2").ChangeAsync(new() { Value = "3,2" });
        section.WaitForAssertion(() => Assert.Equal(3.2m, RulesTestSupport.Current(_app, e.Id).FactorOf(bouwers.Id, "2")));

        await section.Find($"#factor-{bouwers.Id:N}-1").ChangeAsync(new() { Value = "0" });
        section.WaitForAssertion(() => Assert.Contains("De factor moet groter dan 0 en hoogstens 1000 zijn.", section.Markup, StringComparison.Ordinal));
        await section.Find($"#factor-{bouwers.Id:N}-3").ChangeAsync(new() { Value = "drie" });
        Assert.Null(RulesTestSupport.Current(_app, e.Id).FactorOf(bouwers.Id, "1"));
        Assert.Null(RulesTestSupport.Current(_app, e.Id).FactorOf(bouwers.Id, "3"));
    }

    public void Dispose() => _app.Dispose();
}
