using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// Listens on a raw WebSocket to the public hub, as any curious pupil could, and checks that nothing about scores
/// or ranks crosses it before the moderator reveals, that the reveal goes from last place up, and that only approved
/// audience questions ever cross it.
/// </summary>
public sealed class RevealSecrecyTests : IAsyncLifetime
{
    private const char RecordSeparator = '\u001e';
    private readonly TestApp _app = new(kestrel: true);
    private readonly StringBuilder _received = new();
    private readonly CancellationTokenSource _stop = new();
    private ClientWebSocket _socket = default!;
    private Task _reader = Task.CompletedTask;
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id); // the sentinels are chat messages: not held
        _socket = new ClientWebSocket();
        _socket.Options.SetRequestHeader("Cookie", await AudienceIdentity.CookieAsync(_app.BaseAddress));
        var uri = new UriBuilder(_app.BaseAddress) { Scheme = "ws", Path = RealtimeSetup.HubPath }.Uri;
        await _socket.ConnectAsync(uri, CancellationToken.None);
        await SendAsync("{\"protocol\":\"json\",\"version\":1}");
        _reader = Task.Run(ReadAsync);
        await SendAsync(JsonSerializer.Serialize(new
        {
            type = 1,
            invocationId = "1",
            target = "Join",
            arguments = new object[] { new { eventCode = _event.JoinCode, kind = "audience" } },
        }));
        await WaitForTextAsync("\"invocationId\":\"1\"");
    }

    [Fact]
    public async Task NothingAboutScores_ReachesTheAudience_BeforeTheReveal_ThenItGoesFromLastPlaceUp()
    {
        var (alpha, bravo) = (_event.Teams.Single(t => t.Name == "De Bouwers"), _event.Teams.Single(t => t.Name == "De Vonken"));
        foreach (var team in new[] { alpha, bravo })
        {
            await Run(s => s.OpenJudging(team.Id));
        }

        // De Bouwers: 72.22 and 66.67 (mean 69.44); De Vonken: 41.67 and 38.89 (mean 40.28); weights 3 and 1 on 1–10.
        await Score(_event.Judges[0].Id, alpha, 8, 6);
        await Score(_event.Judges[1].Id, alpha, 6, 10);
        await Score(_event.Judges[0].Id, bravo, 5, 4);
        await Score(_event.Judges[1].Id, bravo, 4, 6);
        await Run(s => s.PrepareReveal(alpha.CategoryId, rehearsal: true));
        await Run(s => s.StepReveal(alpha.CategoryId));
        await Run(s => s.StepReveal(alpha.CategoryId));
        await Run(s => s.ClearReveal(alpha.CategoryId));
        await Run(s => s.ChooseMethod(Domain.Scoring.AggregationMethod.WeightedMean));
        await Run(s => s.LockRound(s.CurrentRoundId));
        await Chat("sentinel-before-reveal");
        await WaitForTextAsync("sentinel-before-reveal");

        var beforeReveal = Received();
        Assert.DoesNotContain("\"score\"", beforeReveal, StringComparison.Ordinal);
        Assert.DoesNotContain("\"rank\"", beforeReveal, StringComparison.Ordinal);
        Assert.DoesNotContain("\"reveal-", beforeReveal, StringComparison.Ordinal);
        Assert.DoesNotContain("69.44", beforeReveal, StringComparison.Ordinal);
        Assert.DoesNotContain("40.28", beforeReveal, StringComparison.Ordinal);

        await Run(s => s.PrepareReveal(alpha.CategoryId, rehearsal: false));
        await WaitForTextAsync(FeedItemTypes.RevealStart);
        Assert.DoesNotContain("\"score\"", Received(), StringComparison.Ordinal);

        await Run(s => s.StepReveal(alpha.CategoryId));
        await WaitForTextAsync("\"step\":1");
        Assert.DoesNotContain("69.44", Received(), StringComparison.Ordinal);
        await Run(s => s.StepReveal(alpha.CategoryId));
        await WaitForTextAsync("\"step\":2");

        var steps = Messages()
            .Where(m => m.TryGetProperty("target", out var t) && t.GetString() == "Feed")
            .SelectMany(m => m.GetProperty("arguments")[0].GetProperty("items").EnumerateArray())
            .Where(i => i.GetProperty("type").GetString() == FeedItemTypes.RevealStep)
            .Select(i => (Team: i.GetProperty("team").GetProperty("name").GetString(), Rank: i.GetProperty("rank").GetInt32(), Score: i.GetProperty("score").GetDouble(), Winner: i.GetProperty("winner").GetBoolean()))
            .ToList();
        Assert.Equal([("De Vonken", 2, 40.28, false), ("De Bouwers", 1, 69.44, true)], steps);
    }

    [Fact]
    public async Task NothingAboutAHiddenPollsTally_ReachesTheAudience_BeforeTheModeratorShowsIt()
    {
        var pollId = Guid.NewGuid();
        var (yes, no) = (new PollOption(Guid.NewGuid(), "Ja"), new PollOption(Guid.NewGuid(), "Nee"));
        await Run(s => s.CreatePoll(pollId, "Wie wint de publieksprijs?", [yes, no], resultsLive: false));
        await Run(s => s.OpenPoll(pollId));
        for (var i = 0; i < 3; i++)
        {
            await Run(s => s.Vote(pollId, no.Id, Guid.NewGuid()));
        }

        await Run(s => s.ClosePoll(pollId));
        await Chat("sentinel-before-results");
        await WaitForTextAsync("sentinel-before-results");

        var beforeResults = Received();
        Assert.Contains(FeedItemTypes.PollClosed, beforeResults, StringComparison.Ordinal);
        Assert.DoesNotContain("\"votes\"", beforeResults, StringComparison.Ordinal);
        Assert.DoesNotContain("\"percent\"", beforeResults, StringComparison.Ordinal);
        Assert.DoesNotContain("\"totalVotes\"", beforeResults, StringComparison.Ordinal);
        Assert.DoesNotContain("poll-results", beforeResults, StringComparison.Ordinal);

        await Run(s => s.SwitchPollResults(pollId, visible: true));
        await WaitForTextAsync(FeedItemTypes.PollResults);
        Assert.Contains("\"totalVotes\":3", Received(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldAndRejectedQuestions_NeverReachTheAudience_OnlyApprovedOnesDo()
    {
        var (held, rejected, approved) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await Run(s => s.SwitchQuestions(true));
        await Run(s => s.AskQuestion(held, Guid.NewGuid(), "Kijker", "geheime-wachtende-vraag", now));
        await Run(s => s.AskQuestion(rejected, Guid.NewGuid(), "Kijker", "geheime-afgewezen-vraag", now));
        await Run(s => s.RejectQuestion(rejected));
        await Run(s => s.AskQuestion(approved, Guid.NewGuid(), "Kijker", "goedgekeurde-vraag", now));
        await Run(s => s.ApproveQuestion(approved));
        await Run(s => s.Upvote(approved, Guid.NewGuid()));
        await Run(s => s.HighlightQuestion(approved));
        await Chat("sentinel-after-questions");
        await WaitForTextAsync("sentinel-after-questions");

        var received = Received();
        Assert.Contains("goedgekeurde-vraag", received, StringComparison.Ordinal);
        Assert.Contains(FeedItemTypes.QuestionHighlight, received, StringComparison.Ordinal);
        foreach (var secret in new[] { "geheime-wachtende-vraag", "geheime-afgewezen-vraag", held.ToString(), rejected.ToString() })
        {
            Assert.DoesNotContain(secret, received, StringComparison.OrdinalIgnoreCase);
        }

        // A moderator taking the approved question down sends only its id, never a held one's.
        await Run(s => s.RejectQuestion(approved));
        await WaitForTextAsync(FeedItemTypes.QuestionHidden);
        Assert.DoesNotContain(held.ToString(), Received(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task Score(Guid judgeId, Team team, int oplossing, int presentatie) =>
        await Run(s => s.SubmitScore(judgeId, team.Id, [new CriterionScore(s.Rubric[0].Id, oplossing, string.Empty), new CriterionScore(s.Rubric[1].Id, presentatie, string.Empty)], null, null));

    private Task Chat(string text) => Run(s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Testkijker", text, DateTimeOffset.UtcNow));

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));

    private string Received()
    {
        lock (_received)
        {
            return _received.ToString();
        }
    }

    private IEnumerable<JsonElement> Messages() =>
        Received().Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Select(m => JsonDocument.Parse(m).RootElement);

    private async Task WaitForTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!Received().Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private async Task SendAsync(string message) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                lock (_received)
                {
                    _received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _socket.Dispose();
        _stop.Dispose();
        _app.Dispose();
    }
}
