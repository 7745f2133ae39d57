using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Infrastructure.Tests.Journal;

/// <summary>
/// What every journal backend must do. A backend's test class derives from this and opens journals on storage
/// that belongs to one test instance; <see cref="OpenJournal"/> called again simulates a restart.
/// </summary>
public abstract class JournalContractTests : IDisposable
{
    private readonly List<IJournal> _opened = [];

    protected static string Stream(string name) => $"test-{name}";

    /// <summary>Opens a journal on this test's storage (a second call sees what the first stored).</summary>
    protected abstract IJournal CreateJournal();

    protected IJournal OpenJournal()
    {
        var journal = CreateJournal();
        _opened.Add(journal);
        return journal;
    }

    protected static JournalAppend Entry(string type = "Tested", string payload = "{}", Guid? commandId = null) =>
        new(commandId ?? Guid.NewGuid(), type, payload, "tester");

    [Fact]
    public async Task Append_AssignsConsecutivePositions_AndReadReturnsThemInOrder()
    {
        var journal = OpenJournal();
        for (var i = 1; i <= 5; i++)
        {
            var result = await journal.AppendAsync(Stream("order"), Entry(payload: $"{{\"n\":{i}}}"));
            Assert.Equal(AppendOutcome.Appended, result.Outcome);
            Assert.Equal(i, result.Entry!.Position);
            Assert.Equal(i, result.StreamVersion);
        }

        var read = await journal.ReadAsync(Stream("order")).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5], read.Select(e => e.Position));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{{\"n\":{i}}}"), read.Select(e => e.Payload));
        Assert.All(read, e => Assert.Equal("tester", e.Actor));
    }

    [Fact]
    public async Task Append_SameCommandIdTwice_StoresItOnce_AndReturnsTheOriginal()
    {
        var journal = OpenJournal();
        var commandId = Guid.NewGuid();
        var first = await journal.AppendAsync(Stream("idem"), Entry(commandId: commandId, payload: "{\"v\":1}"));
        var second = await journal.AppendAsync(Stream("idem"), Entry(commandId: commandId, payload: "{\"v\":2}"));

        Assert.Equal(AppendOutcome.Appended, first.Outcome);
        Assert.Equal(AppendOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.Entry!.Position, second.Entry!.Position);
        Assert.Equal("{\"v\":1}", second.Entry.Payload);
        Assert.Single(await journal.ReadAsync(Stream("idem")).ToListAsync());
    }

    [Fact]
    public async Task Append_Duplicate_WinsOverAStaleExpectedVersion()
    {
        var journal = OpenJournal();
        var commandId = Guid.NewGuid();
        await journal.AppendAsync(Stream("resend"), Entry(commandId: commandId), expectedVersion: 0);
        await journal.AppendAsync(Stream("resend"), Entry());

        // A resend after the stream moved on is still recognised as the same command, not a conflict.
        var resend = await journal.AppendAsync(Stream("resend"), Entry(commandId: commandId), expectedVersion: 0);
        Assert.Equal(AppendOutcome.Duplicate, resend.Outcome);
        Assert.Equal(1, resend.Entry!.Position);
    }

    [Fact]
    public async Task Append_WithStaleExpectedVersion_IsRejected_AndStoresNothing()
    {
        var journal = OpenJournal();
        await journal.AppendAsync(Stream("occ"), Entry(), expectedVersion: 0);
        var stale = await journal.AppendAsync(Stream("occ"), Entry(), expectedVersion: 0);
        var current = await journal.AppendAsync(Stream("occ"), Entry(), expectedVersion: 1);

        Assert.Equal(AppendOutcome.VersionConflict, stale.Outcome);
        Assert.Null(stale.Entry);
        Assert.Equal(1, stale.StreamVersion);
        Assert.Equal(AppendOutcome.Appended, current.Outcome);
        Assert.Equal(2, (await journal.ReadAsync(Stream("occ")).ToListAsync()).Count);
    }

    [Fact]
    public async Task Append_FromManyTasksAtOnce_StoresEachCommandOnce_WithoutGaps()
    {
        var journal = OpenJournal();
        var commands = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToList();

        // Every command is sent twice from different tasks, as an outbox resend racing the original would.
        var sends = commands.Concat(commands)
            .Select((id, i) => Task.Run(() => journal.AppendAsync(Stream("many"), Entry(commandId: id, payload: $"{{\"i\":{i}}}"))))
            .ToList();
        var results = await Task.WhenAll(sends);

        Assert.Equal(commands.Count, results.Count(r => r.Outcome == AppendOutcome.Appended));
        Assert.Equal(commands.Count, results.Count(r => r.Outcome == AppendOutcome.Duplicate));
        var read = await journal.ReadAsync(Stream("many")).ToListAsync();
        Assert.Equal(Enumerable.Range(1, commands.Count).Select(i => (long)i), read.Select(e => e.Position));
        Assert.Equal(commands.ToHashSet(), read.Select(e => e.CommandId).ToHashSet());
    }

    [Fact]
    public async Task Read_FromAPosition_ReturnsThatEntryAndTheRest()
    {
        var journal = OpenJournal();
        for (var i = 0; i < 10; i++)
        {
            await journal.AppendAsync(Stream("from"), Entry());
        }

        Assert.Equal([7L, 8, 9, 10], (await journal.ReadAsync(Stream("from"), 7).ToListAsync()).Select(e => e.Position));
        Assert.Empty(await journal.ReadAsync(Stream("from"), 11).ToListAsync());
        Assert.Empty(await journal.ReadAsync(Stream("never-written")).ToListAsync());
    }

    [Fact]
    public async Task Read_PastOnePage_ReturnsEveryEntry()
    {
        var journal = OpenJournal();
        const int count = 1100;
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => journal.AppendAsync(Stream("pages"), Entry())));

        var read = await journal.ReadAsync(Stream("pages"), 2).ToListAsync();
        Assert.Equal(count - 1, read.Count);
        Assert.Equal(Enumerable.Range(2, count - 1).Select(i => (long)i), read.Select(e => e.Position));
    }

    [Fact]
    public async Task Streams_AreIndependent_AndListed()
    {
        var journal = OpenJournal();
        await journal.AppendAsync(Stream("a"), Entry());
        await journal.AppendAsync(Stream("b"), Entry());
        var secondInA = await journal.AppendAsync(Stream("a"), Entry());

        Assert.Equal(2, secondInA.Entry!.Position);
        var streams = await journal.ListStreamsAsync();
        Assert.Contains(Stream("a"), streams);
        Assert.Contains(Stream("b"), streams);
        Assert.DoesNotContain(Stream("c"), streams);
    }

    [Fact]
    public async Task SameCommandId_InTwoStreams_IsTwoEntries()
    {
        var journal = OpenJournal();
        var commandId = Guid.NewGuid();
        var a = await journal.AppendAsync(Stream("x"), Entry(commandId: commandId));
        var b = await journal.AppendAsync(Stream("y"), Entry(commandId: commandId));
        Assert.Equal(AppendOutcome.Appended, a.Outcome);
        Assert.Equal(AppendOutcome.Appended, b.Outcome);
    }

    [Fact]
    public async Task Subscribe_IsNotifiedOfNewEntries_UntilDisposed()
    {
        var journal = OpenJournal();
        var received = new TaskCompletionSource<JournalNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = journal.Subscribe(n =>
        {
            if (n.StreamId == Stream("notify"))
            {
                received.TrySetResult(n);
            }
        });

        await journal.AppendAsync(Stream("notify"), Entry());
        var notification = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, notification.Position);

        subscription.Dispose();
        var after = 0;
        using var counter = journal.Subscribe(_ => Interlocked.Increment(ref after));
        await journal.AppendAsync(Stream("notify"), Entry());
        Assert.Equal(2, (await journal.ReadAsync(Stream("notify")).ToListAsync()).Count);
    }

    [Fact]
    public async Task Reopen_AfterRestart_ReplaysEverything_AndStillRecognisesOldCommandIds()
    {
        var commandId = Guid.NewGuid();
        var first = OpenJournal();
        await first.AppendAsync(Stream("restart"), Entry(commandId: commandId, type: "First", payload: "{\"a\":\"é 🎉\"}"));
        await first.AppendAsync(Stream("restart"), Entry(type: "Second"));
        (first as IDisposable)?.Dispose();

        var reopened = OpenJournal();
        var replay = await reopened.ReadAsync(Stream("restart")).ToListAsync();
        Assert.Equal(["First", "Second"], replay.Select(e => e.Type));
        Assert.Equal("{\"a\":\"é 🎉\"}", replay[0].Payload);
        Assert.Equal(commandId, replay[0].CommandId);

        var resend = await reopened.AppendAsync(Stream("restart"), Entry(commandId: commandId));
        Assert.Equal(AppendOutcome.Duplicate, resend.Outcome);
        var next = await reopened.AppendAsync(Stream("restart"), Entry());
        Assert.Equal(3, next.Entry!.Position);
    }

    [Fact]
    public async Task RecordedAt_IsSetByTheJournal()
    {
        var journal = OpenJournal();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var result = await journal.AppendAsync(Stream("time"), Entry());
        Assert.InRange(result.Entry!.RecordedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Redact_RewritesOnlyTheChosenPayloads_AndSurvivesARestart()
    {
        var journal = OpenJournal();
        var secret = Guid.NewGuid();
        await journal.AppendAsync(Stream("redact"), Entry(type: "Chat", payload: "{\"text\":\"geheim\"}", commandId: secret));
        await journal.AppendAsync(Stream("redact"), Entry(type: "Score", payload: "{\"v\":8}"));

        var changed = await journal.RedactAsync(Stream("redact"), e => e.Type == "Chat" ? "{\"text\":\"\"}" : null);

        Assert.Equal(1, changed);
        (journal as IDisposable)?.Dispose();
        var reopened = OpenJournal();
        var entries = await reopened.ReadAsync(Stream("redact")).ToListAsync();
        Assert.Equal(["{\"text\":\"\"}", "{\"v\":8}"], entries.Select(e => e.Payload));
        Assert.Equal([1L, 2], entries.Select(e => e.Position));
        Assert.Equal(AppendOutcome.Duplicate, (await reopened.AppendAsync(Stream("redact"), Entry(commandId: secret))).Outcome);
    }

    [Fact]
    public async Task IsReachable_WhenOpen()
    {
        Assert.True(await OpenJournal().IsReachableAsync());
    }

    [Fact]
    public async Task AppendMany_StoresTheBatchInOrder_AtConsecutivePositions_WithOneNotification()
    {
        var journal = OpenJournal();
        await journal.AppendAsync(Stream("batch"), Entry(payload: "{\"n\":0}"));
        var notifications = new System.Collections.Concurrent.ConcurrentQueue<JournalNotification>();
        using var subscription = journal.Subscribe(n =>
        {
            if (n.StreamId == Stream("batch"))
            {
                notifications.Enqueue(n);
            }
        });

        var batch = Enumerable.Range(1, 4).Select(i => Entry(payload: $"{{\"n\":{i}}}")).ToList();
        var results = await journal.AppendManyAsync(Stream("batch"), batch, expectedVersion: 1);

        Assert.All(results, r => Assert.Equal(AppendOutcome.Appended, r.Outcome));
        Assert.Equal([2L, 3, 4, 5], results.Select(r => r.Entry!.Position));
        Assert.Equal(batch.Select(b => b.CommandId), results.Select(r => r.Entry!.CommandId));
        Assert.All(results, r => Assert.Equal(5, r.StreamVersion));
        var read = await journal.ReadAsync(Stream("batch")).ToListAsync();
        Assert.Equal(["{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"], read.Select(e => e.Payload));
        await WaitUntilAsync(() => notifications.Any(n => n.Position == 5));
        Assert.DoesNotContain(notifications, n => n.Position is > 1 and < 5);
    }

    [Fact]
    public async Task AppendMany_WithStaleExpectedVersion_StoresNothingOfTheBatch()
    {
        var journal = OpenJournal();
        await journal.AppendAsync(Stream("stale-batch"), Entry());
        await journal.AppendAsync(Stream("stale-batch"), Entry());

        var results = await journal.AppendManyAsync(Stream("stale-batch"), [Entry(), Entry(), Entry()], expectedVersion: 1);

        Assert.All(results, r => Assert.Equal(AppendOutcome.VersionConflict, r.Outcome));
        Assert.All(results, r => Assert.Equal(2, r.StreamVersion));
        Assert.Equal(2, (await journal.ReadAsync(Stream("stale-batch")).ToListAsync()).Count);
    }

    [Fact]
    public async Task AppendMany_AnswersStoredAndRepeatedCommandIdsAsDuplicates_AndStoresEachCommandOnce()
    {
        var journal = OpenJournal();
        var stored = Entry(payload: "{\"first\":true}");
        await journal.AppendAsync(Stream("dup-batch"), stored);
        var repeated = Entry(payload: "{\"n\":1}");

        var results = await journal.AppendManyAsync(Stream("dup-batch"), [Entry(payload: "{\"n\":0}"), stored with { Payload = "{\"changed\":true}" }, repeated, repeated with { Payload = "{\"again\":true}" }], expectedVersion: 1);

        Assert.Equal([AppendOutcome.Appended, AppendOutcome.Duplicate, AppendOutcome.Appended, AppendOutcome.Duplicate], results.Select(r => r.Outcome));
        Assert.Equal(1, results[1].Entry!.Position);
        Assert.Equal("{\"first\":true}", results[1].Entry!.Payload);
        Assert.Equal(results[2].Entry!.Position, results[3].Entry!.Position);
        Assert.Equal("{\"n\":1}", results[3].Entry!.Payload);
        Assert.Equal(["{\"first\":true}", "{\"n\":0}", "{\"n\":1}"], (await journal.ReadAsync(Stream("dup-batch")).ToListAsync()).Select(e => e.Payload));
    }

    [Fact]
    public async Task AppendMany_OfOnlyDuplicates_WinsOverAStaleExpectedVersion()
    {
        var journal = OpenJournal();
        var stored = Entry();
        await journal.AppendAsync(Stream("dup-stale"), stored);
        await journal.AppendAsync(Stream("dup-stale"), Entry());

        var results = await journal.AppendManyAsync(Stream("dup-stale"), [stored], expectedVersion: 0);

        Assert.Equal(AppendOutcome.Duplicate, Assert.Single(results).Outcome);
        Assert.Equal(1, results[0].Entry!.Position);
    }

    [Fact]
    public async Task AppendMany_FromManyTasksAtOnce_StoresEveryEntryOnce_WithoutGaps()
    {
        var journal = OpenJournal();
        var batches = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 5).Select(_ => Entry()).ToList()).ToList();

        var results = await Task.WhenAll(batches.Select(b => Task.Run(() => journal.AppendManyAsync(Stream("many-batches"), b))));

        Assert.All(results.SelectMany(r => r), r => Assert.Equal(AppendOutcome.Appended, r.Outcome));
        var read = await journal.ReadAsync(Stream("many-batches")).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), read.Select(e => e.Position));
        Assert.Equal(batches.SelectMany(b => b).Select(e => e.CommandId).Order(), read.Select(e => e.CommandId).Order());
        foreach (var batch in results)
        {
            // Each batch landed in one piece, in its own order.
            Assert.Equal(Enumerable.Range(0, 5).Select(i => batch[0].Entry!.Position + i), batch.Select(r => r.Entry!.Position));
        }
    }

    [Fact]
    public async Task AppendMany_OfNothing_StoresNothing()
    {
        var journal = OpenJournal();
        Assert.Empty(await journal.AppendManyAsync(Stream("empty-batch"), []));
        Assert.Empty(await journal.ReadAsync(Stream("empty-batch")).ToListAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("UPPER")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task Append_ToAnInvalidStreamId_IsRejected(string streamId)
    {
        var journal = OpenJournal();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.AppendAsync(streamId, Entry()));
    }

    public void Dispose()
    {
        foreach (var journal in _opened)
        {
            (journal as IDisposable)?.Dispose();
        }

        DisposeStorage();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes this test's storage.</summary>
    protected abstract void DisposeStorage();
}
