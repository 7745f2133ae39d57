using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Moderation;

namespace VakkanjersLive.Web.Tests.Moderation;

/// <summary>The automatic privacy purge finds every event that still holds audience data past its retention.</summary>
public sealed class PrivacyPurgeTests : IDisposable
{
    private readonly TestApp _app = new();

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

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

        var purged = await _app.Services.GetRequiredService<AutomaticChatPurge>().PurgeDueAsync(CancellationToken.None);

        Assert.Equal([old.Id], purged);
        Assert.Equal(1, Store.GetEvent(old.Id)!.FindPoll(pollId)!.TotalVotes);
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(old.Id)))
        {
            Assert.DoesNotContain(voter.ToString(), entry.Payload, StringComparison.OrdinalIgnoreCase);
        }

        // Purged once: the next check finds nothing left to erase.
        Assert.Empty(await _app.Services.GetRequiredService<AutomaticChatPurge>().PurgeDueAsync(CancellationToken.None));
    }

    public void Dispose() => _app.Dispose();

    private Task Run(Guid eventId, Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(Commands.ForEventAsync(eventId, Guid.NewGuid(), "moderator:test", decide));
}
