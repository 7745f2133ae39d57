using Microsoft.AspNetCore.SignalR.Client;
using VakkanjersLive.Tests.Shared.Processes;
using VakkanjersLive.Web.Realtime;
using VakkanjersLive.Web.Tests.Realtime;

namespace VakkanjersLive.Web.Tests.ScaleOut;

/// <summary>Two real node processes on one Redis; one is killed with SIGKILL in the middle of a busy chat.</summary>
public sealed class NodeKillTests : IAsyncLifetime
{
    private const int Messages = 40;
    private readonly RedisServer _redis = new();
    private readonly List<HubClient> _clients = [];
    private NodeProcess _node1 = default!;
    private NodeProcess _node2 = default!;
    private string _joinCode = string.Empty;

    public async Task InitializeAsync()
    {
        var nodes = await NodeProcess.StartClusterAsync(_redis, "kill", 2);
        (_node1, _node2) = (nodes[0], nodes[1]);
        _joinCode = _node1.DemoJoinCode;
    }

    [Fact]
    public async Task NodeKilledMidChat_NoAcknowledgedMessageIsLost_AndItsViewersCatchUpElsewhere()
    {
        var watcher = await ViewerAsync(_node2);
        var wanderer = await ViewerAsync(_node1);
        var acknowledged = new List<string>();

        for (var i = 0; i < Messages; i++)
        {
            if (i == Messages / 2)
            {
                _node1.Kill();
            }

            // Every message from its own viewer (the child-safe slow mode allows one each); after the kill, node 2.
            var sender = await ViewerAsync(i < Messages / 2 ? _node1 : _node2);
            var text = $"bericht {i:D2}";
            if ((await sender.ChatAsync(text)).Ok)
            {
                acknowledged.Add(text);
            }
        }

        Assert.Equal(Messages, acknowledged.Count);

        // The wanderer lost its node: it connects to the other one, joins again and resyncs from its last position.
        var last = wanderer.Last;
        var moved = await HubClient.ConnectAsync(_node2.BaseAddress);
        _clients.Add(moved);
        Assert.True((await moved.JoinAsync(_joinCode)).Ok);
        var resync = await moved.Connection.InvokeAsync<ResyncResult>("Resync", last);
        List<string> SeenByWanderer() => wanderer.Items.Concat(resync.Batch?.Items ?? resync.Snapshot!.Chat).Concat(moved.Items)
            .Where(i => i.Type == FeedItemTypes.Chat && i.Position > 0)
            .GroupBy(i => i.Position)
            .Select(g => g.First().Text ?? string.Empty)
            .Where(t => t.StartsWith("bericht", StringComparison.Ordinal))
            .Order()
            .ToList();
        await UntilAsync(() => SeenByWanderer().Count >= acknowledged.Count);
        Assert.Equal(acknowledged, SeenByWanderer());

        // Viewers that stayed on node 2 show every message exactly once (the take-over resends recent positions,
        // which a page applies once).
        await watcher.WaitForAsync(i => i.Text == acknowledged[^1]);
        Assert.Equal(acknowledged, watcher.Shown.Where(i => i.Type == FeedItemTypes.Chat).Select(i => i.Text!).Order().ToList());

        // A newcomer's snapshot holds them all, once.
        var newcomer = await ViewerAsync(_node2);
        var snapshot = await newcomer.Connection.InvokeAsync<ResyncResult>("Resync", -1L);
        Assert.Equal(acknowledged, snapshot.Snapshot!.Chat.Select(c => c.Text!).Order().ToList());
    }

    [Fact]
    public async Task RedisRestarted_NodesRefuseWritesClearly_ThenRecover_AndNobodyStaysBehind()
    {
        var watcher = await ViewerAsync(_node2);
        var during = await ViewerAsync(_node1);
        Assert.True((await (await ViewerAsync(_node1)).ChatAsync("voor de storing")).Ok);
        await watcher.WaitForAsync(i => i.Text == "voor de storing");

        _redis.Kill();

        // Connected viewers stay connected; a write says clearly that it did not happen. (New connections need the
        // backplane and are refused until Redis is back; browsers retry with back-off.)
        var refused = await during.ChatAsync("tijdens de storing");
        Assert.False(refused.Ok);
        Assert.Equal("journal.unavailable", refused.Code);

        _redis.Start();
        await _node1.WaitReadyAsync();
        await _node2.WaitReadyAsync();

        // Writes work again; a viewer that missed live messages during the outage catches up by position.
        var after = await ViewerAsync(_node1);
        await UntilAsync(async () => (await after.ChatAsync("na de storing")).Ok);
        await UntilAsync(() => watcher.Shown.Any(i => i.Text == "na de storing") || watcher.Batches.Any(b => b.After > b.UpTo));
        var resync = await watcher.Connection.InvokeAsync<ResyncResult>("Resync", 0L);
        var all = watcher.Shown.Concat(resync.Batch?.Items ?? resync.Snapshot!.Chat).Where(i => i.Type == FeedItemTypes.Chat).GroupBy(i => i.Position).Select(g => g.First().Text).ToList();
        Assert.Equal(["na de storing", "voor de storing"], all.Where(t => t!.Contains("storing", StringComparison.Ordinal)).Order().ToList());
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(200, timeout.Token);
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<HubClient> ViewerAsync(NodeProcess node)
    {
        var client = await HubClient.ConnectAsync(node.BaseAddress);
        _clients.Add(client);
        Assert.True((await client.JoinAsync(_joinCode)).Ok);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            try
            {
                await client.DisposeAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                // The killed node's connections are already gone.
            }
        }

        _node1.Dispose();
        _node2.Dispose();
        _redis.Dispose();
    }
}
