using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Tests.Rules;

/// <summary>Shared helpers of the rules-model web tests: a bUnit context on a real app node, and scored events.</summary>
internal static class RulesTestSupport
{
    public static BunitContext NewContext(TestApp app) => Components.StaffBunit.Context(app);

    public static Task Run(TestApp app, Guid eventId, Func<LiveEvent, ILiveEventFact> decide, string actor = "test") =>
        TestData.Ok(app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(eventId, Guid.NewGuid(), actor, decide));

    public static LiveEvent Current(TestApp app, Guid eventId) => app.Services.GetRequiredService<ProjectionStore>().GetEvent(eventId)!;

    /// <summary>
    /// <see cref="TestData.JudgingFinaleAsync"/> plus a third team and a third judge, with scorecards: De Bouwers and
    /// De Vonken by all three judges, De Zwaluwen by one only.
    /// </summary>
    public static async Task<LiveEvent> ScoredFinaleAsync(TestApp app)
    {
        var finale = await TestData.JudgingFinaleAsync(app);
        var category = finale.Categories[0].Id;
        var third = Guid.NewGuid();
        await Run(app, finale.Id, s => s.AppointJudge(third, "Ayşe Yılmaz", category, null, false));
        var zwaluwen = Guid.NewGuid();
        await Run(app, finale.Id, s => s.RegisterTeam(zwaluwen, "De Zwaluwen", finale.Schools[0].Id, category, "Vogelhuis", ["Fleur"]));
        var e = Current(app, finale.Id);
        var values = new Dictionary<string, int[][]>
        {
            ["De Bouwers"] = [[8, 6], [9, 7], [4, 9]],
            ["De Vonken"] = [[7, 7], [6, 8], [10, 10]],
            ["De Zwaluwen"] = [[5, 5]],
        };
        foreach (var team in e.Teams)
        {
            await Run(app, e.Id, s => s.OpenJudging(team.Id));
            var cards = values[team.Name];
            for (var j = 0; j < cards.Length; j++)
            {
                var judge = e.Judges[j];
                var card = cards[j];
                await Run(app, e.Id, s => s.SubmitScore(judge.Id, team.Id, [new CriterionScore(s.Rubric[0].Id, card[0], ""), new CriterionScore(s.Rubric[1].Id, card[1], "")], null, null), $"judge:{judge.Id}");
            }
        }

        return Current(app, finale.Id);
    }
}
