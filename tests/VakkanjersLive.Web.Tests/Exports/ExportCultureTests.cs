using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Exports;

/// <summary>
/// CSV exports follow the export's culture: Dutch files use <c>;</c> and a decimal comma (what Dutch Excel opens as
/// numbers), English files <c>,</c> and a decimal point; method, tie-break and award names are the UI's words.
/// </summary>
public sealed class ExportCultureTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        var team = _event.Teams.Single(t => t.Name == "De Bouwers");
        var (oplossing, presentatie) = (_event.Rubric[0].Id, _event.Rubric[1].Id);
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.OpenJudging(team.Id)));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SubmitScore(_event.Judges[0].Id, team.Id, [new(oplossing, 8, "=1+2"), new(presentatie, 6, "-5 punten")], null, null)));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SubmitScore(_event.Judges[1].Id, team.Id, [new(oplossing, 9, string.Empty), new(presentatie, 7, string.Empty)], null, null)));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.SetScoringRules(AggregationMethod.WeightedMean, [new TieBreakRule(TieBreakKind.HighestCriterion, oplossing), new TieBreakRule(TieBreakKind.MostFirstPlaces)])));
        await TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.GrantAward(Guid.NewGuid(), _event.Categories[0].Id, team.Id, AwardKind.First, null)));
    }

    [Fact]
    public async Task DutchExports_UseSemicolons_DecimalCommas_AndDutchNames()
    {
        var moderator = await ModeratorClientAsync("nl-NL");

        var results = await moderator.GetStringAsync($"/events/{_event.Id}/exports/results.csv");
        Assert.StartsWith("category;rank;shared_rank;team;school;project;score;judges;method;Oplossing;Presentatie;awards\r\n", results, StringComparison.Ordinal);
        Assert.Contains("Junior;1;no;De Bouwers;De Regenboog;Slimme plantenbak;77,778;2;Gewogen gemiddelde;8,5;6,5;1e prijs\r\n", results, StringComparison.Ordinal);
        Assert.DoesNotContain("WeightedMean", results, StringComparison.Ordinal);

        var audit = await moderator.GetStringAsync($"/events/{_event.Id}/exports/audit.csv");
        Assert.Contains(";\"Gewogen gemiddelde; Hoogste score op ‘Oplossing’, Meeste eerste plaatsen bij de juryleden\";", audit, StringComparison.Ordinal);
        Assert.Contains(";1e prijs;", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("MostFirstPlaces", audit, StringComparison.Ordinal);

        var scores = await moderator.GetStringAsync($"/events/{_event.Id}/exports/scores.csv");
        Assert.Contains("Junior;De Bouwers;De Regenboog;Marieke de Vries;Oplossing;8;3;'=1+2;", scores, StringComparison.Ordinal);
        Assert.Contains(";Presentatie;6;1;'-5 punten;", scores, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishExports_UseCommas_DecimalPoints_AndEnglishNames()
    {
        var moderator = await ModeratorClientAsync("en");

        var results = await moderator.GetStringAsync($"/events/{_event.Id}/exports/results.csv");
        Assert.StartsWith("category,rank,shared_rank,team,school,project,score,judges,method,Oplossing,Presentatie,awards\r\n", results, StringComparison.Ordinal);
        Assert.Contains("Junior,1,no,De Bouwers,De Regenboog,Slimme plantenbak,77.778,2,Weighted mean,8.5,6.5,1st prize\r\n", results, StringComparison.Ordinal);

        var audit = await moderator.GetStringAsync($"/events/{_event.Id}/exports/audit.csv");
        Assert.Contains(",\"Weighted mean; Highest score on ‘Oplossing’, Most first places among the judges\",", audit, StringComparison.Ordinal);
        Assert.Contains(",1st prize,", audit, StringComparison.Ordinal);

        // Formula neutralisation does not depend on the culture.
        var scores = await moderator.GetStringAsync($"/events/{_event.Id}/exports/scores.csv");
        Assert.Contains("Junior,De Bouwers,De Regenboog,Marieke de Vries,Oplossing,8,3,'=1+2,", scores, StringComparison.Ordinal);
        Assert.Contains(",Presentatie,6,1,'-5 punten,", scores, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureParameter_WinsOverTheUiCulture()
    {
        var moderator = await ModeratorClientAsync("en");

        var results = await moderator.GetStringAsync($"/events/{_event.Id}/exports/results.csv?culture=nl-NL");

        Assert.Contains(";77,778;2;Gewogen gemiddelde;", results, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ModeratorClientAsync(string culture)
    {
        var client = _app.CreateBrowserlikeClient();
        var response = await FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword });
        Assert.True(response.IsRedirectTo("/events"));
        Assert.True((await client.GetAsync($"/culture/set?culture={culture}&redirectUri=%2Fevents")).IsRedirectTo("/events"));
        return client;
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
