using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Moderation;

namespace VakkanjersLive.Web.Tests.Moderation;

/// <summary>
/// The automatic privacy purges find every event that still holds data they erase past its retention: audience data
/// (votes alone too) after <c>Privacy:PurgeAfterDays</c>, pupils' names and judge codes after
/// <c>Privacy:RosterPurgeAfterDays</c>.
/// </summary>
public sealed class PrivacyPurgeTests : IDisposable
{
    private TestApp _app = new();

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    private AutomaticChatPurge Purges => _app.Services.GetRequiredService<AutomaticChatPurge>();

    [Fact]
    public async Task AutomaticPurge_ErasesAnEventWithOnlyVotes()
    {
        var old = await TestData.SmallFinaleAsync(_app, "Oude finale");
        await Run(old.Id, s => s.ChangeDetails(s.Name, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40)), s.Venue, s.Theme));
        var pollId = Guid.NewGuid();
        var optionId = Guid.NewGuid();
        await Run(old.Id, s => s.CreatePoll(pollId, "Wie wint?", [new PollOption(optionId, "De Bouwers"), new PollOption(Guid.NewGuid(), "De Vonken")], resultsLive: true));
        await Run(old.Id, s => s.OpenPoll(pollId));
        var voter = Guid.NewGuid();
        await Run(old.Id, s => s.Vote(pollId, optionId, voter));

        var purged = await Purges.PurgeDueAsync(CancellationToken.None);

        Assert.Equal([old.Id], purged);
        Assert.Equal(1, Store.GetEvent(old.Id)!.FindPoll(pollId)!.TotalVotes);
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(old.Id)))
        {
            Assert.DoesNotContain(voter.ToString(), entry.Payload, StringComparison.OrdinalIgnoreCase);
        }

        // Purged once: the next check finds nothing left to erase.
        Assert.Empty(await Purges.PurgeDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RosterPurge_AfterItsRetention_BlanksPupilsNamesAndJudgeCodes_InTheJournal()
    {
        var old = await TestData.SmallFinaleAsync(_app, "Finale van vorig jaar");
        var recent = await TestData.SmallFinaleAsync(_app, "Finale van dit voorjaar");
        var hash = old.Judges.Single().CodeHash!;
        await Run(old.Id, s => s.ChangeDetails(s.Name, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-400)), s.Venue, s.Theme));
        await Run(recent.Id, s => s.ChangeDetails(s.Name, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40)), s.Venue, s.Theme));

        var purged = await Purges.PurgeDueRostersAsync(CancellationToken.None);

        Assert.Equal([old.Id], purged);
        var after = Store.GetEvent(old.Id)!;
        Assert.Equal(["De Bouwers"], after.Teams.Select(t => t.Name));
        Assert.All(after.Teams, t => Assert.Empty(t.MemberFirstNames));
        Assert.All(after.Judges, j => Assert.Null(j.CodeHash));
        Assert.Equal(["Daan", "Noor"], Store.GetEvent(recent.Id)!.Teams.Single().MemberFirstNames);

        var entries = await _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(old.Id)).ToListAsync();
        Assert.All(entries, e => Assert.DoesNotContain("Daan", e.Payload, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("Noor", e.Payload, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(hash, e.Payload, StringComparison.Ordinal));
        Assert.Equal(2, Assert.IsType<RosterPurged>(FactSerializer.Deserialize(entries[^1])).EntryCount);

        // Done once: the next check finds nothing, and a restart folds the blanked journal to the same state.
        Assert.Empty(await Purges.PurgeDueRostersAsync(CancellationToken.None));
        _app = _app.Restart();
        Assert.All(Store.GetEvent(old.Id)!.Teams, t => Assert.Empty(t.MemberFirstNames));
        Assert.All(Store.GetEvent(old.Id)!.Judges, j => Assert.Null(j.CodeHash));
        Assert.Equal(PrivacyPurge.None, Store.GetEvent(old.Id)!.Unerased & PrivacyPurge.Roster);
    }

    [Fact]
    public async Task RosterRetention_IsConfigurable()
    {
        _app = _app.Restart(new Dictionary<string, string?> { ["Privacy:RosterPurgeAfterDays"] = "30" });
        var old = await TestData.SmallFinaleAsync(_app);
        await Run(old.Id, s => s.ChangeDetails(s.Name, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40)), s.Venue, s.Theme));

        Assert.Equal([old.Id], await Purges.PurgeDueRostersAsync(CancellationToken.None));
    }

    public void Dispose() => _app.Dispose();

    private Task Run(Guid eventId, Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(Commands.ForEventAsync(eventId, Guid.NewGuid(), "moderator:test", decide));
}
