using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// Screen tokens (issue 11): a venue screen or overlay joins only with a token a moderator made, which is kept as a
/// hash and can be revoked; a screen still reads only. Before, anyone could join as a screen with the public join code.
/// </summary>
public sealed class ScreenTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private LiveEvent _event = default!;

    public ScreenTokenTests() => _app = LimitsClock.App(_clock);

    public async Task InitializeAsync() => _event = await TestData.JudgingFinaleAsync(_app);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZ")]
    public async Task AScreen_WithoutAValidToken_CannotJoin(string? token)
    {
        await using var screen = await HubClient.ConnectAsync(_app);

        var joined = await screen.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, Guid.Empty, null, ViewerKinds.Screen, token));

        Assert.Equal((false, "live.screen.token-invalid"), (joined.Ok, joined.Code));
        Assert.Contains("schermtoken", joined.Message, StringComparison.Ordinal);
        Assert.Null(joined.Snapshot);
    }

    [Fact]
    public async Task AScreenWithItsToken_Joins_ReadsOnly_AndIsRefusedOnceTheTokenIsRevoked()
    {
        var token = ScreenTokens.Generate();
        var screenId = Guid.NewGuid();
        await Run(s => s.IssueScreenToken(screenId, "Zaalscherm links", token));
        await using var screen = await HubClient.ConnectAsync(_app);

        Assert.True((await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen, screenToken: token.ToLowerInvariant())).Ok);
        Assert.Equal("live.screen-read-only", (await screen.ChatAsync("hallo")).Code);
        Assert.Equal("live.screen-read-only", (await screen.VoteAsync(Guid.NewGuid(), Guid.NewGuid())).Code);
        Assert.Equal("live.screen-read-only", (await screen.Connection.InvokeAsync<SendResult>("React", new ReactionRequest(_event.Teams[0].Id, "applause"))).Code);
        Assert.Equal("live.screen-read-only", (await screen.Connection.InvokeAsync<SendResult>("Report", new ReportRequest(Guid.NewGuid(), null))).Code);

        await Run(s => s.RevokeScreenToken(screenId));
        _clock.Advance(TimeSpan.FromSeconds(5)); // past the connection's Join allowance

        Assert.Equal("live.screen.token-invalid", (await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen, screenToken: token)).Code);
    }

    [Fact]
    public async Task AToken_IsForItsOwnEvent_AndTheJournalKeepsOnlyItsHash()
    {
        var other = await TestData.JudgingFinaleAsync(_app);
        var token = ScreenTokens.Generate();
        await Run(s => s.IssueScreenToken(Guid.NewGuid(), "OBS", token));
        await using var screen = await HubClient.ConnectAsync(_app);

        Assert.Equal("live.screen.token-invalid", (await screen.JoinAsync(other.JoinCode, kind: ViewerKinds.Screen, screenToken: token)).Code);
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(_event.Id)))
        {
            Assert.DoesNotContain(token, entry.Payload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheScreenPage_CarriesItsToken_ToTheScript_AndTheAudiencePageNever()
    {
        using var client = _app.CreateDefaultClient();

        var screen = await client.GetStringAsync($"/screen/{_event.JoinCode}?token=ABCDEFGHJKMNPQRSTUVW");
        var phone = await client.GetStringAsync($"/live/{_event.JoinCode}?token=ABCDEFGHJKMNPQRSTUVW");

        Assert.Contains("data-screen-token=\"ABCDEFGHJKMNPQRSTUVW\"", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDEFGHJKMNPQRSTUVW", phone, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));
}
