using System.Globalization;
using System.Runtime.CompilerServices;
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
/// are revealed, because all it sends comes through <see cref="PublicFeed"/>. Every method goes through
/// <see cref="Call"/> with its row of <see cref="HubLimits.Table"/>; what the hub knows about a connection is its
/// <see cref="ViewerSession"/>. Contract: docs/hub.md.
/// </summary>
public sealed class LiveHub(
    ProjectionStore store,
    CommandExecutor commands,
    ChatGuard guard,
    IReactionCounter reactions,
    LiveBroadcaster broadcaster,
    HubLimits limits,
    AudienceLimits addressLimits,
    VoteOrigins voteOrigins,
    ViewerIdentity identity,
    ClassMembership classes,
    ScreenPresence presence,
    Features.Observability.LiveMetrics metrics,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : Hub<ILiveClient>
{
    private ViewerSession Session => ViewerSession.Of(Context);

    public override Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        var address = http?.Connection.RemoteIpAddress;
        new ViewerSession(http?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo("nl-NL"))
        {
            Address = address,
            Admitted = addressLimits.TryConnect(address),
        }.StoreIn(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        // The limits forget a connection's buckets once they have filled up again; the address count is given back.
        var session = Session;
        if (session.IsJoined)
        {
            metrics.Disconnected(session.Kind);
        }

        presence.Forget(Context.ConnectionId);

        if (session.Admitted)
        {
            addressLimits.Disconnected(session.Address);
        }

        return base.OnDisconnectedAsync(exception);
    }

    public Task<JoinResult> Join(JoinRequest? request) => Call(
        request,
        r => (r.Kind ?? ViewerKinds.Audience) is ViewerKinds.Audience or ViewerKinds.Screen,
        JoinAsync,
        JoinFailed);

    public Task<SendResult> SendChat(ChatRequest? request) => Call(request, r => r.CommandId != Guid.Empty && r.SentAt is null or (>= 0 and <= ChatRequest.MaxSentAt), SendChatAsync, Failed);

    /// <summary>
    /// A viewer's vote on the open poll: acknowledged ("poll.voted") only once it is in the journal. The same
    /// command id again is the same vote (answered the same way); another vote from the same viewer is refused.
    /// </summary>
    public Task<SendResult> Vote(VoteRequest? request) => Call(
        request,
        r => r.CommandId != Guid.Empty && r.PollId != Guid.Empty && r.OptionId != Guid.Empty,
        VoteAsync,
        Failed);

    /// <summary>
    /// A viewer's question: the chat's text rules (and never a link), then always held for review. The answer
    /// ("question.held") comes only once it is in the journal; the same command id again is the same question.
    /// </summary>
    public Task<SendResult> AskQuestion(QuestionRequest? request) => Call(request, r => r.CommandId != Guid.Empty, AskQuestionAsync, Failed);

    /// <summary>An upvote of an approved question (once per viewer), or taking it back; acknowledged once journaled.</summary>
    public Task<SendResult> Upvote(UpvoteRequest? request) => Call(
        request,
        r => r.CommandId != Guid.Empty && r.QuestionId != Guid.Empty,
        (session, r) => r.Withdraw
            ? Journal(session, r.CommandId, HubErrorCodes.QuestionUpvoteWithdrawn, s => s.WithdrawUpvote(r.QuestionId, session.ViewerId))
            : Journal(session, r.CommandId, HubErrorCodes.QuestionUpvoted, s => s.Upvote(r.QuestionId, session.ViewerId)),
        Failed);

    /// <summary>A viewer reports a message; it lands in the moderators' queue.</summary>
    public Task<SendResult> Report(ReportRequest? request) => Call(
        request,
        r => r.MessageId != Guid.Empty,
        (session, r) => string.IsNullOrWhiteSpace(r.Reason) || guard.Check(r.Reason, store.GetEvent(session.EventId)!, GuardRules.ReportReason) is not { } refused
            ? Journal(session, Guid.NewGuid(), HubErrorCodes.ChatReported, s => s.Report(r.MessageId, session.ViewerId, r.Reason))
            : Task.FromResult(Failed(refused, null)),
        Failed);

    /// <summary>Applause for a team; refused while reactions are off, before it counts against the limits.</summary>
    public Task<SendResult> React(ReactionRequest? request) => Call(
        request,
        r => r.Kind is not null && ReactionKinds.All.Contains(r.Kind),
        (session, r) => Task.FromResult(ReactNow(session, r)),
        Failed,
        ReactionRefusal);

    /// <summary>
    /// A venue screen or overlay says which scene it shows now (the live console lists it; never journaled). Any
    /// scene but <c>auto</c>, for the screen or the overlay; the audience gets <c>live.not-a-screen</c>.
    /// </summary>
    public Task<SendResult> ShowingScene(SceneReport? request) => Call(
        request,
        r => r.Display is not null && SceneNames.Displays.Contains(r.Display) && r.Scene is not (null or SceneNames.Auto) && SceneNames.All.Contains(r.Scene),
        (session, r) => Task.FromResult(ShowingSceneNow(session, r)),
        Failed);

    /// <summary>After a reconnect: the items since <paramref name="position"/>, or a snapshot when they are gone.</summary>
    public Task<ResyncResult> Resync(long position) => Call<long?, ResyncResult>(
        position,
        _ => true,
        (session, p) => Task.FromResult(ResyncNow(session, p)),
        (code, _) => new ResyncResult(false, code, null, null));

    /// <summary>
    /// The one path of every call: the session the method's row asks for (<see cref="HubLimits.Table"/>), a valid
    /// payload, the method's own refusal if it has one (reactions while they are off), the metric, the rate limits,
    /// and only then the command.
    /// </summary>
    private async Task<TResult> Call<TRequest, TResult>(
        TRequest? request,
        Func<TRequest, bool> isValid,
        Func<ViewerSession, TRequest, Task<TResult>> command,
        Func<string, IReadOnlyList<object>?, TResult> refuse,
        Func<ViewerSession, TRequest, string?>? refusal = null,
        [CallerMemberName] string method = "")
    {
        var limit = HubLimits.Table[method];
        var session = Session;
        if (!session.Allows(limit.Access))
        {
            return refuse(session.IsJoined ? HubErrorCodes.ScreenReadOnly : HubErrorCodes.NotJoined, null);
        }

        if (request is null || !isValid(request))
        {
            return refuse(HubErrorCodes.PayloadInvalid, null);
        }

        if (refusal?.Invoke(session, request) is { } code)
        {
            return refuse(code, null);
        }

        if (limit.Metric is { } metric)
        {
            metrics.MessageIn(metric);
        }

        return limits.TryAcquire(limit, session.ViewerId, Context.ConnectionId)
            ? await command(session, request)
            : refuse(limit.TooFast, null);
    }

    private async Task<JoinResult> JoinAsync(ViewerSession session, JoinRequest request)
    {
        var kind = request.Kind ?? ViewerKinds.Audience;
        if (!session.Admitted)
        {
            return JoinFailed(HubErrorCodes.AddressBusy);
        }

        // Every join costs its address the same, whether the code is known or not: guessing codes stays slow.
        if (!addressLimits.TryJoin(session.Address))
        {
            return JoinFailed(HubErrorCodes.AddressTooFast);
        }

        // The viewer is who the server's cookie says, never what the payload says. A screen reads only: any id.
        var viewerId = identity.Read(Context.GetHttpContext());
        if (kind == ViewerKinds.Audience && viewerId is null)
        {
            return JoinFailed(HubErrorCodes.IdentityMissing);
        }

        var liveEvent = store.FindEventByJoinCode(request.EventCode);
        if (liveEvent is null)
        {
            return JoinFailed(HubErrorCodes.EventUnknown);
        }

        // A venue screen or overlay is one a moderator made a token for: one hash whether a token came or not.
        var screenHash = kind == ViewerKinds.Screen ? SignInCodes.Hash(request.ScreenToken ?? string.Empty) : null;
        if (screenHash is not null && liveEvent.ScreenWithTokenHash(screenHash) is null)
        {
            return JoinFailed(HubErrorCodes.ScreenTokenInvalid);
        }

        var nickname = string.Empty;
        if (kind == ViewerKinds.Audience)
        {
            // Child-safe default: generated nicknames only. A name that is exactly a generated one (the join page offers
            // one) is as safe as a drawn one, so it is kept when it is free: the viewer gets the name the page showed.
            var generatedOnly = liveEvent.ChatSettings.GeneratedNicknamesOnly;
            var typed = string.IsNullOrWhiteSpace(request.Nickname) || (generatedOnly && !GeneratedNicknames.IsGenerated(request.Nickname)) ? null : request.Nickname;
            try
            {
                var wanted = typed is null ? null : LiveEvent.CheckNickname(typed);
                if (wanted is not null && guard.Check(wanted, liveEvent, GuardRules.Nickname) is { } refused)
                {
                    return JoinFailed(refused);
                }

                // A rejoin (reconnect, another tab) keeps the viewer's name; a new one is journaled, unique in the event.
                var held = liveEvent.NicknameOfViewer(viewerId!.Value);
                nickname = held is not null && (wanted is null ? held.Generated : held.Nickname == wanted)
                    ? held.Nickname
                    : await ClaimNicknameAsync(liveEvent, viewerId!.Value, wanted, generatedOnly);
            }
            catch (DomainException ex)
            {
                return JoinFailed(ex.Code, ex.Arguments);
            }
        }

        if (!session.IsJoined)
        {
            metrics.Connected(kind);
        }
        else
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Audience(session.EventId));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Screens(session.EventId));
        }

        // A pupil who came with a class code votes as that class in per-class polls (a screen never votes).
        var classId = kind == ViewerKinds.Audience ? classes.Read(Context.GetHttpContext(), liveEvent.Id)?.Id : null;
        var screenId = screenHash is null ? (Guid?)null : liveEvent.ScreenWithTokenHash(screenHash)?.Id;
        (session with { EventId = liveEvent.Id, ViewerId = viewerId ?? Guid.NewGuid(), Nickname = nickname, Kind = kind, ClassId = classId, ScreenId = screenId }).StoreIn(Context);
        await Groups.AddToGroupAsync(Context.ConnectionId, kind == ViewerKinds.Screen ? LiveGroups.Screens(liveEvent.Id) : LiveGroups.Audience(liveEvent.Id));

        // Read the state after joining the group: anything newer arrives as a batch and is de-duplicated by position.
        // A rejoin that says where it was gets only what it missed, when this node still has it (a lean answer).
        var current = store.GetEvent(liveEvent.Id)!;
        var missed = request.Since is >= 0 and var since ? broadcaster.Since(current.Id, since) : null;
        return new JoinResult(true, null, null, current.Id, current.Name, nickname, missed is null ? PublicFeed.Snapshot(current) : null, await reactions.TotalsAsync(current.Id), time.GetUtcNow())
        {
            Batch = missed,
        };
    }

    /// <summary>
    /// Journals the viewer's nickname (<see cref="LiveEvent.ChooseNickname"/>: typed and checked against reserved,
    /// staff and taken names, or generated and free). When the journal cannot take it, a generated name that is free
    /// right now is used unjournaled, so a journal hiccup does not keep anyone from watching; a typed one is refused.
    /// With <paramref name="generatedOnly"/> a wanted generated name someone took meanwhile gives way to a drawn one
    /// (decided on the newest state), never to a refusal.
    /// </summary>
    private async Task<string> ClaimNicknameAsync(LiveEvent liveEvent, Guid viewerId, string? wanted, bool generatedOnly)
    {
        NicknameChosen? chosen = null;
        var staffNames = store.Staff.Moderators.Select(m => m.DisplayName).ToList();
        string? Wanted(LiveEvent s) => generatedOnly && wanted is not null && s.IsNicknameTaken(viewerId, wanted) ? null : wanted;
        var result = await commands.ForEventAsync(liveEvent.Id, Guid.NewGuid(), CommandExecutor.AudienceActor, s => chosen = s.ChooseNickname(viewerId, Wanted(s), staffNames));
        if (result.Succeeded && chosen is not null)
        {
            return chosen.Nickname;
        }

        if ((wanted is null || generatedOnly) && result.ErrorCode is HubErrorCodes.JournalUnavailable or HubErrorCodes.JournalBusy)
        {
            return liveEvent.ChooseNickname(viewerId, Wanted(liveEvent), staffNames).Nickname;
        }

        throw new DomainException(result.ErrorCode ?? HubErrorCodes.JournalUnavailable, [.. result.ErrorArguments]);
    }

    /// <summary>A vote, and (not for a resend) one more for its address in the moderators' view (<see cref="VoteOrigins"/>).</summary>
    private async Task<SendResult> VoteAsync(ViewerSession session, VoteRequest request)
    {
        var result = await commands.ForEventAsync(session.EventId, request.CommandId, CommandExecutor.AudienceActor, s => s.Vote(request.PollId, request.OptionId, session.ViewerId, session.ClassId));
        if (!result.Succeeded)
        {
            return Failed(result.ErrorCode!, result.ErrorArguments);
        }

        if (!result.WasDuplicate)
        {
            voteOrigins.Record(request.PollId, session.Address, result.Position);
        }

        return Answer(HubErrorCodes.PollVoted);
    }

    private async Task<SendResult> SendChatAsync(ViewerSession session, ChatRequest request)
    {
        var (eventId, viewerId) = (session.EventId, session.ViewerId);
        var liveEvent = store.GetEvent(eventId)!;
        var now = time.GetUtcNow();
        var arrivedAt = limits.SlowMode.Now();
        try
        {
            liveEvent.EnsureMayChat(viewerId, now);
        }
        catch (DomainException ex)
        {
            return Failed(ex.Code, ex.Arguments);
        }

        var sentAt = limits.SlowMode.SentAt(eventId, viewerId, arrivedAt, request.SentAt);
        if (limits.SlowMode.Wait(eventId, viewerId, liveEvent.ChatSettings.SlowModeSeconds, sentAt) is { } wait)
        {
            return Failed(HubErrorCodes.ChatSlowMode, [wait]);
        }

        if (guard.Check(request.Text, liveEvent, GuardRules.Chat) is { } refused)
        {
            return Failed(refused);
        }

        var result = await commands.ForEventAsync(eventId, request.CommandId, CommandExecutor.AudienceActor, s => s.PostChat(request.CommandId, viewerId, session.Nickname, request.Text, now));
        if (!result.Succeeded)
        {
            return Failed(result.ErrorCode!, result.ErrorArguments);
        }

        limits.SlowMode.Record(eventId, viewerId, sentAt, arrivedAt, request.SentAt);
        return store.GetEvent(eventId)?.FindMessage(request.CommandId) is { Status: ChatStatus.Held }
            ? Answer(HubErrorCodes.ChatHeld)
            : SendResult.Success;
    }

    private Task<SendResult> AskQuestionAsync(ViewerSession session, QuestionRequest request)
    {
        var liveEvent = store.GetEvent(session.EventId)!;
        if (!liveEvent.QuestionsEnabled)
        {
            return Task.FromResult(Failed(HubErrorCodes.QuestionOff));
        }

        if (guard.Check(request.Text, liveEvent, GuardRules.Question) is { } refused)
        {
            return Task.FromResult(Failed(refused));
        }

        var now = time.GetUtcNow();
        return Journal(session, request.CommandId, HubErrorCodes.QuestionHeld, s => s.AskQuestion(request.CommandId, session.ViewerId, session.Nickname, request.Text, now));
    }

    /// <summary>Why a reaction cannot count, checked before the metric and the limits (as it always was).</summary>
    private string? ReactionRefusal(ViewerSession session, ReactionRequest request) => store.GetEvent(session.EventId) switch
    {
        not { ReactionsEnabled: true } => HubErrorCodes.ReactionsOff,
        { } e when e.FindTeam(request.TeamId) is null => HubErrorCodes.TeamUnknown,
        _ => null,
    };

    private SendResult ReactNow(ViewerSession session, ReactionRequest request)
    {
        reactions.Add(session.EventId, request.TeamId, request.Kind!);
        return SendResult.Success;
    }

    private SendResult ShowingSceneNow(ViewerSession session, SceneReport report)
    {
        if (session.Kind != ViewerKinds.Screen)
        {
            return Failed(HubErrorCodes.NotAScreen);
        }

        presence.Report(Context.ConnectionId, new ShownScene(session.EventId, session.ScreenId, report.Display!, report.Scene!, report.CategoryId, time.GetUtcNow()));
        return SendResult.Success;
    }

    private ResyncResult ResyncNow(ViewerSession session, long? position)
    {
        metrics.Reconnected();
        var batch = position >= 0 ? broadcaster.Since(session.EventId, position.Value) : null;
        return batch is not null
            ? new ResyncResult(true, null, batch, null)
            : new ResyncResult(true, null, null, PublicFeed.Snapshot(store.GetEvent(session.EventId)!));
    }

    /// <summary>A viewer's command on the event's journal: <paramref name="success"/> once it is in, else the refusal.</summary>
    private async Task<SendResult> Journal(ViewerSession session, Guid commandId, string success, Func<LiveEvent, ILiveEventFact> decide)
    {
        var result = await commands.ForEventAsync(session.EventId, commandId, CommandExecutor.AudienceActor, decide);
        return result.Succeeded ? Answer(success) : Failed(result.ErrorCode!, result.ErrorArguments);
    }

    private SendResult Answer(string code) => new(true, code, Localize(code, null));

    private JoinResult JoinFailed(string code, IReadOnlyList<object>? arguments = null) =>
        new(false, code, Localize(code, arguments), Guid.Empty, string.Empty, string.Empty, null);

    private SendResult Failed(string code, IReadOnlyList<object>? arguments = null) => new(false, code, Localize(code, arguments));

    private string Localize(string code, IReadOnlyList<object>? arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Session.Culture;
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
