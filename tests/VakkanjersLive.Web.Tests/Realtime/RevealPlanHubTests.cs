using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;
using VakkanjersLive.Web.Tests.Security;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// A planned reveal as a phone and a printed card see it (issue 13 item 7): two honourable mentions together with no
/// place or score, then the top two with a pause before the winner; a phone that joins during the pause sees the
/// pause; the presenter's card names nobody until the freeze.
/// </summary>
public sealed class RevealPlanHubTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly Guid _eventId = Guid.NewGuid();
    private readonly Guid _junior = Guid.NewGuid();
    private readonly string[] _names = ["De Bouwers", "De Vonken", "De Denkers", "De Makers", "De Dromers"];
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    public async Task InitializeAsync()
    {
        await TestData.RankedCategoryAsync(_app, _eventId, _junior, _names, "Een oplossing waar de opdrachtgever echt iets aan heeft.");
        await Run(s => s.PlanReveal(_junior, RevealMode.MentionsThenTop, 2, 2, true, "Junior-prijs", "Wethouder Bakker", "Waterschap Drents Overijsselse Delta"));
        _event = _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_eventId)!;
    }

    [Fact]
    public async Task ThePhone_SeesTheMentionsTogether_ThePause_ThenTheWinner()
    {
        await using var phone = await HubClient.ConnectAsync(_app);
        Assert.True((await phone.JoinAsync(_event.JoinCode)).Ok);
        await Run(s => s.PrepareReveal(_junior, rehearsal: false));
        await phone.WaitForAsync(i => i.Type == FeedItemTypes.RevealStart);

        await Run(s => s.StepReveal(_junior));
        var mentions = await WaitForItemsAsync(phone, i => i.Type == FeedItemTypes.RevealStep && i.Mention == true, 2);
        Assert.Equal(["De Makers", "De Denkers"], mentions.Select(m => m.Team!.Name));
        Assert.Single(mentions.Select(m => m.Position).Distinct());
        Assert.All(mentions, m => Assert.Null(m.Rank));
        Assert.All(mentions, m => Assert.Null(m.Score));
        Assert.DoesNotContain(phone.Batches.SelectMany(b => b.Items), i => i.Team?.Name == "De Dromers"); // fifth: neither top nor mention

        await Run(s => s.StepReveal(_junior));
        Assert.Equal("De Vonken", (await phone.WaitForAsync(i => i.Type == FeedItemTypes.RevealStep && i.Rank == 2)).Team!.Name);
        await Run(s => s.StepReveal(_junior));
        await phone.WaitForAsync(i => i.Type == FeedItemTypes.RevealPause && i.CategoryId == _junior);

        // A phone that joins now sees the pause and what was shown, not the winner.
        await using var late = await HubClient.ConnectAsync(_app);
        var joined = await late.JoinAsync(_event.JoinCode);
        var reveal = Assert.Single(joined.Snapshot!.Reveals);
        Assert.True(reveal.Paused);
        Assert.Equal(["De Makers", "De Denkers", "De Vonken"], reveal.Revealed.Select(r => r.Team!.Name));
        Assert.Equal(4, reveal.Total);

        await Run(s => s.StepReveal(_junior));
        var winner = await phone.WaitForAsync(i => i.Type == FeedItemTypes.RevealStep && i.Winner == true);
        Assert.Equal("De Bouwers", winner.Team!.Name);
        Assert.Equal("reveal.done", (await Commands.ForEventAsync(_eventId, Guid.NewGuid(), "test", s => s.StepReveal(_junior))).ErrorCode);
    }

    [Fact]
    public async Task TheCeremonyCard_NamesNobody_UntilTheFreeze_ThenQuotesTheJury()
    {
        using var lead = await StaffClients.ModeratorAsync(_app);
        var before = System.Net.WebUtility.HtmlDecode(await lead.GetStringAsync($"/events/{_eventId}/ceremony"));
        Assert.Contains("Junior-prijs", before, StringComparison.Ordinal);
        Assert.Contains("Wethouder Bakker", before, StringComparison.Ordinal);
        Assert.Contains("Waterschap Drents Overijsselse Delta", before, StringComparison.Ordinal);
        Assert.Contains("2 eervolle vermeldingen, dan de top 2, met een pauze voor de winnaar", before, StringComparison.Ordinal);
        Assert.Contains("zodra de uitslag van deze categorie bevroren is", before, StringComparison.Ordinal);
        foreach (var name in _names)
        {
            Assert.DoesNotContain(name, before, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("opdrachtgever echt iets aan heeft", before, StringComparison.Ordinal);

        await Run(s => s.PrepareReveal(_junior, rehearsal: false));
        var after = System.Net.WebUtility.HtmlDecode(await lead.GetStringAsync($"/events/{_eventId}/ceremony"));

        Assert.Contains("Eervolle vermeldingen: De Makers (De Regenboog) — Slimme plantenbak, De Denkers (De Regenboog) — Slimme plantenbak", after, StringComparison.Ordinal);
        Assert.True(after.IndexOf("De Vonken", StringComparison.Ordinal) < after.IndexOf("Pauze", StringComparison.Ordinal));
        Assert.True(after.IndexOf("Pauze", StringComparison.Ordinal) < after.IndexOf("De Bouwers", StringComparison.Ordinal));
        Assert.Contains("Een oplossing waar de opdrachtgever echt iets aan heeft.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("De Dromers", after, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task Run(Func<LiveEvent, ILiveEventFact> decide) =>
        Assert.True((await Commands.ForEventAsync(_eventId, Guid.NewGuid(), "test", decide)).Succeeded);

    /// <summary>Waits until <paramref name="count"/> items match (several items can share one position, one batch).</summary>
    private static async Task<List<FeedItem>> WaitForItemsAsync(HubClient client, Func<FeedItem, bool> match, int count)
    {
        await client.WaitForAsync(match);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (client.Batches.SelectMany(b => b.Items).Count(match) < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"Fewer than {count} matching items arrived.");
            await Task.Delay(10);
        }

        return [.. client.Batches.SelectMany(b => b.Items).Where(match)];
    }
}
