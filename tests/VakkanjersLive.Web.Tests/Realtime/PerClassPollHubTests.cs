using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// The per-class publieksprijs on the hub (issue 11): pupils join with a class code, and each class's votes become one
/// ballot. A script in one class with many identities moves that class's ballot and nothing else.
/// </summary>
public sealed class PerClassPollHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private readonly Guid _poll = Guid.NewGuid();
    private readonly Dictionary<string, string> _codes = [];
    private readonly Dictionary<string, Guid> _classes = [];
    private LiveEvent _event = default!;
    private PollOption _bouwers = default!;
    private PollOption _vonken = default!;
    private PollOption _uilen = default!;

    public PerClassPollHubTests() => _app = LimitsClock.App(_clock);

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    private Poll Poll => Store.GetEvent(_event.Id)!.FindPoll(_poll)!;

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
        var wilg = Guid.NewGuid();
        await Run(s => s.AddSchool(wilg, "De Wilg", "Gouda"));
        await Run(s => s.RegisterTeam(Guid.NewGuid(), "De Uilen", wilg, s.Categories[0].Id, "Nachtlamp", ["Iris"]));
        _event = Store.GetEvent(_event.Id)!;
        var schools = _event.Schools.ToDictionary(s => s.Name, s => s.Id);
        foreach (var (name, school) in new[] { ("A1", "De Regenboog"), ("B1", "Het Baken"), ("C1", "De Wilg") })
        {
            var code = SignInCodes.Generate();
            var id = Guid.NewGuid();
            await Run(s => s.AddClass(id, schools[school], name, null, code));
            (_codes[name], _classes[name]) = (code, id);
        }

        _event = Store.GetEvent(_event.Id)!;
        PollOption Team(string name) => new(Guid.NewGuid(), name, _event.Teams.Single(t => t.Name == name).Id);
        (_bouwers, _vonken, _uilen) = (Team("De Bouwers"), Team("De Vonken"), Team("De Uilen"));
        await Run(s => s.CreatePoll(_poll, "Publieksprijs", [_bouwers, _vonken, _uilen], resultsLive: false, PollMode.PerClass));
        await Run(s => s.OpenPoll(_poll));
    }

    [Fact]
    public async Task OneScriptInOneClass_WithManyIdentities_MovesOnlyThatClassesBallot()
    {
        // Class B1 and C1 vote honestly: B1 likes De Uilen, C1 De Bouwers then De Vonken.
        await VoteAsPupilsAsync("B1", _uilen, 2);
        await VoteAsPupilsAsync("B1", _bouwers, 1);
        await VoteAsPupilsAsync("C1", _bouwers, 2);
        await VoteAsPupilsAsync("C1", _vonken, 1);

        // A script in class A1 mints 25 identities, each through the class link, and votes De Vonken with all of them.
        var answers = await VoteAsPupilsAsync("A1", _vonken, 25);

        Assert.All(answers, a => Assert.Equal("poll.voted", a));
        var ballots = PerClassBallots.Ballots(Poll).ToDictionary(b => b.ClassId);
        Assert.Equal([(_vonken.Id, 25, 12)], ballots[_classes["A1"]].Awards.Select(a => (a.OptionId, a.Votes, a.Points)));
        var points = PerClassBallots.Standings(Poll).ToDictionary(s => s.OptionId, s => s.Points);

        // 25 votes are one ballot's 12 points: De Vonken 12 + 10, De Bouwers 12 + 10, De Uilen 12.
        Assert.Equal(22, points[_vonken.Id]);
        Assert.Equal(22, points[_bouwers.Id]);
        Assert.Equal(12, points[_uilen.Id]);
        Assert.Equal(31, Poll.TotalVotes);
    }

    [Fact]
    public async Task AClass_CannotVoteForItsOwnSchool_AndAViewerWithoutAClass_CannotVoteAtAll()
    {
        Assert.Equal(["poll.own-school"], await VoteAsPupilsAsync("A1", _bouwers, 1));

        await using var outsider = await HubClient.ConnectAsync(_app);
        await outsider.JoinAsync(_event.JoinCode);
        var refused = await outsider.VoteAsync(_poll, _vonken.Id);

        Assert.Equal("poll.class.required", refused.Code);
        Assert.Contains("klascode", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, Poll.TotalVotes);
    }

    [Fact]
    public async Task AForgedOrForeignClassCookie_IsNoClass()
    {
        var identity = await AudienceIdentity.CookieAsync(_app);
        await using var forged = await HubClient.ConnectAsync(_app, $"{identity}; {ClassMembership.CookieName}=bm90LWVlbi1rbGFz");
        await forged.JoinAsync(_event.JoinCode);

        Assert.Equal("poll.class.required", (await forged.VoteAsync(_poll, _vonken.Id)).Code);
    }

    [Fact]
    public async Task PerClassVotes_StaySecret_UntilTheModeratorShowsThem_ThenTheFeedCarriesPoints()
    {
        await using var screen = await HubClient.ConnectAsync(_app);
        await screen.JoinAsync(_event.JoinCode, kind: ViewerKinds.Screen);
        await VoteAsPupilsAsync("A1", _vonken, 3);
        await VoteAsPupilsAsync("B1", _uilen, 1);
        await Run(s => s.ClosePoll(_poll));
        var closed = await screen.WaitForAsync(i => i.Type == FeedItemTypes.PollClosed);
        Assert.Null(closed.Poll!.TotalVotes);
        Assert.All(closed.Poll.Options, o => Assert.Null(o.Votes));
        Assert.Equal(PollModes.PerClass, closed.Poll.Mode);

        await Run(s => s.SwitchPollResults(_poll, true));

        var shown = await screen.WaitForAsync(i => i.Type == FeedItemTypes.PollResults && i.Poll!.ResultsVisible);
        Assert.Equal([(_vonken.Id, 12), (_uilen.Id, 12), (_bouwers.Id, 0)], shown.Poll!.Options.Select(o => (o.Id, o.Votes!.Value)));
        Assert.Equal(2, shown.Poll.Classes);
    }

    [Fact]
    public async Task TheJoinPage_TakesAClassCode_SetsTheClass_AndCountsUnknownCodesAgainstTheAddress()
    {
        using var client = _app.CreateDefaultClient();
        var known = await client.GetAsync($"/live?class={SignInCodes.Format(_codes["A1"]).ToLowerInvariant()}");
        Assert.True(known.IsRedirectTo($"/live/{_event.JoinCode}"), known.StatusCode.ToString());
        Assert.Contains(known.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ClassMembership.CookieName + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_codes["A1"], known.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        var unknown = await client.GetAsync("/live?class=ZZZZZ-ZZZZZ");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("klascode kennen we niet", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(unknown.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(ClassMembership.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GuessingClassCodes_IsSlowedByTheAddressAllowance_KnownOrNot()
    {
        using var restarted = new TestApp(settings: new Dictionary<string, string?> { ["Audience:JoinBurst"] = "3", ["Audience:JoinsPerMinute"] = "1" }, services: s => s.AddKeyedSingleton<TimeProvider>(HubLimits.ClockKey, _clock));
        var liveEvent = await TestData.JudgingFinaleAsync(restarted);
        var code = SignInCodes.Generate();
        await TestData.Ok(restarted.Services.GetRequiredService<CommandExecutor>().ForEventAsync(liveEvent.Id, Guid.NewGuid(), "test", s => s.AddClass(Guid.NewGuid(), s.Schools[0].Id, "2B", null, code)));
        using var client = restarted.CreateDefaultClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("klascode kennen we niet", await client.GetStringAsync($"/live?class=GUESS{i}ZZZZZ"), StringComparison.Ordinal);
        }

        var real = await client.GetAsync($"/live?class={code}");
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Contains("te vaak een code geprobeerd", await real.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLivePage_SaysWhichClassThePupilVotesWith()
    {
        var cookie = await PupilCookieAsync("B1");
        using var client = _app.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/live/{_event.JoinCode}");
        request.Headers.Add("Cookie", cookie);

        var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("Je stemt met klas B1 (Het Baken).", page, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>As a pupil's browser: the join page (a viewer identity), then the class link (the class cookie).</summary>
    private async Task<string> PupilCookieAsync(string className)
    {
        var identity = await AudienceIdentity.CookieAsync(_app);
        using var client = _app.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/live?class={_codes[className]}");
        request.Headers.Add("Cookie", identity);
        var response = await client.SendAsync(request);
        var membership = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ClassMembership.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        return $"{identity}; {membership}";
    }

    private async Task<List<string?>> VoteAsPupilsAsync(string className, PollOption option, int pupils)
    {
        var answers = new List<string?>();
        for (var i = 0; i < pupils; i++)
        {
            await using var pupil = await HubClient.ConnectAsync(_app, await PupilCookieAsync(className));
            Assert.True((await pupil.JoinAsync(_event.JoinCode)).Ok);
            answers.Add((await pupil.VoteAsync(_poll, option.Id)).Code);
        }

        return answers;
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));
}
