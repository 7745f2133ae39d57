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

/// <summary>The results page's method dropdown asks before it changes the official method, and is shut after a freeze.</summary>
public sealed class MethodConfirmationTests : IDisposable
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

    public void Dispose() => _app.Dispose();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == text);

    private static IRenderedComponent<ContainerFragment> Render(BunitContext context, Guid eventId) =>
        context.Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ResultsPage>(1);
            builder.AddAttribute(2, nameof(ResultsPage.EventId), eventId);
            builder.CloseComponent();
        });

    private BunitContext NewContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddFallbackServiceProvider(_app.Services);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = context.AddAuthorization();
        auth.SetAuthorized("chef");
        auth.SetRoles(StaffRoles.Moderator, StaffRoles.LeadModerator);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return context;
    }
}
