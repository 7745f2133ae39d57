using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// The public hub for audiences, venue screens and overlays (no account). Every method validates its payload and
/// answers with a result carrying a stable code and a localised message; nothing here can read scores before they
/// are revealed, because all it sends comes through <see cref="PublicFeed"/>. Contract: docs/hub.md.
/// </summary>
public sealed class LiveHub(
    ProjectionStore store,
    CommandExecutor commands,
    ChatGuard guard,
    IReactionCounter reactions,
    LiveBroadcaster broadcaster,
    LiveRateGates gates,
    Features.Observability.LiveMetrics metrics,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : Hub<ILiveClient>
{
    private const string EventKey = "event";
    private const string ViewerKey = "viewer";
    private const string NicknameKey = "nickname";
    private const string KindKey = "kind";
    private const string CultureKey = "culture";

    public override Task OnConnectedAsync()
    {
        Context.Items[CultureKey] = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo("nl-NL");
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(KindKey, out var kind) && kind is string k)
        {
            metrics.Disconnected(k);
        }

        gates.Chat.Forget(Context.ConnectionId);
        gates.Reactions.Forget(Context.ConnectionId);
        gates.Sync.Forget("join:" + Context.ConnectionId);
        gates.Sync.Forget("resync:" + Context.ConnectionId);
        gates.Votes.Forget(Context.ConnectionId);
        gates.Questions.Forget(Context.ConnectionId);
        gates.Upvotes.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task<JoinResult> Join(JoinRequest? request)
    {
        var kind = request?.Kind ?? ViewerKinds.Audience;
        if (request is null || request.ViewerId == Guid.Empty || kind is not (ViewerKinds.Audience or ViewerKinds.Screen))
        {
            return JoinFailed("payload.invalid");
        }

        if (!gates.Sync.TryTake("join:" + Context.ConnectionId))
        {
            return JoinFailed("live.too-fast");
        }

        var liveEvent = store.FindEventByJoinCode(request.EventCode);
        if (liveEvent is null)
        {
            return JoinFailed("live.event.unknown");
        }

        var nickname = string.Empty;
        if (kind == ViewerKinds.Audience)
        {
            // Child-safe default: generated nicknames only, whatever was typed.
            var typed = liveEvent.ChatSettings.GeneratedNicknamesOnly ? null : request.Nickname;
            try
            {
                nickname = string.IsNullOrWhiteSpace(typed) ? Nicknames.Generate() : LiveEvent.CheckNickname(typed);
            }
            catch (DomainException ex)
            {
                return JoinFailed(ex.Code, ex.Arguments);
            }

            if (guard.Check(nickname, liveEvent) is { } refused)
            {
                return JoinFailed(refused == "chat.blocked-word" ? "chat.nickname.blocked" : refused);
            }
        }

        if (!Context.Items.ContainsKey(KindKey))
        {
            metrics.Connected(kind);
        }

        if (Context.Items.TryGetValue(EventKey, out var previous) && previous is Guid previousEvent)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Audience(previousEvent));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Screens(previousEvent));
        }

        Context.Items[EventKey] = liveEvent.Id;
        Context.Items[ViewerKey] = request.ViewerId;
        Context.Items[NicknameKey] = nickname;
        Context.Items[KindKey] = kind;
        await Groups.AddToGroupAsync(Context.ConnectionId, kind == ViewerKinds.Screen ? LiveGroups.Screens(liveEvent.Id) : LiveGroups.Audience(liveEvent.Id));

        // Read the state after joining the group: anything newer arrives as a batch and is de-duplicated by position.
        var current = store.GetEvent(liveEvent.Id)!;
        return new JoinResult(true, null, null, current.Id, current.Name, nickname, PublicFeed.Snapshot(current));
    }

    public async Task<SendResult> SendChat(ChatRequest? request)
    {
        if (!TryGetAudience(out var eventId, out var viewerId, out var nickname))
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.CommandId == Guid.Empty)
        {
            return Failed("payload.invalid");
        }

        metrics.MessageIn("chat");
        if (!gates.Chat.TryTake(viewerId.ToString()) || !gates.Chat.TryTake(Context.ConnectionId))
        {
            return Failed("chat.too-fast");
        }

        var liveEvent = store.GetEvent(eventId)!;
        var now = time.GetUtcNow();
        try
        {
            liveEvent.EnsureMayChat(viewerId, now);
        }
        catch (DomainException ex)
        {
            return Failed(ex.Code, ex.Arguments);
        }

        if (gates.SlowMode.Wait(eventId, viewerId, liveEvent.ChatSettings.SlowModeSeconds, now) is { } wait)
        {
            return Failed("chat.slow-mode", [wait]);
        }

        if (guard.Check(request.Text, liveEvent) is { } refused)
        {
            return Failed(refused);
        }

        var result = await commands.ForEventAsync(eventId, request.CommandId, "viewer", s => s.PostChat(request.CommandId, viewerId, nickname, request.Text, now));
        if (!result.Succeeded)
        {
            return Failed(result.ErrorCode!, result.ErrorArguments);
        }

        gates.SlowMode.Record(eventId, viewerId, now);
        return store.GetEvent(eventId)?.FindMessage(request.CommandId) is { Status: ChatStatus.Held }
            ? new SendResult(true, "chat.held", Localize("chat.held", null))
            : SendResult.Success;
    }

    /// <summary>
    /// A viewer's vote on the open poll: acknowledged ("poll.voted") only once it is in the journal. The same
    /// command id again is the same vote (answered the same way); another vote from the same viewer is refused.
    /// </summary>
    public async Task<SendResult> Vote(VoteRequest? request)
    {
        if (!TryGetAudience(out var eventId, out var viewerId, out _))
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.CommandId == Guid.Empty || request.PollId == Guid.Empty || request.OptionId == Guid.Empty)
        {
            return Failed("payload.invalid");
        }

        metrics.MessageIn("vote");
        if (!gates.Votes.TryTake(viewerId.ToString()) || !gates.Votes.TryTake(Context.ConnectionId))
        {
            return Failed("poll.too-fast");
        }

        var result = await commands.ForEventAsync(eventId, request.CommandId, "viewer", s => s.Vote(request.PollId, request.OptionId, viewerId));
        return result.Succeeded ? new SendResult(true, "poll.voted", Localize("poll.voted", null)) : Failed(result.ErrorCode!, result.ErrorArguments);
    }

    /// <summary>
    /// A viewer's question: the chat's text rules (and never a link), then always held for review. The answer
    /// ("question.held") comes only once it is in the journal; the same command id again is the same question.
    /// </summary>
    public async Task<SendResult> AskQuestion(QuestionRequest? request)
    {
        if (!TryGetAudience(out var eventId, out var viewerId, out var nickname))
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.CommandId == Guid.Empty)
        {
            return Failed("payload.invalid");
        }

        metrics.MessageIn("question");
        if (!gates.Questions.TryTake(viewerId.ToString()) || !gates.Questions.TryTake(Context.ConnectionId))
        {
            return Failed("question.too-fast");
        }

        var liveEvent = store.GetEvent(eventId)!;
        if (!liveEvent.QuestionsEnabled)
        {
            return Failed("question.off");
        }

        if (guard.Check(request.Text, liveEvent, alwaysBlockLinks: true) is { } refused)
        {
            // The same rules as chat, with messages that speak of a question.
            return Failed(refused.Replace("chat.", "question.", StringComparison.Ordinal));
        }

        var now = time.GetUtcNow();
        var result = await commands.ForEventAsync(eventId, request.CommandId, "viewer", s => s.AskQuestion(request.CommandId, viewerId, nickname, request.Text, now));
        return result.Succeeded ? new SendResult(true, "question.held", Localize("question.held", null)) : Failed(result.ErrorCode!, result.ErrorArguments);
    }

    /// <summary>An upvote of an approved question (once per viewer), or taking it back; acknowledged once journaled.</summary>
    public async Task<SendResult> Upvote(UpvoteRequest? request)
    {
        if (!TryGetAudience(out var eventId, out var viewerId, out _))
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.CommandId == Guid.Empty || request.QuestionId == Guid.Empty)
        {
            return Failed("payload.invalid");
        }

        metrics.MessageIn("upvote");
        if (!gates.Upvotes.TryTake(viewerId.ToString()) || !gates.Upvotes.TryTake(Context.ConnectionId))
        {
            return Failed("question.upvote.too-fast");
        }

        var result = await commands.ForEventAsync(eventId, request.CommandId, "viewer", s => request.Withdraw
            ? s.WithdrawUpvote(request.QuestionId, viewerId)
            : s.Upvote(request.QuestionId, viewerId));
        var code = request.Withdraw ? "question.upvote-withdrawn" : "question.upvoted";
        return result.Succeeded ? new SendResult(true, code, Localize(code, null)) : Failed(result.ErrorCode!, result.ErrorArguments);
    }

    /// <summary>A viewer reports a message; it lands in the moderators' queue.</summary>
    public async Task<SendResult> Report(ReportRequest? request)
    {
        if (!TryGetViewer(out var eventId, out var viewerId, out _))
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.MessageId == Guid.Empty)
        {
            return Failed("payload.invalid");
        }

        if (!gates.Chat.TryTake("report:" + Context.ConnectionId))
        {
            return Failed("chat.too-fast");
        }

        var result = await commands.ForEventAsync(eventId, Guid.NewGuid(), "viewer", s => s.Report(request.MessageId, viewerId, request.Reason));
        return result.Succeeded ? new SendResult(true, "chat.reported", Localize("chat.reported", null)) : Failed(result.ErrorCode!, result.ErrorArguments);
    }

    public SendResult React(ReactionRequest? request)
    {
        if (!TryGetViewer(out var eventId, out _, out _))
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.Kind is null || !ReactionKinds.All.Contains(request.Kind))
        {
            return Failed("payload.invalid");
        }

        var liveEvent = store.GetEvent(eventId);
        if (liveEvent is not { ReactionsEnabled: true })
        {
            return Failed("reactions.off");
        }

        if (liveEvent.FindTeam(request.TeamId) is null)
        {
            return Failed("team.unknown");
        }

        metrics.MessageIn("reaction");
        if (!gates.Reactions.TryTake(Context.ConnectionId))
        {
            return Failed("reactions.too-fast");
        }

        reactions.Add(eventId, request.TeamId, request.Kind);
        return SendResult.Success;
    }

    /// <summary>After a reconnect: the items since <paramref name="position"/>, or a snapshot when they are gone.</summary>
    public ResyncResult Resync(long position)
    {
        if (!TryGetViewer(out var eventId, out _, out _))
        {
            return new ResyncResult(false, "live.not-joined", null, null);
        }

        // A snapshot or up to a ring buffer of items for a few bytes asked: a client may not ask again and again.
        if (!gates.Sync.TryTake("resync:" + Context.ConnectionId))
        {
            return new ResyncResult(false, "live.too-fast", null, null);
        }

        metrics.Reconnected();
        var batch = position >= 0 ? broadcaster.Since(eventId, position) : null;
        return batch is not null
            ? new ResyncResult(true, null, batch, null)
            : new ResyncResult(true, null, null, PublicFeed.Snapshot(store.GetEvent(eventId)!));
    }

    /// <summary>A joined audience connection (screens and overlays cannot ask or upvote).</summary>
    private bool TryGetAudience(out Guid eventId, out Guid viewerId, out string nickname) =>
        TryGetViewer(out eventId, out viewerId, out nickname) && (string)Context.Items[KindKey]! == ViewerKinds.Audience;

    private bool TryGetViewer(out Guid eventId, out Guid viewerId, out string nickname)
    {
        eventId = Context.Items.TryGetValue(EventKey, out var e) && e is Guid ev ? ev : Guid.Empty;
        viewerId = Context.Items.TryGetValue(ViewerKey, out var v) && v is Guid vi ? vi : Guid.Empty;
        nickname = Context.Items.TryGetValue(NicknameKey, out var n) && n is string ni ? ni : string.Empty;
        return eventId != Guid.Empty;
    }

    private JoinResult JoinFailed(string code, IReadOnlyList<object>? arguments = null) =>
        new(false, code, Localize(code, arguments), Guid.Empty, string.Empty, string.Empty, null);

    private SendResult Failed(string code, IReadOnlyList<object>? arguments = null) => new(false, code, Localize(code, arguments));

    private string Localize(string code, IReadOnlyList<object>? arguments)
    {
        var culture = Context.Items.TryGetValue(CultureKey, out var c) && c is CultureInfo ci ? ci : CultureInfo.GetCultureInfo("nl-NL");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return localizer.Error(code, arguments);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>
/// Per-viewer limits: a flood guard for chat (one message per two seconds, bursts of three), reactions ten a second,
/// votes one a second (bursts of five), questions one per 20 s (bursts of three), upvotes two a second (bursts of
/// ten), joins and resyncs (bursts of five per connection, then one per five seconds), and the event's slow mode. All in memory; nothing about a viewer's address is stored.
/// </summary>
public sealed class LiveRateGates(TimeProvider time)
{
    public RateGate Chat { get; } = new(time, perSecond: 0.5, burst: 3);

    public RateGate Reactions { get; } = new(time, perSecond: 10, burst: 20);

    public RateGate Sync { get; } = new(time, perSecond: 0.2, burst: 5);

    /// <summary>One vote per poll is the rule; this only stops a script hammering the journal with refused votes.</summary>
    public RateGate Votes { get; } = new(time, perSecond: 1, burst: 5);

    /// <summary>Questions: three in a burst, then one per 20 s (every one is a moderator's work to review).</summary>
    public RateGate Questions { get; } = new(time, perSecond: 0.05, burst: 3);

    /// <summary>Upvotes and their withdrawals: ten in a burst, then two a second.</summary>
    public RateGate Upvotes { get; } = new(time, perSecond: 2, burst: 10);

    public SlowModeGate SlowMode { get; } = new();
}

/// <summary>When each viewer last posted, per event: slow mode allows one message per N seconds.</summary>
public sealed class SlowModeGate
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid EventId, Guid ViewerId), DateTimeOffset> _last = new();

    /// <summary>Seconds to wait, or null when the viewer may post.</summary>
    public int? Wait(Guid eventId, Guid viewerId, int seconds, DateTimeOffset now)
    {
        if (seconds <= 0 || !_last.TryGetValue((eventId, viewerId), out var last))
        {
            return null;
        }

        var left = last.AddSeconds(seconds) - now;
        return left > TimeSpan.Zero ? (int)Math.Ceiling(left.TotalSeconds) : null;
    }

    public void Record(Guid eventId, Guid viewerId, DateTimeOffset now) => _last[(eventId, viewerId)] = now;
}
