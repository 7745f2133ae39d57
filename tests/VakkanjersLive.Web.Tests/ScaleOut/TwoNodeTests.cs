using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Tests.Shared.Processes;
using VakkanjersLive.Web.Features.Jury;
using VakkanjersLive.Web.Tests.Realtime;

namespace VakkanjersLive.Web.Tests.ScaleOut;

/// <summary>
/// Two real Kestrel nodes sharing one real redis-server: the journal, the hub backplane and the cookie keys all go
/// through Redis, and every node's projections converge.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly List<HubClient> _clients = [];
    private TestApp _nodeA = default!;
    private TestApp _nodeB = default!;
    private LiveEvent _event = default!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["Redis:Prefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
        };
        _nodeA = new TestApp(settings: settings, kestrel: true);
        _nodeB = new TestApp(settings: settings, kestrel: true);
        _event = await TestData.JudgingFinaleAsync(_nodeA);
        await TestData.OpenChatAsync(_nodeA, _event.Id);
        await ConvergedAsync(_nodeB, e => e.ChatSettings.SlowModeSeconds == 0);
    }

    [Fact]
    public async Task ChatPostedOnOneNode_ReachesViewersOnBothNodes_ExactlyOnce()
    {
        var onA = await ViewerAsync(_nodeA);
        var onB = await ViewerAsync(_nodeB);

        Assert.True((await onA.ChatAsync("hallo vanaf node A")).Ok);
        Assert.True((await onB.ChatAsync("en terug vanaf node B")).Ok);

        foreach (var viewer in new[] { onA, onB })
        {
            await viewer.WaitForAsync(i => i.Text == "hallo vanaf node A");
            await viewer.WaitForAsync(i => i.Text == "en terug vanaf node B");
        }

        await onA.ChatAsync("sentinel");
        await onB.WaitForAsync(i => i.Text == "sentinel");
        foreach (var viewer in new[] { onA, onB })
        {
            Assert.Single(viewer.Items, i => i.Text == "hallo vanaf node A");
            Assert.Single(viewer.Items, i => i.Text == "en terug vanaf node B");
        }
    }

    [Fact]
    public async Task AJudgeOnNodeA_AndAModeratorOnNodeB_SeeTheSameScores_WithOneCookie()
    {
        var team = _event.Teams[0];
        var commands = _nodeA.Services.GetRequiredService<CommandExecutor>();
        await TestData.Ok(commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.OpenJudging(team.Id)));

        // One browser, whose requests a load balancer spreads over both nodes: cookies do not care about the port.
        var cookies = new CookieContainer();
        var judge = Browser(_nodeA, cookies);
        Assert.True((await FormPost.SubmitAsync(judge, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = TestData.CodeOf(_event.Judges[0]) })).IsRedirectTo("/jury"));
        var submission = new ScoreSubmission(Guid.NewGuid(), team.Id, [new(_event.Rubric[0].Id, 8, null), new(_event.Rubric[1].Id, 6, null)], "Knap!", null);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostAsJsonAsync("/api/jury/scores", submission)).StatusCode);

        // The outbox resending to the other node is recognised as the same command.
        var resend = await (await Browser(_nodeB, cookies).PostAsJsonAsync("/api/jury/scores", submission)).Content.ReadFromJsonAsync<ScoreReceipt>();
        Assert.True(resend!.Ok);
        Assert.True(resend.Duplicate);

        var onB = await ConvergedAsync(_nodeB, e => e.ScorecardOf(_event.Judges[0].Id, team.Id) is not null);
        Assert.Equal(1, onB.ScorecardOf(_event.Judges[0].Id, team.Id)!.Revision);

        // A moderator signed in on node A is signed in on node B too (data-protection keys in Redis).
        var moderatorCookies = new CookieContainer();
        var moderator = Browser(_nodeA, moderatorCookies);
        Assert.True((await FormPost.SubmitAsync(moderator, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword })).IsRedirectTo("/events"));
        var csv = await Browser(_nodeB, moderatorCookies).GetStringAsync($"/events/{_event.Id}/exports/scores.csv");
        Assert.Contains("De Bouwers;De Regenboog;Marieke de Vries;Oplossing;8", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignOutOnNodeA_EndsTheSessionOnNodeB_ACopiedCookieIsRefusedThere()
    {
        var cookies = new CookieContainer();
        var moderator = Browser(_nodeA, cookies);
        var signIn = await FormPost.SubmitAsync(moderator, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword });
        var copy = Browser(_nodeB, new CookieContainer());
        copy.DefaultRequestHeaders.Add("Cookie", Account.SessionTests.StaffCookie(signIn));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/events")).StatusCode);

        Assert.True((await Account.SessionTests.SignOut(moderator, "/events")).IsRedirectTo("/account/signin"));

        // Node B learns of the sign-out through the journal in Redis.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage response;
        while (!(response = await copy.GetAsync("/events")).IsRedirectTo("/account/signin") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(response.IsRedirectTo("/account/signin"), response.StatusCode.ToString());
    }

    [Fact]
    public async Task WhenTheBroadcastingNodeStops_TheOtherTakesOver_AndViewersKeepReceiving()
    {
        var onB = await ViewerAsync(_nodeB);
        var talker = await ViewerAsync(_nodeB);
        await talker.ChatAsync("voor de storing");
        await onB.WaitForAsync(i => i.Text == "voor de storing");

        _nodeA.Dispose();
        await TestData.Ok(_nodeB.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Kijker", "na de storing", DateTimeOffset.UtcNow)));

        var after = await onB.WaitForAsync(i => i.Text == "na de storing");
        Assert.NotNull(after);
    }

    [Fact]
    public async Task AGracefullyStoppedNode_TellsItsViewersAtOnce_TheyResumeOnTheOtherNode()
    {
        var leaving = await ViewerAsync(_nodeA);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        leaving.Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        Assert.True((await leaving.ChatAsync("voor het stoppen")).Ok);
        await leaving.WaitForAsync(i => i.Text == "voor het stoppen");

        _nodeA.Dispose();

        // Told straight away (well before the 30 s client timeout), so the page reconnects elsewhere at once.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var resumed = await ViewerAsync(_nodeB);
        var resync = await resumed.Connection.InvokeAsync<VakkanjersLive.Web.Realtime.ResyncResult>("Resync", leaving.Last);
        Assert.True(resync.Ok);
        Assert.True((await resumed.ChatAsync("na het stoppen")).Ok);
        await resumed.WaitForAsync(i => i.Text == "na het stoppen");
    }

    private async Task<HubClient> ViewerAsync(TestApp node)
    {
        var client = await HubClient.ConnectAsync(node.BaseAddress);
        _clients.Add(client);
        Assert.True((await client.JoinAsync(_event.JoinCode)).Ok);
        return client;
    }

    private async Task<LiveEvent> ConvergedAsync(TestApp node, Func<LiveEvent, bool> condition)
    {
        var store = node.Services.GetRequiredService<ProjectionStore>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = store.Subscribe(_ =>
        {
            if (store.GetEvent(_event.Id) is { } e && condition(e))
            {
                done.TrySetResult();
            }
        });
        if (store.GetEvent(_event.Id) is { } now && condition(now))
        {
            return now;
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return store.GetEvent(_event.Id)!;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        foreach (var client in _http)
        {
            client.Dispose();
        }

        _nodeA.Dispose();
        _nodeB.Dispose();
        _redis.Dispose();
    }

    private HttpClient Browser(TestApp node, CookieContainer cookies)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };
        _http.Add(client);
        return client;
    }

    private readonly List<HttpClient> _http = [];
}
