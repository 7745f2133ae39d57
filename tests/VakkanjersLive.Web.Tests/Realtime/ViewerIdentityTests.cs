using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// The viewer the server issues (issue 11): a pupil with a script, one laptop, one address. Each case was tried
/// against the running demo and got through before the hub took the viewer from its cookie.
/// </summary>
public sealed class ViewerIdentityTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Guid _poll = Guid.NewGuid();
    private readonly PollOption _favourite = new(Guid.NewGuid(), "De Bouwers");
    private TestApp _app;
    private LiveEvent _event = default!;

    public ViewerIdentityTests() => _app = App();

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    public async Task InitializeAsync() => await SeedAsync();

    [Fact]
    public async Task ThirtyVotes_FromOneScript_WithAFreshIdInEveryJoin_CountOnce()
    {
        await Run(s => s.CreatePoll(_poll, "Publieksprijs", [_favourite, new PollOption(Guid.NewGuid(), "De Vonken")], resultsLive: false));
        await Run(s => s.OpenPoll(_poll));
        var cookie = await AudienceIdentity.CookieAsync(_app);

        var answers = new List<string?>();
        for (var i = 0; i < 30; i++)
        {
            await using var script = await HubClient.ConnectAsync(_app, cookie);
            await script.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, Guid.NewGuid(), null, ViewerKinds.Audience));
            answers.Add((await script.VoteAsync(_poll, _favourite.Id)).Code);
        }

        Assert.Equal(1, Store.GetEvent(_event.Id)!.FindPoll(_poll)!.TotalVotes);
        Assert.Equal("poll.voted", answers[0]);
        // Refused as the same viewer: already voted, or (its per-viewer allowance used up) too fast.
        Assert.All(answers.Skip(1), code => Assert.Contains(code, new[] { "poll.already-voted", "poll.too-fast" }));
    }

    [Fact]
    public async Task ABannedViewer_StaysBanned_WithANewIdInThePayload_AndOnANewConnection()
    {
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(_event.JoinCode);
        Assert.True((await viewer.ChatAsync("hallo allemaal")).Ok);
        await Run(s => s.Ban(viewer.ViewerId));

        await using var again = await HubClient.ConnectAsync(_app, viewer.Cookie);
        await again.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, Guid.NewGuid(), null, ViewerKinds.Audience));

        Assert.Equal("chat.banned", (await again.ChatAsync("ik ben terug")).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("vkl.viewer=bm90LWVlbi1lY2h0ZS1jb29raWU")]
    public async Task AnAudienceJoin_WithoutAValidIdentity_GetsAClearCode(string? cookie)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, RealtimeSetup.HubPath), o =>
            {
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .Build();
        await connection.StartAsync();

        var audience = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, Guid.NewGuid(), null, ViewerKinds.Audience));
        var screen = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_event.JoinCode, Guid.Empty, null, ViewerKinds.Screen, await TestData.ScreenTokenAsync(_app, _event.JoinCode)));

        Assert.Equal((false, "live.identity.missing"), (audience.Ok, audience.Code));
        Assert.Contains("Laad de pagina", audience.Message, StringComparison.Ordinal);
        Assert.True(screen.Ok, screen.Code);
    }

    [Fact]
    public async Task TheIdentityCookie_IsHttpOnly_SameSite_AndKeptOnTheNextVisit()
    {
        using var client = _app.CreateDefaultClient();
        var first = await client.GetAsync($"/live/{_event.JoinCode}");
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vkl.viewer=", StringComparison.Ordinal));

        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var again = new HttpRequestMessage(HttpMethod.Get, $"/live/{_event.JoinCode}");
        again.Headers.Add("Cookie", setCookie.Split(';')[0]);
        var second = await client.SendAsync(again);
        Assert.False(second.Headers.Contains("Set-Cookie") && second.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("vkl.viewer=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NewIdentities_PerAddress_StopAtTheLimit_AndComeBackWithTime()
    {
        await RestartAsync(new() { ["Audience:IdentityBurst"] = "5", ["Audience:IdentitiesPerMinute"] = "1" });
        using var client = _app.CreateDefaultClient();

        var issued = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            issued.Add(HasIdentity(await client.GetAsync("/live")));
        }

        Assert.Equal([true, true, true, true, true, false], issued);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(HasIdentity(await client.GetAsync("/live")));
    }

    [Fact]
    public async Task OneAddress_CannotOpenMoreConnections_ThanItsLimit()
    {
        await RestartAsync(new() { ["Audience:ConnectionsPerAddress"] = "3" });
        var clients = new List<HubClient>();
        for (var i = 0; i < 3; i++)
        {
            clients.Add(await HubClient.ConnectAsync(_app));
            Assert.True((await clients[i].JoinAsync(_event.JoinCode)).Ok);
        }

        await using var fourth = await HubClient.ConnectAsync(_app);
        Assert.Equal("live.address.busy", (await fourth.JoinAsync(_event.JoinCode)).Code);

        await clients[0].DisposeAsync();
        var limits = _app.Services.GetRequiredService<AudienceLimits>();
        await LimitsClock.UntilAsync(() => limits.Connections(null) + limits.Connections(IPAddress.Loopback) <= 3);
        await using var fifth = await HubClient.ConnectAsync(_app);
        Assert.True((await fifth.JoinAsync(_event.JoinCode)).Ok);
        foreach (var client in clients.Skip(1))
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task GuessingJoinCodes_CostsTheSame_ForUnknownAndKnownCodes_OnTheHubAndThePage()
    {
        await RestartAsync(new() { ["Audience:JoinBurst"] = "5", ["Audience:JoinsPerMinute"] = "1" });
        await using var guesser = await HubClient.ConnectAsync(_app);
        var codes = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await guesser.JoinAsync("ZZZZZZ")).Code);
            _clock.Advance(TimeSpan.FromSeconds(5)); // past the per-connection Join bucket, not the address's
        }

        codes.Add((await guesser.JoinAsync(_event.JoinCode)).Code);
        _clock.Advance(TimeSpan.FromSeconds(5));
        codes.Add((await guesser.JoinAsync(_event.JoinCode)).Code);
        Assert.Equal(["live.event.unknown", "live.event.unknown", "live.event.unknown", "live.event.unknown", null, "live.address.too-fast"], codes);

        // The join page's look-up draws on the same allowance: a known code no longer answers with a redirect.
        using var page = _app.CreateDefaultClient();
        var known = await page.GetAsync($"/live?code={_event.JoinCode}");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains("te vaak een code geprobeerd", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaults_LetASchoolOf500_ArriveWithinAMinute_FromOneAddress()
    {
        using var client = _app.CreateDefaultClient();
        var issued = 0;
        for (var i = 0; i < 500; i++)
        {
            issued += HasIdentity(await client.GetAsync($"/live/{_event.JoinCode}")) ? 1 : 0;
        }

        var limits = _app.Services.GetRequiredService<AudienceLimits>();
        var school = IPAddress.Parse("192.0.2.10");
        Assert.Equal(500, issued);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(limits.TryJoin(school))); // everyone joins, then a Wi-Fi blip
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(limits.TryConnect(school))); // two tabs each
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static bool HasIdentity(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("vkl.viewer=", StringComparison.Ordinal));

    private TestApp App(Dictionary<string, string?>? settings = null) =>
        new(settings: settings, services: s => s.AddKeyedSingleton<TimeProvider>(HubLimits.ClockKey, _clock));

    private async Task RestartAsync(Dictionary<string, string?> settings)
    {
        _app.Dispose();
        _app = App(settings);
        await SeedAsync();
    }

    private async Task SeedAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));
}
