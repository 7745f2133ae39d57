using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>A change notification names the stream and the parts of the facts applied.</summary>
public sealed class StreamChangeTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task EachCommand_IsNotified_WithThePartOfItsFact()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, finale.Id);
        var store = _app.Services.GetRequiredService<ProjectionStore>();
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        var seen = new ConcurrentQueue<StreamChange>();
        using (store.Subscribe(seen.Enqueue))
        {
            await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "viewer", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Kijker", "hallo", DateTimeOffset.UtcNow)));
            await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStage(finale.Categories[0].Id, finale.Teams[0].Id)));
            await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.ChangeDetails("Nieuwe naam", finale.Date, finale.Venue, finale.Theme)));
        }

        var stream = JournalStreams.ForEvent(finale.Id);
        Assert.Equal(
            [new StreamChange(stream, EventParts.Chat), new StreamChange(stream, EventParts.Show), new StreamChange(stream, EventParts.Details)],
            seen.ToArray());
        Assert.True(seen.Last().Touches(finale.Id, EventParts.Details | EventParts.Roster));
        Assert.False(seen.First().Touches(finale.Id, EventParts.Details | EventParts.Roster | EventParts.Judging | EventParts.Show));
    }

    public void Dispose() => _app.Dispose();
}
