using Microsoft.Extensions.Logging.Abstractions;
using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Infrastructure.Tests.Projections;

/// <summary>
/// Group commit on a real SQLite journal: commands that wait together are decided one after the other and written in
/// one journal write, staff before audience. The first command's decision is held open so the others queue behind it,
/// which makes the batch deterministic.
/// </summary>
public sealed class CommandExecutorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vkl-executor-").FullName;
    private readonly SqliteJournal _journal;
    private readonly ProjectionStore _store;
    private readonly CommandExecutor _commands;
    private readonly Guid _eventId = Guid.NewGuid();
    private readonly Guid _pollId = Guid.NewGuid();
    private readonly Guid _option = Guid.NewGuid();

    public CommandExecutorTests()
    {
        _journal = new SqliteJournal(Path.Combine(_directory, "journal.db"));
        _store = new ProjectionStore(_journal, NullLogger<ProjectionStore>.Instance);
        _commands = new CommandExecutor(_journal, _store, [], NullLogger<CommandExecutor>.Instance);
    }

    [Fact]
    public async Task CommandsThatWaitTogether_AreWrittenInOneJournalWrite_StaffFirst()
    {
        await OpenPollAsync();
        var writesBefore = _commands.Writes;
        using var held = new Held();
        var first = Staff(held.Decide(s => s.SwitchReactions(true)));
        await held.Entered;

        var votes = Enumerable.Range(0, 50).Select(_ => Vote(Guid.NewGuid())).ToList();
        var stage = Staff(s => s.SwitchReactions(false));
        held.Release();

        Assert.True((await first).Succeeded);
        var results = await Task.WhenAll(votes);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorCode));
        var staff = await stage;
        Assert.True(staff.Succeeded);

        // One write for the held command, one for the 51 that queued behind it, the staff command at its head.
        Assert.Equal(2, _commands.Writes - writesBefore);
        Assert.Equal((await first).Position + 1, staff.Position);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => staff.Position + i), results.Select(r => r.Position).Order());
        Assert.Equal(50, _store.GetEvent(_eventId)!.Polls.Find(_pollId)!.TotalVotes);
        Assert.Equal(staff.Position + 50, (await _journal.ReadAsync(JournalStreams.ForEvent(_eventId)).ToListAsync()).Count);
    }

    [Fact]
    public async Task EachDecisionInABatch_SeesTheCommandsBeforeIt()
    {
        await OpenPollAsync();
        var viewer = Guid.NewGuid();
        using var held = new Held();
        var first = Staff(held.Decide(s => s.SwitchReactions(true)));
        await held.Entered;

        var once = Vote(viewer);
        var twice = Vote(viewer);
        var other = Vote(Guid.NewGuid());
        held.Release();

        Assert.True((await once).Succeeded);
        Assert.Equal("poll.already-voted", (await twice).ErrorCode);
        Assert.True((await other).Succeeded);
        Assert.True((await first).Succeeded);
        Assert.Equal(2, _store.GetEvent(_eventId)!.Polls.Find(_pollId)!.TotalVotes);
    }

    [Fact]
    public async Task TheSameCommandTwiceInOneBatch_IsStoredOnce_AndBothCallersHearItWorked()
    {
        await OpenPollAsync();
        using var held = new Held();
        var first = Staff(held.Decide(s => s.SwitchReactions(true)));
        await held.Entered;

        var commandId = Guid.NewGuid();
        var viewer = Guid.NewGuid();
        var sent = _commands.ForEventAsync(_eventId, commandId, CommandExecutor.AudienceActor, s => s.Vote(_pollId, _option, viewer));
        var resent = _commands.ForEventAsync(_eventId, commandId, CommandExecutor.AudienceActor, s => s.Vote(_pollId, _option, viewer));
        held.Release();
        await first;

        var (a, b) = (await sent, await resent);
        Assert.True(a.Succeeded && b.Succeeded);
        Assert.Equal(a.Position, b.Position);
        Assert.True(a.WasDuplicate != b.WasDuplicate);
        Assert.Equal(1, _store.GetEvent(_eventId)!.Polls.Find(_pollId)!.TotalVotes);
    }

    [Fact]
    public async Task ADecisionThatThrows_FailsAlone_AndTheRestOfTheBatchIsWritten()
    {
        await OpenPollAsync();
        using var held = new Held();
        var first = Staff(held.Decide(s => s.SwitchReactions(true)));
        await held.Entered;

        var broken = _commands.ForEventAsync(_eventId, Guid.NewGuid(), CommandExecutor.AudienceActor, _ => throw new InvalidOperationException("a bug in a decision"));
        var refused = _commands.ForEventAsync(_eventId, Guid.NewGuid(), CommandExecutor.AudienceActor, _ => throw new DomainException("poll.closed"));
        var vote = Vote(Guid.NewGuid());
        held.Release();
        await first;

        Assert.Equal("journal.unavailable", (await broken).ErrorCode);
        Assert.Equal("poll.closed", (await refused).ErrorCode);
        Assert.True((await vote).Succeeded);
    }

    [Fact]
    public async Task ACommandCancelledWhileItWaits_IsNotWritten()
    {
        await OpenPollAsync();
        using var held = new Held();
        var first = Staff(held.Decide(s => s.SwitchReactions(true)));
        await held.Entered;

        using var cancel = new CancellationTokenSource();
        var viewer = Guid.NewGuid();
        var cancelled = _commands.ForEventAsync(_eventId, Guid.NewGuid(), CommandExecutor.AudienceActor, s => s.Vote(_pollId, _option, viewer), cancel.Token);
        await cancel.CancelAsync();
        held.Release();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True((await Vote(viewer)).Succeeded); // the cancelled vote was not counted
    }

    [Fact]
    public async Task ACommandWithoutAnId_IsRefused()
    {
        var result = await _commands.ForEventAsync(_eventId, Guid.Empty, "test", s => s.SwitchReactions(true));
        Assert.Equal("command.id.required", result.ErrorCode);
    }

    public void Dispose()
    {
        _journal.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task OpenPollAsync()
    {
        Assert.True((await Staff(s => s.Create(_eventId, EventKind.TechniekLive, "Uitzending", new DateOnly(2026, 12, 1), "Online", string.Empty, JoinCodes.Generate()))).Succeeded);
        Assert.True((await Staff(s => s.CreatePoll(_pollId, "Wie wint?", [new PollOption(_option, "De Bouwers"), new PollOption(Guid.NewGuid(), "De Vonken")], resultsLive: true))).Succeeded);
        Assert.True((await Staff(s => s.OpenPoll(_pollId))).Succeeded);
    }

    private Task<CommandResult> Staff(Func<LiveEvent, ILiveEventFact> decide) =>
        _commands.ForEventAsync(_eventId, Guid.NewGuid(), "moderator:test", decide);

    private Task<CommandResult> Vote(Guid viewer) =>
        _commands.ForEventAsync(_eventId, Guid.NewGuid(), CommandExecutor.AudienceActor, s => s.Vote(_pollId, _option, viewer));

    /// <summary>A decision that waits (on the writer's thread) until the test lets it go, so other commands queue behind it.</summary>
    private sealed class Held : IDisposable
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _release = new();

        public Task Entered => _entered.Task;

        public Func<LiveEvent, ILiveEventFact> Decide(Func<LiveEvent, ILiveEventFact> decide) => state =>
        {
            _entered.TrySetResult();
            Assert.True(_release.Wait(TimeSpan.FromSeconds(30)), "The test never released the held decision.");
            return decide(state);
        };

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
        }
    }
}
