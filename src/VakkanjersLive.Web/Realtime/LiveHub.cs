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
    ReactionCounter reactions,
    LiveBroadcaster broadcaster,
    LiveRateGates gates,
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
        gates.Chat.Forget(Context.ConnectionId);
        gates.Reactions.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task<JoinResult> Join(JoinRequest? request)
    {
        var kind = request?.Kind ?? ViewerKinds.Audience;
        if (request is null || request.ViewerId == Guid.Empty || kind is not (ViewerKinds.Audience or ViewerKinds.Screen))
        {
            return JoinFailed("payload.invalid");
        }

        var code = JoinCodes.Normalize(request.EventCode);
        var liveEvent = JoinCodes.IsWellFormed(code) ? store.Events.FirstOrDefault(e => e.JoinCode == code) : null;
        if (liveEvent is null)
        {
            return JoinFailed("live.event.unknown");
        }

        var nickname = string.Empty;
        if (kind == ViewerKinds.Audience)
        {
            try
            {
                nickname = string.IsNullOrWhiteSpace(request.Nickname) ? Nicknames.Generate() : LiveEvent.CheckNickname(request.Nickname);
            }
            catch (DomainException ex)
            {
                return JoinFailed(ex.Code, ex.Arguments);
            }

            if (guard.Check(nickname) is { } refused)
            {
                return JoinFailed(refused == "chat.blocked-word" ? "chat.nickname.blocked" : refused);
            }
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
        if (!TryGetViewer(out var eventId, out var viewerId, out var nickname) || (string)Context.Items[KindKey]! != ViewerKinds.Audience)
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.CommandId == Guid.Empty)
        {
            return Failed("payload.invalid");
        }

        if (!gates.Chat.TryTake(viewerId.ToString()) || !gates.Chat.TryTake(Context.ConnectionId))
        {
            return Failed("chat.too-fast");
        }

        if (guard.Check(request.Text) is { } refused)
        {
            return Failed(refused);
        }

        var result = await commands.ForEventAsync(eventId, request.CommandId, "viewer", s => s.PostChat(request.CommandId, viewerId, nickname, request.Text));
        return result.Succeeded ? SendResult.Success : Failed(result.ErrorCode!, result.ErrorArguments);
    }

    public SendResult React(ReactionRequest? request)
    {
        if (!TryGetViewer(out var eventId, out _, out _))
        {
            return Failed("live.not-joined");
        }

        if (request is null || request.Kind is null || !ReactionCounter.Kinds.Contains(request.Kind))
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

        var batch = position >= 0 ? broadcaster.Since(eventId, position) : null;
        return batch is not null
            ? new ResyncResult(true, null, batch, null)
            : new ResyncResult(true, null, null, PublicFeed.Snapshot(store.GetEvent(eventId)!));
    }

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

/// <summary>Per-viewer limits: chat one message per two seconds (bursts of three), reactions ten a second.</summary>
public sealed class LiveRateGates(TimeProvider time)
{
    public RateGate Chat { get; } = new(time, perSecond: 0.5, burst: 3);

    public RateGate Reactions { get; } = new(time, perSecond: 10, burst: 20);
}
