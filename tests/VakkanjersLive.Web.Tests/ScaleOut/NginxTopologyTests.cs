using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Tests.Shared.Processes;
using VakkanjersLive.Web.Features.Jury;
using VakkanjersLive.Web.Realtime;
using VakkanjersLive.Web.Tests.Realtime;

namespace VakkanjersLive.Web.Tests.ScaleOut;

/// <summary>
/// The deploy topology as real processes: Debian's nginx in front of three app nodes on one Redis. A scripted finale
/// (judges scoring through the balancer, viewers chatting and voting) runs while a node is killed and then Redis is
/// killed and restarted; afterwards every acknowledged scorecard, message and vote is present once and every client
/// agrees.
/// </summary>
public sealed partial class NginxTopologyTests : IAsyncLifetime
{
    private const string AdminUser = "chef";
    private const string AdminPassword = "correct horse battery staple";
    private readonly RedisServer _redis = new();
    private readonly List<NodeProcess> _nodes = [];
    private readonly List<HubClient> _clients = [];
    private readonly List<HttpClient> _http = [];
    private NginxProcess _nginx = default!;
    private string _joinCode = string.Empty;
    private string _pollJoinCode = string.Empty;
    private List<(string Code, string Name)> _judges = [];

    public async Task InitializeAsync()
    {
        _nodes.AddRange(await NodeProcess.StartClusterAsync(_redis, "nginx", 3));
        _nginx = new NginxProcess(_nodes.Select(n => n.BaseAddress));

        _joinCode = _nodes[0].DemoJoinCode;
        _pollJoinCode = _nodes[0].DemoPollJoinCode;
        _judges = _nodes[0].DemoJudges.Where(j => j.IsChair).Select(j => (j.Code, j.Name)).ToList();
        Assert.Equal(5, _judges.Count);
    }

    [Fact]
    public async Task AScriptedFinale_SurvivesANodeCrashAndARedisRestart_WithEveryAcknowledgedEntryPresentOnce()
    {
        var watchers = new List<HubClient>();
        for (var i = 0; i < 6; i++)
        {
            watchers.Add(await ViewerAsync());
        }

        var judges = new List<Judge>();
        foreach (var (code, name) in _judges)
        {
            judges.Add(await JudgeAsync(code, name));
        }

        var messages = new List<string>();
        var votes = new List<Guid>();
        var poll = (await ViewerAsync(_pollJoinCode)).Snapshot.Poll!;
        var votesBefore = poll.TotalVotes!.Value;

        // Act 1: everything up.
        await ScoreAsync(judges[0]);
        await ScoreAsync(judges[1]);
        await ChatAsync(messages, 0, 10);
        await VoteAsync(votes, poll, 4);

        // One phone's identity (its cookie, issued by whichever node served its page) votes once…
        var phone = (await ViewerAsync(_pollJoinCode)).Client;
        var first = poll.Options[0].Id;
        Assert.True((await phone.Connection.InvokeAsync<SendResult>("Vote", new VoteRequest(Guid.NewGuid(), poll.Id, first))).Ok);
        votes.Add(first);

        // Act 2: a node dies mid-finale.
        _nodes[1].Kill();

        // …and stays that one viewer on every node: after the crash, through nginx again, a second vote is refused.
        string? again = null;
        await RetryAsync(async () =>
        {
            var back = await HubClient.ConnectAsync(_nginx.BaseAddress, phone.Cookie);
            _clients.Add(back);
            if (!(await back.JoinAsync(_pollJoinCode)).Ok)
            {
                return false;
            }

            again = (await back.Connection.InvokeAsync<SendResult>("Vote", new VoteRequest(Guid.NewGuid(), poll.Id, poll.Options[^1].Id))).Code;
            return again is not ("journal.unavailable" or "journal.busy");
        });
        Assert.Equal("poll.already-voted", again);
        await ScoreAsync(judges[2]);
        await ScoreAsync(judges[3]);
        await ChatAsync(messages, 10, 20);
        await VoteAsync(votes, poll, 4);

        // Act 3: Redis dies and comes back.
        _redis.Kill();
        _redis.Start();
        await Task.WhenAll(_nodes.Where((_, i) => i != 1).Select(n => n.WaitReadyAsync()));
        await ScoreAsync(judges[4]);
        await ChatAsync(messages, 20, 30);
        await VoteAsync(votes, poll, 4);

        // Every acknowledged scorecard is in the moderator's export: 5 judges × 4 criteria.
        var moderator = Browser();
        await RetryAsync(async () => (await FormPost.SubmitAsync(moderator, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = AdminUser, ["password"] = AdminPassword })).IsRedirectTo("/events"));
        var eventsPage = await moderator.GetStringAsync("/events");
        var eventId = EventLinkPattern().Match(eventsPage).Groups[1].Value;
        var csv = await moderator.GetStringAsync($"/events/{eventId}/exports/scores.csv");
        foreach (var judge in judges)
        {
            Assert.Equal(4, csv.Split('\n').Count(line => line.Contains($";{judge.Name};", StringComparison.Ordinal)));
        }

        // Every acknowledged message is there exactly once for a newcomer…
        var newcomer = await ViewerAsync();
        var snapshot = (await newcomer.Connection.InvokeAsync<ResyncResult>("Resync", -1L)).Snapshot!;
        Assert.Equal(messages.Order(), snapshot.Chat.Select(c => c.Text!).Where(t => t.StartsWith("finale", StringComparison.Ordinal)).Order());

