using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Features.Judging;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>
/// The results page's readiness controls: the method dropdown asks before it changes the official method and is shut
/// after a freeze; outliers can be acknowledged; the minimum of scorecards is set per category; the judging console
/// signs off one category.
/// </summary>
public sealed class ResultsPageTests : IDisposable
{
    private readonly TestApp _app = new();

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    [Fact]
    public async Task ChangingTheMethod_AsksFirst_CancelKeepsIt_ConfirmChoosesIt()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await using var context = NewContext();
        var page = Render(context, finale.Id);
        var select = page.FindComponent<MudSelect<AggregationMethod>>();

        var cancelled = page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(AggregationMethod.TrimmedMean));
        page.WaitForAssertion(() => Assert.Contains("Officiële methode wijzigen?", page.Markup, StringComparison.Ordinal));
        await page.InvokeAsync(() => Button(page, "Annuleren").Click());
        await cancelled;
        Assert.False(Store.GetEvent(finale.Id)!.IsMethodChosen);
        Assert.Equal(AggregationMethod.WeightedMean, Store.GetEvent(finale.Id)!.Aggregation);

        select = page.FindComponent<MudSelect<AggregationMethod>>();
        var confirmed = page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(AggregationMethod.TrimmedMean));
        page.WaitForAssertion(() => Assert.Contains("Officiële methode wijzigen?", page.Markup, StringComparison.Ordinal));
        await page.InvokeAsync(() => Button(page, "Wijzigen").Click());
        await confirmed;
        page.WaitForAssertion(() => Assert.True(Store.GetEvent(finale.Id)!.IsMethodChosen));
        Assert.Equal(AggregationMethod.TrimmedMean, Store.GetEvent(finale.Id)!.Aggregation);
    }

    [Fact]
    public async Task AfterAFreeze_TheMethodDropdownIsDisabled()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var team = finale.Teams[0];
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        Task Run(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", decide));
        await Run(s => s.OpenJudging(team.Id));
        await Run(s => s.SubmitScore(finale.Judges[0].Id, team.Id, [new CriterionScore(s.Rubric[0].Id, 7, string.Empty), new CriterionScore(s.Rubric[1].Id, 7, string.Empty)], null, null));
        await Run(s => s.LockCategory(team.CategoryId));
        await Run(s => s.PrepareReveal(team.CategoryId, rehearsal: false, overrideReason: "test"));

        await using var context = NewContext();
        var page = Render(context, finale.Id);

        Assert.True(page.FindComponent<MudSelect<AggregationMethod>>().Instance.Disabled);
        Assert.Contains("de methode ligt vast", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutlier_IsAcknowledgedFromTheResultsPage_AndTheMinimumIsSetThere()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var categoryId = finale.Categories[0].Id;
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        Task Run(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", decide));
        var third = Guid.NewGuid();
        await Run(s => s.AppointJudge(third, "Derde Jurylid", categoryId, null, false));
        var (bouwers, vonken) = (finale.Teams.Single(t => t.Name == "De Bouwers"), finale.Teams.Single(t => t.Name == "De Vonken"));

        // De Bouwers: 100, 100 and 0 (the third judge stands out, z = −2); De Vonken: three equal totals.
        foreach (var (team, judge, value) in new[] { (bouwers, finale.Judges[0].Id, 10), (bouwers, finale.Judges[1].Id, 10), (bouwers, third, 1), (vonken, finale.Judges[0].Id, 5), (vonken, finale.Judges[1].Id, 5), (vonken, third, 5) })
        {
            if (Store.GetEvent(finale.Id)!.JudgingOf(team.Id) == JudgingState.NotOpened)
            {
                await Run(s => s.OpenJudging(team.Id));
            }

            await Run(s => s.SubmitScore(judge, team.Id, [new CriterionScore(s.Rubric[0].Id, value, string.Empty), new CriterionScore(s.Rubric[1].Id, value, string.Empty)], null, null));
        }

        await using var context = NewContext();
        var page = Render(context, finale.Id);
        Assert.Contains("Derde Jurylid bij De Bouwers", page.Find(".readiness").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("button[aria-label='Afwijking van Derde Jurylid bij De Bouwers accepteren']").Click());

        page.WaitForAssertion(() => Assert.True(Store.GetEvent(finale.Id)!.IsAcknowledged(third, bouwers.Id)));
        page.WaitForAssertion(() => Assert.DoesNotContain("Derde Jurylid bij De Bouwers", page.Find(".readiness").TextContent, StringComparison.Ordinal));

        var minimum = page.FindComponent<MudNumericField<int?>>();
        await page.InvokeAsync(() => minimum.Instance.ValueChanged.InvokeAsync(2));
        await page.InvokeAsync(() => page.Find("#save-minimum").Click());
        page.WaitForAssertion(() => Assert.Equal(2, Store.GetEvent(finale.Id)!.ConfiguredMinimumOf(categoryId)));
    }

    [Fact]
    public async Task TheJudgingConsole_SignsOffTheShownCategory_AfterConfirmation()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var categoryId = finale.Categories[0].Id;
        await using var context = NewContext();
        var page = Render<JudgingConsole>(context, finale.Id);

        await page.InvokeAsync(() => page.Find("#lock-category").Click());
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Categorie aftekenen"));
        await page.InvokeAsync(() => Button(page, "Categorie aftekenen").Click());

        page.WaitForAssertion(() => Assert.True(Store.GetEvent(finale.Id)!.IsCategoryLocked(categoryId)));
        Assert.False(Store.GetEvent(finale.Id)!.IsCurrentRoundLocked);
        page.WaitForAssertion(() => Assert.Contains("is afgetekend: geen scores meer.", page.Find("#category-lock-state").TextContent, StringComparison.Ordinal));
    }

    public void Dispose() => _app.Dispose();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == text);

    private static IRenderedComponent<ContainerFragment> Render(BunitContext context, Guid eventId) => Render<ResultsPage>(context, eventId);

    private static IRenderedComponent<ContainerFragment> Render<TPage>(BunitContext context, Guid eventId)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        context.Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(1);
            builder.AddAttribute(2, "EventId", eventId);
            builder.CloseComponent();
        });

    private BunitContext NewContext() => StaffBunit.Context(_app);
}
