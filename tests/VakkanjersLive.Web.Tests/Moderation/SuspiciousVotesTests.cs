using System.Net;
using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Features.Live;
using VakkanjersLive.Web.Features.Moderation;
using VakkanjersLive.Web.Realtime;
using VakkanjersLive.Web.Tests.Realtime;

namespace VakkanjersLive.Web.Tests.Moderation;

/// <summary>
/// The "suspicious" view of an open poll (issue 11): votes and bursts of new identities per address (a salted hash),
/// and a lead moderator discarding a flagged batch: journaled, on the moderation log, the tally folded again.
/// </summary>
public sealed class SuspiciousVotesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 17, 0, 0, TimeSpan.Zero));
    private readonly TestApp _app;
    private readonly Guid _poll = Guid.NewGuid();
    private readonly PollOption _yes = new(Guid.NewGuid(), "De Bouwers");
    private readonly PollOption _no = new(Guid.NewGuid(), "De Vonken");
    private readonly IPAddress _script = IPAddress.Parse("203.0.113.7");
    private readonly IPAddress _school = IPAddress.Parse("198.51.100.20");
    private LiveEvent _event = default!;

    public SuspiciousVotesTests() => _app = LimitsClock.App(_clock);

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    private VoteOrigins Origins => _app.Services.GetRequiredService<VoteOrigins>();

    private Poll Poll => Store.GetEvent(_event.Id)!.FindPoll(_poll)!;

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
        await Run(s => s.CreatePoll(_poll, "Publieksprijs", [_yes, _no], resultsLive: true));
        await Run(s => s.OpenPoll(_poll));
    }

    [Fact]
    public async Task AScriptOnOneLaptop_ShowsAsOneAddress_WithItsVotesAndItsBurstOfNewIdentities()
    {
        await using var honest = await HubClient.ConnectAsync(_app);
        await honest.JoinAsync(_event.JoinCode);
        Assert.True((await honest.VoteAsync(_poll, _no.Id)).Ok);

        // The script: twelve fresh identities from one address (the test server's), each a vote.
        for (var i = 0; i < 12; i++)
        {
            await using var script = await HubClient.ConnectAsync(_app);
            await script.JoinAsync(_event.JoinCode);
            Assert.True((await script.VoteAsync(_poll, _yes.Id)).Ok);
        }

        var origin = Assert.Single(Origins.Top(Poll, 5));
        Assert.Equal(13, origin.Votes);
        Assert.Equal(13, origin.NewIdentities);

        // Ten minutes on, the burst is over; the votes still count.
        _clock.Advance(VoteOrigins.BurstWindow + TimeSpan.FromSeconds(1));
        Assert.Equal((13, 0), (Origins.Top(Poll, 5)[0].Votes, Origins.Top(Poll, 5)[0].NewIdentities));
    }

    [Fact]
    public async Task ALeadModerator_DiscardsAFlaggedBatch_TheTallyIsRecomputed_AndTheLogSaysSo()
    {
        await VoteAsync(_no, _school, 3);
        _clock.Advance(TimeSpan.FromMinutes(20));
        await VoteAsync(_yes, _script, 12);
        for (var i = 0; i < 40; i++)
        {
            Origins.IdentityIssued(_script);
        }

        await using var screen = await HubClient.ConnectAsync(_app);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);
        await using var context = Components.StaffBunit.Context(_app, _clock);
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<LiveConsole>(p => p.Add(c => c.EventId, _event.Id));
        var row = $"[data-origins-for='{_poll}'] li[data-origin='{Origins.Origin(_script)}']";
        page.WaitForAssertion(() => Assert.Equal(
            $"adres {Origins.Origin(_script)}: 12 van 15 stemmen · 40 nieuwe kijkers in 10 min",
            string.Concat(page.Find(row).QuerySelectorAll(".poll-origin-votes, .poll-origin-identities").Select(e => e.TextContent)).Trim()));
        Assert.DoesNotContain("203.0.113.7", page.Markup, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find($"{row} .poll-origin-discard").Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"12 stemmen van adres {Origins.Origin(_script)} tussen", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(15, Poll.TotalVotes); // nothing happens before the confirmation
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Stemmen schrappen").Click());

        page.WaitForAssertion(() => Assert.Equal((3, 12), (Poll.TotalVotes, Poll.DiscardedVotes)));
        Assert.Equal([0, 3], Poll.Counts);
        page.WaitForAssertion(() => Assert.Contains("Geschrapt door een moderator: 12 stemmen.", page.Markup, StringComparison.Ordinal));
        var tally = await screen.WaitForAsync(i => i.Type == FeedItemTypes.PollResults && i.Poll!.TotalVotes == 3);
        Assert.Equal([(0, 0), (3, 100)], tally.Poll!.Options.Select(o => (o.Votes!.Value, o.Percent!.Value)));
        var log = await ActivatorUtilities.CreateInstance<ModerationLog>(_app.Services).ReadAsync(Store.GetEvent(_event.Id)!);
        Assert.Contains(log, l => l.Action == "votes-discarded" && l.Target.StartsWith("Publieksprijs (12, 17:20:00–17:20:00 UTC)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTimeWindow_DiscardsOnlyTheBurst_NotTheAddresssEarlierVotes()
    {
        await VoteAsync(_yes, _script, 4);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await VoteAsync(_yes, _script, 10);

        var burst = Origins.Batch(Poll, Origins.Origin(_script), TimeSpan.FromMinutes(5))!;
        await Run(s => s.DiscardVotes(_poll, burst.Positions, burst.From, burst.To));

        Assert.Equal((10, 4), (burst.Positions.Count, Poll.TotalVotes));
        Assert.Equal(4, Origins.Top(Poll, 5).Single().Votes); // the view counts only votes that still count
        Assert.Null(Origins.Batch(Poll, Origins.Origin(_script), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task ACoModerator_SeesTheView_ButCannotDiscard()
    {
        await VoteAsync(_yes, _script, 12);
        var co = ("co", new[] { new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()) }, new[] { StaffRoles.Moderator });
        await using var context = Components.StaffBunit.Context(_app, _clock, co);

        var page = context.Render<LiveConsole>(p => p.Add(c => c.EventId, _event.Id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-origins-for='{_poll}'] li")));
        Assert.Empty(page.FindAll(".poll-origin-discard"));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Votes as the hub records them: the journal append, then the address's count with its position.</summary>
    private async Task VoteAsync(PollOption option, IPAddress address, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var result = await _app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), CommandExecutor.AudienceActor, s => s.Vote(_poll, option.Id, Guid.NewGuid()));
            Assert.True(result.Succeeded, result.ErrorCode);
            Origins.Record(_poll, address, result.Position);
        }
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));
}
