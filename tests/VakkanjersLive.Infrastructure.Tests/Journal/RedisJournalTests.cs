using StackExchange.Redis;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Journal;
using VakkanjersLive.Tests.Shared.Processes;

namespace VakkanjersLive.Infrastructure.Tests.Journal;

/// <summary>One redis-server for the class; every test gets its own key prefix, so tests never see each other.</summary>
public sealed class RedisServerFixture : IDisposable
{
    public RedisServer Server { get; } = new();

    public void Dispose() => Server.Dispose();
}

public sealed class RedisJournalTests(RedisServerFixture redis) : JournalContractTests, IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<ConnectionMultiplexer> _connections = [];

    // A new connection per "open": a restart of the node, with the data staying in Redis.
    protected override IJournal CreateJournal()
    {
        var connection = ConnectionMultiplexer.Connect(redis.Server.ConnectionString);
        _connections.Add(connection);
        return new RedisJournal(connection, _prefix);
    }

    protected override void DisposeStorage()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    [Fact]
    public async Task TwoNodes_AppendingTheSameCommand_StoreItOnce_AndBothAreNotified()
    {
        var nodeA = OpenJournal();
        var nodeB = OpenJournal();
        var seenByA = new TaskCompletionSource<JournalNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = nodeA.Subscribe(n => seenByA.TrySetResult(n));
        var commandId = Guid.NewGuid();

        var results = await Task.WhenAll(
            nodeA.AppendAsync(Stream("nodes"), Entry(commandId: commandId)),
            nodeB.AppendAsync(Stream("nodes"), Entry(commandId: commandId)));

        Assert.Single(results, r => r.Outcome == AppendOutcome.Appended);
        Assert.Single(results, r => r.Outcome == AppendOutcome.Duplicate);
        Assert.Single(await nodeB.ReadAsync(Stream("nodes")).ToListAsync());
        Assert.Equal(1, (await seenByA.Task.WaitAsync(TimeSpan.FromSeconds(10))).Position);
    }
}

/// <summary>Redis killed with SIGKILL and started again: every acknowledged entry is still there (AOF, fsync always).</summary>
public sealed class RedisRestartTests : IDisposable
{
    private readonly RedisServer _server = new();

    [Fact]
    public async Task AcknowledgedEntries_SurviveARedisCrash_AndTheJournalReconnects()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        using var journal = new RedisJournal(connection, "crash");
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(AppendOutcome.Appended, (await journal.AppendAsync("event-crash", new JournalAppend(Guid.NewGuid(), "T", $"{{\"i\":{i}}}", null))).Outcome);
        }

        _server.Kill();
        await Assert.ThrowsAnyAsync<RedisException>(() => journal.AppendAsync("event-crash", new JournalAppend(Guid.NewGuid(), "T", "{}", null)));
        Assert.False(await journal.IsReachableAsync());
        _server.Start();

        // The multiplexer reconnects on its own; wait for it rather than sleeping.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await journal.IsReachableAsync())
        {
            await Task.Delay(100, timeout.Token);
        }

        var entries = await journal.ReadAsync("event-crash").ToListAsync();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), entries.Select(e => e.Position));
        Assert.Equal(51, (await journal.AppendAsync("event-crash", new JournalAppend(Guid.NewGuid(), "T", "{}", null))).Entry!.Position);
    }

    public void Dispose() => _server.Dispose();
}

/// <summary>
/// A purge must leave no copy of the erased text on disk: LSET alone leaves the original RPUSH in the append-only file
/// (Redis 7 keeps a multi-part AOF in <c>appendonlydir/</c>) until the AOF is rewritten.
/// </summary>
public sealed class RedisErasureOnDiskTests : IDisposable
{
    private const string Secret = "geheim-bericht-van-een-kind";

    private readonly RedisServer _server = new();

    [Fact]
    public async Task Redact_LeavesNoCopyOfTheErasedText_InAnyFileOfTheDataDirectory()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        using var journal = new RedisJournal(connection, "erase");
        await journal.AppendAsync("event-erase", new JournalAppend(Guid.NewGuid(), "Chat", $"{{\"text\":\"{Secret}\"}}", null));
        await journal.AppendAsync("event-erase", new JournalAppend(Guid.NewGuid(), "Score", "{\"v\":8}", null));
        Assert.NotEmpty(FilesContaining(Secret)); // the AOF has it, fsynced

        Assert.Equal(1, await journal.RedactAsync("event-erase", e => e.Type == "Chat" ? "{\"text\":\"\"}" : null));

        Assert.Empty(FilesContaining(Secret));
        Assert.Equal(["{\"text\":\"\"}", "{\"v\":8}"], (await journal.ReadAsync("event-erase").ToListAsync()).Select(e => e.Payload));

        // What the rewrite left is still the record: a crash and restart finds the redacted entries.
        _server.Kill();
        _server.Start();
        using var reopened = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        using var after = new RedisJournal(reopened, "erase");
        Assert.Equal(["{\"text\":\"\"}", "{\"v\":8}"], (await after.ReadAsync("event-erase").ToListAsync()).Select(e => e.Payload));
    }

    public void Dispose() => _server.Dispose();

    private List<string> FilesContaining(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(_server.Directory, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0)
            .ToList();
    }
}
