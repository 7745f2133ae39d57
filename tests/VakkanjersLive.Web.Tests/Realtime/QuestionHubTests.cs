using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Moderation;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>Audience questions on the public hub: held until approved, upvoted once, refused with stable codes, coalesced.</summary>
public sealed class QuestionHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestApp _app;
    private readonly List<HubClient> _clients = [];
    private LiveEvent _event = default!;

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private LiveEvent Current => _app.Services.GetRequiredService<ProjectionStore>().GetEvent(_event.Id)!;

    public QuestionHubTests() => _app = LimitsClock.App(_clock);

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, _event.Id);
        await Run(s => s.SwitchQuestions(true));
    }

    [Fact]
    public async Task AQuestion_IsHeld_AndReachesNobody_UntilApproved_ThenViewersAndScreensSeeIt()
    {
        var asker = await JoinedAsync();
        var other = await JoinedAsync();
        var screen = await JoinedAsync(ViewerKinds.Screen);
        var questionId = Guid.NewGuid();

        var asked = await asker.AskAsync("  Hoe word je ingenieur?  ", questionId);

        Assert.True(asked.Ok, asked.Message);
        Assert.Equal(("question.held", "Je vraag is ontvangen en wacht op goedkeuring."), (asked.Code, asked.Message));
        Assert.Equal(QuestionStatus.Held, Current.FindQuestion(questionId)!.Status);
        await Chat(other, "sentinel-na-vraag");
        await other.WaitForAsync(i => i.Text == "sentinel-na-vraag");
        Assert.DoesNotContain(other.Items, i => i.Question is not null || i.QuestionId is not null);
        Assert.Empty((await LateSnapshotAsync()).Questions);

        await Run(s => s.ApproveQuestion(questionId));

        foreach (var client in new[] { asker, other, screen })
        {
            var item = await client.WaitForAsync(i => i.Type == FeedItemTypes.Question);
            Assert.Equal((questionId, "Hoe word je ingenieur?", 0, false), (item.Question!.Id, item.Question.Text, item.Question.Votes, item.Question.Answered));
            Assert.Equal(asker.Joined!.Nickname, item.Question.Nickname);
        }

        var snapshot = await LateSnapshotAsync();
        Assert.True(snapshot.QuestionsEnabled);
        Assert.Equal([questionId], snapshot.Questions.Select(q => q.Id));

        await Run(s => s.HighlightQuestion(questionId));
        var highlight = await screen.WaitForAsync(i => i.Type == FeedItemTypes.QuestionHighlight);
        Assert.Equal((questionId, questionId), (highlight.QuestionId, highlight.Question!.Id));
        Assert.Equal(questionId, (await LateSnapshotAsync()).HighlightedQuestionId);

        await Run(s => s.AnswerQuestion(questionId));
        var answered = await other.WaitForAsync(i => i.Type == FeedItemTypes.Question && i.Question!.Answered);
        Assert.Equal(questionId, answered.Question!.Id);
        Assert.Null((await LateSnapshotAsync()).HighlightedQuestionId);

        await Run(s => s.RejectQuestion(questionId));
        var hidden = await other.WaitForAsync(i => i.Type == FeedItemTypes.QuestionHidden);
        Assert.Equal(questionId, hidden.QuestionId);
        Assert.Empty((await LateSnapshotAsync()).Questions);
    }

    [Fact]
    public async Task Upvote_CountsOncePerViewer_CanBeWithdrawn_AndTheSameCommandAgainIsTheSameUpvote()
    {
        var questionId = await ApprovedQuestionAsync();
        var viewer = await JoinedAsync();
        var commandId = Guid.NewGuid();

        var first = await viewer.UpvoteAsync(questionId, commandId: commandId);
        var resend = await viewer.UpvoteAsync(questionId, commandId: commandId);
        var second = await viewer.UpvoteAsync(questionId);

        Assert.Equal(("question.upvoted", true), (first.Code, first.Ok));
        Assert.Equal("question.upvoted", resend.Code);
        Assert.Equal(("question.already-upvoted", false), (second.Code, second.Ok));
        Assert.Equal("Je steunt deze vraag al.", second.Message);
        Assert.Equal(1, Current.FindQuestion(questionId)!.Votes);
        await viewer.WaitForAsync(i => i.Type == FeedItemTypes.QuestionVotes && i.Question!.Votes == 1);

        var withdrawn = await viewer.UpvoteAsync(questionId, withdraw: true);
        Assert.Equal(("question.upvote-withdrawn", true), (withdrawn.Code, withdrawn.Ok));
        Assert.Equal("question.not-upvoted", (await viewer.UpvoteAsync(questionId, withdraw: true)).Code);
        Assert.Equal(0, Current.FindQuestion(questionId)!.Votes);
        await viewer.WaitForAsync(i => i.Type == FeedItemTypes.QuestionVotes && i.Question!.Votes == 0);

        var upvotes = 0;
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(_event.Id), 1))
        {
            upvotes += entry.Type == nameof(QuestionUpvoted) ? 1 : 0;
        }

        Assert.Equal(1, upvotes);
    }

    [Fact]
    public async Task BadPayloads_Screens_AndViewersWhoHaveNotJoined_AreRefusedWithStableCodes()
    {
        var questionId = await ApprovedQuestionAsync();
        var heldId = Guid.NewGuid();
        await Run(s => s.AskQuestion(heldId, Guid.NewGuid(), "Kijker", "Nog niet goedgekeurd", DateTimeOffset.UtcNow));
        var viewer = await HubClient.ConnectAsync(_app);
        _clients.Add(viewer);
        var screen = await JoinedAsync(ViewerKinds.Screen);

        Assert.Equal("live.not-joined", (await viewer.AskAsync("Vraag?")).Code);
        Assert.Equal("live.not-joined", (await viewer.UpvoteAsync(questionId)).Code);
        Assert.True((await viewer.JoinAsync(_event.JoinCode)).Ok);
        Assert.Equal("live.screen-read-only", (await screen.AskAsync("Vraag?")).Code);
        Assert.Equal("live.screen-read-only", (await screen.UpvoteAsync(questionId)).Code);

        Assert.Equal("payload.invalid", (await viewer.Connection.InvokeAsync<SendResult>("AskQuestion", (QuestionRequest?)null)).Code);
        Assert.Equal("payload.invalid", (await viewer.AskAsync("Vraag?", Guid.Empty)).Code);
        Assert.Equal("payload.invalid", (await viewer.Connection.InvokeAsync<SendResult>("Upvote", (UpvoteRequest?)null)).Code);
        Assert.Equal("payload.invalid", (await viewer.UpvoteAsync(Guid.Empty)).Code);
        Assert.Equal("payload.invalid", (await viewer.UpvoteAsync(questionId, commandId: Guid.Empty)).Code);

        // A held question is unknown to viewers: its existence is not theirs to learn.
        Assert.Equal("question.unknown", (await viewer.UpvoteAsync(heldId)).Code);
        Assert.Equal("question.unknown", (await viewer.UpvoteAsync(Guid.NewGuid())).Code);
        var tooLong = await viewer.AskAsync(new string('v', LiveEvent.MaxQuestionLength + 1));
        Assert.Equal(("question.text.too-long", "Vraag: hoogstens 200 tekens."), (tooLong.Code, tooLong.Message));
    }

    [Theory]
    [InlineData("", "question.text.required")]
    [InlineData("wat een k u t vraag", "question.blocked-word")]
    [InlineData("kijk op www.voorbeeld.nl", "question.link")]
    [InlineData("mail me: jan@voorbeeld.nl", "question.contact-details")]
    [InlineData("bel 06-12345678", "question.contact-details")]
    [InlineData("zero\u200Bwidth", "question.text.invalid-characters")]
    public async Task Questions_FollowTheChatsTextRules(string text, string code)
    {
        var viewer = await JoinedAsync();

        var result = await viewer.AskAsync(text);

        Assert.Equal((false, code), (result.Ok, result.Code));
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Empty(Current.Questions.All);
    }

    [Fact]
    public async Task QuestionsOff_BannedAndTimedOutViewers_AreRefused()
    {
        var questionId = await ApprovedQuestionAsync();
        var banned = await JoinedAsync();
        var timedOut = await JoinedAsync();
        await Chat(banned, "hallo");
        await Chat(timedOut, "hallo");
        await Run(s => s.Ban(banned.ViewerId));
        await Run(s => s.TimeOut(timedOut.ViewerId, 60, DateTimeOffset.UtcNow));

        Assert.Equal("question.banned", (await banned.AskAsync("Mag ik iets vragen?")).Code);
        Assert.Equal("question.banned", (await banned.UpvoteAsync(questionId)).Code);
        var wait = await timedOut.AskAsync("Mag ik iets vragen?");
        Assert.Equal("question.timed-out", wait.Code);
        Assert.StartsWith("Je mag over ", wait.Message, StringComparison.Ordinal);

        await Run(s => s.SwitchQuestions(false));
        var viewer = await JoinedAsync();
        Assert.Equal(("question.off", "Vragen stellen staat nu uit."), ((await viewer.AskAsync("Vraag?")).Code, (await viewer.AskAsync("Vraag?")).Message));
        Assert.Equal("question.off", (await viewer.UpvoteAsync(questionId)).Code);
        Assert.False((await LateSnapshotAsync()).QuestionsEnabled);
    }

    [Fact]
    public async Task Hammering_IsCutOffByTheRateGates()
    {
        var viewer = await JoinedAsync();
        var asks = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            asks.Add((await viewer.AskAsync($"Vraag nummer {i}")).Code);
        }

        Assert.All(asks.Take(3), c => Assert.Equal("question.held", c));
        Assert.All(asks.Skip(3), c => Assert.Equal("question.too-fast", c));
        _clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal("question.too-fast", (await viewer.AskAsync("Nog een vraag")).Code);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("question.held", (await viewer.AskAsync("Nog een vraag")).Code);

        var upvotes = new List<string?>();
        for (var i = 0; i < 12; i++)
        {
            upvotes.Add((await viewer.UpvoteAsync(Guid.NewGuid())).Code);
        }

        Assert.All(upvotes.Take(10), c => Assert.Equal("question.unknown", c));
        Assert.All(upvotes.Skip(10), c => Assert.Equal("question.upvote.too-fast", c));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal("question.unknown", (await viewer.UpvoteAsync(Guid.NewGuid())).Code);
        Assert.Equal("question.upvote.too-fast", (await viewer.UpvoteAsync(Guid.NewGuid())).Code);
    }

    [Fact]
    public async Task ManyUpvotes_GiveAtMostOneCountPerQuestionPerBatch_AndBatchesStillChain()
    {
        var (first, second) = (await ApprovedQuestionAsync(), await ApprovedQuestionAsync("Tweede vraag"));
        var viewer = await JoinedAsync();
        var position = viewer.Last;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Run(s => s.Upvote(i % 4 == 0 ? second : first, Guid.NewGuid()))));
        await viewer.WaitForAsync(i => i.Type == FeedItemTypes.QuestionVotes && i.Question!.Id == first && i.Question.Votes == 30);
        await viewer.WaitForAsync(i => i.Type == FeedItemTypes.QuestionVotes && i.Question!.Id == second && i.Question.Votes == 10);

        var batches = viewer.Batches.ToList();
        Assert.All(batches, b => Assert.True(b.Items.Where(i => i.Type == FeedItemTypes.QuestionVotes).GroupBy(i => i.Question!.Id).All(g => g.Count() == 1)));
        Assert.True(viewer.Items.Count(i => i.Type == FeedItemTypes.QuestionVotes) < 40);
        for (var i = 1; i < batches.Count; i++)
        {
            Assert.Equal(batches[i - 1].UpTo, batches[i].After);
        }

        Assert.False(viewer.Gap);

        // The resync buffer keeps only the newest count per question.
        var resync = await viewer.Connection.InvokeAsync<ResyncResult>("Resync", position);
        Assert.Equal([(first, 30), (second, 10)], resync.Batch!.Items.Where(i => i.Type == FeedItemTypes.QuestionVotes).Select(i => (i.Question!.Id, i.Question.Votes)).OrderByDescending(v => v.Votes));
    }

    [Fact]
    public async Task PurgeNow_ErasesQuestionsFromTheJournal_AndFromEveryPage()
    {
        var asker = await JoinedAsync();
        var other = await JoinedAsync();
        var questionId = Guid.NewGuid();
        Assert.True((await asker.AskAsync("mijn geheime vraag", questionId)).Ok);
        await Run(s => s.ApproveQuestion(questionId));
        Assert.True((await other.UpvoteAsync(questionId)).Ok);
        await other.WaitForAsync(i => i.Type == FeedItemTypes.QuestionVotes);

        Assert.True((await _app.Services.GetRequiredService<ChatPurge>().PurgeAsync(_event.Id, "test")).Succeeded);

        await other.WaitForAsync(i => i.Type == FeedItemTypes.ChatCleared);
        Assert.Empty(Current.Questions.All);
        await foreach (var entry in _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(_event.Id)))
        {
            Assert.DoesNotContain("geheime vraag", entry.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain(asker.ViewerId.ToString(), entry.Payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(other.ViewerId.ToString(), entry.Payload, StringComparison.OrdinalIgnoreCase);
        }

        var resync = await other.Connection.InvokeAsync<ResyncResult>("Resync", 0L);
        Assert.DoesNotContain("geheime vraag", System.Text.Json.JsonSerializer.Serialize(resync), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryModerationStep_IsInTheModerationLog_WithWhoDidIt()
    {
        var questionId = await ApprovedQuestionAsync();
        await Run(s => s.HighlightQuestion(questionId));
        await Run(s => s.AnswerQuestion(questionId));
        await Run(s => s.RejectQuestion(questionId));

        var lines = await _app.Services.GetRequiredService<ModerationLog>().ReadAsync(Current);

        Assert.Equal(
            ["question-rejected", "question-answered", "question-highlighted", "question-approved", "questions-on"],
            lines.Where(l => l.Action.StartsWith("question", StringComparison.Ordinal)).Select(l => l.Action));
        Assert.All(lines.Where(l => l.Action.StartsWith("question-", StringComparison.Ordinal)), l => Assert.Equal(("moderator:test", "Kijker: Hoe word je ingenieur?"), (l.Actor, l.Target)));
    }

    private async Task<Guid> ApprovedQuestionAsync(string text = "Hoe word je ingenieur?")
    {
        var questionId = Guid.NewGuid();
        await Run(s => s.AskQuestion(questionId, Guid.NewGuid(), "Kijker", text, DateTimeOffset.UtcNow));
        await Run(s => s.ApproveQuestion(questionId));
        return questionId;
    }

    private async Task<LiveSnapshot> LateSnapshotAsync() => (await JoinedAsync()).Joined!.Snapshot!;

    private async Task<HubClient> JoinedAsync(string kind = ViewerKinds.Audience)
    {
        var client = await HubClient.ConnectAsync(_app);
        _clients.Add(client);
        Assert.True((await client.JoinAsync(_event.JoinCode, kind: kind)).Ok);
        return client;
    }

    private static async Task Chat(HubClient client, string text)
    {
        var result = await client.ChatAsync(text);
        Assert.True(result.Ok, result.Message);
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) => TestData.Ok(Commands.ForEventAsync(_event.Id, Guid.NewGuid(), "moderator:test", decide));

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _app.Dispose();
    }
}
