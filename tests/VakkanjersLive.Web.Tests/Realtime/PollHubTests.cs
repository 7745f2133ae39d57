using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>Polls on the public hub: voting, refusals, live tallies coalesced per frame, and hidden results kept hidden.</summary>
public sealed class PollHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private readonly Guid _poll = Guid.NewGuid();
    private readonly PollOption _yes = new(Guid.NewGuid(), "Ja");
    private readonly PollOption _no = new(Guid.NewGuid(), "Nee");
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private Poll Poll => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!.FindPoll(_poll)!;

    public PollHubTests() => _app = LimitsClock.App(_clock);

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
    }

    [Fact]
    public async Task Vote_RoundTrips_AndALiveTally_ReachesViewersAndScreens()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await using var screen = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);
        await OpenPollAsync(resultsLive: true);
        var opened = await viewer.WaitForAsync(i => i.Type == FeedItemTypes.PollOpen);
        Assert.Equal(("Wil jij later iets met techniek?", "open", 0), (opened.Poll!.Question, opened.Poll.State, opened.Poll.TotalVotes));
        Assert.Equal([_yes.Id, _no.Id], opened.Poll.Options.Select(o => o.Id));

        var result = await viewer.VoteAsync(_poll, _yes.Id);

        Assert.True(result.Ok, result.Message);
        Assert.Equal(("poll.voted", "Je stem is geteld."), (result.Code, result.Message));
        foreach (var client in new[] { viewer, screen })
        {
            var tally = await client.WaitForAsync(i => i.Type == FeedItemTypes.PollResults && i.Poll!.TotalVotes == 1);
            Assert.Equal([(1, 100), (0, 0)], tally.Poll!.Options.Select(o => (o.Votes!.Value, o.Percent!.Value)));
        }

        await using var late = await HubClient.ConnectAsync(_app);
        var joined = await late.JoinAsync(_event.JoinCode);
        Assert.Equal(1, joined.Snapshot!.Poll!.TotalVotes);
    }

    [Fact]
    public async Task Vote_ASecondTime_IsRefused_ButTheSameCommandAgain_IsTheSameVote()
    {
        await OpenPollAsync(resultsLive: false);
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        var commandId = Guid.NewGuid();

        var first = await viewer.VoteAsync(_poll, _yes.Id, commandId);
        var resend = await viewer.VoteAsync(_poll, _yes.Id, commandId);
        var second = await viewer.VoteAsync(_poll, _no.Id);

        Assert.Equal("poll.voted", first.Code);
        Assert.Equal("poll.voted", resend.Code);
        Assert.False(second.Ok);
        Assert.Equal(("poll.already-voted", "Je hebt al gestemd op deze peiling."), (second.Code, second.Message));
        Assert.Equal([1, 0], Poll.Counts);
        var journal = _app.Services.GetRequiredService<IJournal>();
        var votes = 0;
        await foreach (var entry in journal.ReadAsync(JournalStreams.ForEvent(_event.Id), 1))
        {
            votes += entry.Type == nameof(VoteCast) ? 1 : 0;
        }

        Assert.Equal(1, votes);
    }

    [Fact]
    public async Task Vote_OnAClosedPoll_OrFromABannedViewer_IsRefused()
    {
        await OpenPollAsync(resultsLive: false);
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        Assert.True((await viewer.ChatAsync("hallo")).Ok);
        await Run(s => s.Ban(viewer.ViewerId));

        Assert.Equal("poll.banned", (await viewer.VoteAsync(_poll, _yes.Id)).Code);

        await Run(s => s.ClosePoll(_poll));
        await using var other = await HubClient.ConnectAsync(_app);
        await other.JoinAsync(_event.JoinCode);
        var closed = await other.VoteAsync(_poll, _yes.Id);
        Assert.Equal(("poll.closed", "Deze peiling is gesloten: stemmen kan niet meer."), (closed.Code, closed.Message));
        Assert.Equal(0, Poll.TotalVotes);
    }

    [Fact]
    public async Task Vote_WithABadPayload_OrFromAScreen_OrBeforeJoining_IsRefused()
    {
        await OpenPollAsync(resultsLive: true);
        await using var viewer = await HubClient.ConnectAsync(_app);
        await using var screen = await HubClient.ConnectAsync(_app);

        Assert.Equal("live.not-joined", (await viewer.VoteAsync(_poll, _yes.Id)).Code);
        await viewer.JoinAsync(_event.JoinCode);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);
        Assert.Equal("live.screen-read-only", (await screen.VoteAsync(_poll, _yes.Id)).Code);
        Assert.Equal("payload.invalid", (await viewer.Connection.InvokeAsync<SendResult>("Vote", (VoteRequest?)null)).Code);
        Assert.Equal("payload.invalid", (await viewer.Connection.InvokeAsync<SendResult>("Vote", new VoteRequest(Guid.Empty, _poll, _yes.Id))).Code);
        Assert.Equal("payload.invalid", (await viewer.VoteAsync(Guid.Empty, _yes.Id)).Code);
        Assert.Equal("payload.invalid", (await viewer.VoteAsync(_poll, Guid.Empty)).Code);
        Assert.Equal("poll.unknown", (await viewer.VoteAsync(Guid.NewGuid(), _yes.Id)).Code);
        var wrongOption = await viewer.VoteAsync(_poll, Guid.NewGuid());
        Assert.Equal("poll.option.unknown", wrongOption.Code);
        Assert.False(string.IsNullOrWhiteSpace(wrongOption.Message));
        Assert.Equal(0, Poll.TotalVotes);
    }

    [Fact]
    public async Task Vote_Hammering_IsCutOffByTheRateGate()
    {
        await OpenPollAsync(resultsLive: true);
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);

        var codes = new List<string?>();
        for (var i = 0; i < 8; i++)
        {
            codes.Add((await viewer.VoteAsync(_poll, Guid.NewGuid())).Code);
        }

        Assert.All(codes.Take(5), c => Assert.Equal("poll.option.unknown", c));
        Assert.All(codes.Skip(5), c => Assert.Equal("poll.too-fast", c));

        // Then one a second, on the limits' clock.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("poll.option.unknown", (await viewer.VoteAsync(_poll, Guid.NewGuid())).Code);
        Assert.Equal("poll.too-fast", (await viewer.VoteAsync(_poll, Guid.NewGuid())).Code);
    }

    [Fact]
    public async Task ManyVotes_OnALivePoll_GiveAtMostOneTallyPerBatch_AndBatchesStillChain()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        var joined = await viewer.JoinAsync(_event.JoinCode);
        await OpenPollAsync(resultsLive: true);
        await viewer.WaitForAsync(i => i.Type == FeedItemTypes.PollOpen);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Run(s => s.Vote(_poll, i % 3 == 0 ? _no.Id : _yes.Id, Guid.NewGuid()))));
        var last = await viewer.WaitForAsync(i => i.Type == FeedItemTypes.PollResults && i.Poll!.TotalVotes == 40);

        Assert.Equal([(26, 65), (14, 35)], last.Poll!.Options.Select(o => (o.Votes!.Value, o.Percent!.Value)));
        var batches = viewer.Batches.ToList();
        Assert.All(batches, b => Assert.True(b.Items.Count(i => i.Type == FeedItemTypes.PollResults) <= 1));
        Assert.True(viewer.Items.Count(i => i.Type == FeedItemTypes.PollResults) < 40);
        for (var i = 1; i < batches.Count; i++)
        {
            Assert.Equal(batches[i - 1].UpTo, batches[i].After);
        }

        Assert.False(viewer.Gap);

        // The resync buffer keeps only the newest tally, so a returning phone gets one item, not forty.
        var resync = await viewer.Connection.InvokeAsync<ResyncResult>("Resync", joined.Snapshot!.Position);
        var tally = Assert.Single(resync.Batch!.Items, i => i.Type == FeedItemTypes.PollResults);
        Assert.Equal(40, tally.Poll!.TotalVotes);
    }

    [Fact]
    public async Task HiddenResults_DoNotReachViewers_UntilTheModeratorShowsThem()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        await OpenPollAsync(resultsLive: false);
        Assert.True((await viewer.VoteAsync(_poll, _no.Id)).Ok);
        await Run(s => s.Vote(_poll, _no.Id, Guid.NewGuid()));
        await Run(s => s.ClosePoll(_poll));
        var closed = await viewer.WaitForAsync(i => i.Type == FeedItemTypes.PollClosed);
        await using var late = await HubClient.ConnectAsync(_app);
        var snapshot = (await late.JoinAsync(_event.JoinCode)).Snapshot!.Poll!;

        foreach (var poll in new[] { closed.Poll!, snapshot })
        {
            Assert.False(poll.ResultsVisible);
            Assert.Null(poll.TotalVotes);
            Assert.All(poll.Options, o => Assert.Equal((null, null), (o.Votes, o.Percent)));
        }

        Assert.DoesNotContain(viewer.Items, i => i.Type == FeedItemTypes.PollResults);

        await Run(s => s.SwitchPollResults(_poll, visible: true));
        var shown = await viewer.WaitForAsync(i => i.Type == FeedItemTypes.PollResults);
        Assert.Equal([(0, 0), (2, 100)], shown.Poll!.Options.Select(o => (o.Votes!.Value, o.Percent!.Value)));
    }

    /// <summary>
    /// Issue 11, "open" mode: votes are counted per address for the moderators (a salted hash, in memory), a resend
    /// is not counted again, and no address ever reaches the journal.
    /// </summary>
    [Fact]
    public async Task Votes_AreCountedPerAddress_UnderASaltedHash_AndNoAddressIsJournaled()
    {
        await OpenPollAsync(resultsLive: false);
        var viewers = new List<HubClient>();
        Guid? firstCommand = null;
        for (var i = 0; i < 12; i++)
        {
            var viewer = await HubClient.ConnectAsync(_app);
            viewers.Add(viewer);
            await viewer.JoinAsync(_event.JoinCode);
            var command = Guid.NewGuid();
            firstCommand ??= command;
            Assert.True((await viewer.VoteAsync(_poll, i % 2 == 0 ? _yes.Id : _no.Id, command)).Ok);
        }

        Assert.True((await viewers[0].VoteAsync(_poll, _yes.Id, firstCommand)).Ok); // a resend: the same vote

        var origins = _app.Services.GetRequiredService<VoteOrigins>();
        var origin = Assert.Single(origins.Top(Poll, 5));
        Assert.Equal(12, origin.Votes);
        Assert.Matches("^[0-9a-f]{8}$", origin.Origin);
        Assert.NotEqual(origins.Origin(System.Net.IPAddress.Loopback), new VoteOrigins().Origin(System.Net.IPAddress.Loopback)); // salted per process
        var journal = _app.Services.GetRequiredService<IJournal>();
        await foreach (var entry in journal.ReadAsync(JournalStreams.ForEvent(_event.Id)))
        {
            Assert.DoesNotContain("127.0.0.1", entry.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain(origin.Origin, entry.Payload, StringComparison.Ordinal);
        }

        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }
    }

    private async Task OpenPollAsync(bool resultsLive)
    {
        await Run(s => s.CreatePoll(_poll, "Wil jij later iets met techniek?", [_yes, _no], resultsLive));
        await Run(s => s.OpenPoll(_poll));
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