        // Every acknowledged vote is counted once: the LIVE poll's public tally (its results are live) has them all.
        var tally = (await ViewerAsync(_pollJoinCode)).Snapshot.Poll!;
        Assert.Equal(votesBefore + votes.Count, tally.TotalVotes);
        foreach (var option in poll.Options)
        {
            var before = option.Votes!.Value;
            Assert.Equal(before + votes.Count(v => v == option.Id), tally.Options.Single(o => o.Id == option.Id).Votes);
        }

        // …and every watcher, including those whose node died, catches up to the same set.
        foreach (var watcher in watchers)
        {
            Assert.Equal(messages.Order(), (await CatchUpAsync(watcher)).Order());
        }
    }

    private async Task<List<string>> CatchUpAsync(HubClient watcher)
    {
        var last = watcher.Last;
        var connection = watcher;
        if (watcher.Connection.State != HubConnectionState.Connected)
        {
            connection = await ViewerAsync();
        }

        var resync = await connection.Connection.InvokeAsync<ResyncResult>("Resync", last);
        return watcher.Shown.Concat(resync.Batch?.Items ?? resync.Snapshot!.Chat)
            .Where(i => i.Type == FeedItemTypes.Chat)
            .GroupBy(i => i.Position)
            .Select(g => g.First().Text!)
            .Where(t => t.StartsWith("finale", StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }

    private async Task ChatAsync(List<string> acknowledged, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var text = $"finale bericht {i:D2}";
            var commandId = Guid.NewGuid();
            await RetryAsync(async () =>
            {
                // A new phone each time (slow mode allows one message per viewer); a resend keeps its command id.
                var sender = await ViewerAsync();
                return (await sender.Connection.InvokeAsync<SendResult>("SendChat", new ChatRequest(commandId, text))).Ok;
            });
            acknowledged.Add(text);
        }
    }

    private async Task VoteAsync(List<Guid> acknowledged, PublicPoll poll, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var option = poll.Options[acknowledged.Count % poll.Options.Count].Id;
            var commandId = Guid.NewGuid();
            await RetryAsync(async () =>
            {
                // A new phone votes; after a fault its page resends the same command id, which is stored once.
                var voter = (await ViewerAsync(_pollJoinCode)).Client;
                return (await voter.Connection.InvokeAsync<SendResult>("Vote", new VoteRequest(commandId, poll.Id, option))).Ok;
            });
            acknowledged.Add(option);
        }
    }

    private async Task ScoreAsync(Judge judge)
    {
        var submission = new ScoreSubmission(Guid.NewGuid(), judge.TeamId, judge.Criteria.Select(c => new ScoreSubmissionLine(c, 7, null)).ToList(), "Mooi werk", null);
        await RetryAsync(async () =>
        {
            // The jury outbox: resend the same command id until the server says it is stored.
            var response = await judge.Client.PostAsJsonAsync("/api/jury/scores", submission);
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<ScoreReceipt>())!.Ok;
        });
    }

    private async Task<Judge> JudgeAsync(string code, string name)
    {
        var client = Browser();
        await RetryAsync(async () => (await FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = code })).IsRedirectTo("/jury"));
        var page = await client.GetStringAsync("/jury");
        var team = Guid.Parse(DefaultTeamPattern().Match(page).Groups[1].Value);
        var criteria = CriterionPattern().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().ToList();
        return new Judge(name, client, team, criteria);
    }

    private async Task<HubClient> ViewerAsync() => (await ViewerAsync(_joinCode)).Client;

    private async Task<(HubClient Client, LiveSnapshot Snapshot)> ViewerAsync(string code)
    {
        (HubClient, LiveSnapshot)? joined = null;
        await RetryAsync(async () =>
        {
            var client = await HubClient.ConnectAsync(_nginx.BaseAddress);
            _clients.Add(client);
            var result = await client.JoinAsync(code);
            if (result.Ok)
            {
                joined = (client, result.Snapshot!);
                return true;
            }

            return false;
        });
        return joined!.Value;
    }

    private HttpClient Browser()
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _nginx.BaseAddress };
        _http.Add(client);
        return client;
    }

    /// <summary>What a real client does after a fault: try again, with back-off, until it works (bounded).</summary>
    private static async Task RetryAsync(Func<Task<bool>> attempt)
    {
        for (var i = 0; i < 60; i++)
        {
            try
            {
                if (await attempt())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException or System.Net.WebSockets.WebSocketException or Microsoft.AspNetCore.SignalR.HubException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * (i + 1))));
        }

        throw new TimeoutException("Gave up after 60 attempts.");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            try
            {
                await client.DisposeAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
            {
            }
        }

        foreach (var client in _http)
        {
            client.Dispose();
        }

        _nginx?.Dispose();
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        _redis.Dispose();
    }

    private sealed record Judge(string Name, HttpClient Client, Guid TeamId, List<Guid> Criteria);

    [GeneratedRegex("data-default-team=\"([0-9a-f-]{36})\"")]
    private static partial Regex DefaultTeamPattern();

    [GeneratedRegex("data-criterion=\"([0-9a-f-]{36})\"")]
    private static partial Regex CriterionPattern();

    [GeneratedRegex("/events/([0-9a-f-]{36})\"[^>]*>Vakkanjers finale 2026")]
    private static partial Regex EventLinkPattern();
}
