using System.Globalization;
using Microsoft.AspNetCore.SignalR;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// What the hub knows about one connection, kept as one object among the connection's features (<see cref="StoreIn"/>):
/// the language its messages are in (from the start) and, once it has joined, which event, which viewer id, which
/// nickname and which kind of client (audience or screen).
/// </summary>
public sealed record ViewerSession(CultureInfo Culture)
{
    public Guid EventId { get; init; }

    public Guid ViewerId { get; init; }

    public string Nickname { get; init; } = string.Empty;

    /// <summary>The class the viewer joined with (<see cref="ClassMembership"/>), for per-class polls; null: none.</summary>
    public Guid? ClassId { get; init; }

    /// <summary><see cref="ViewerKinds.Audience"/> or <see cref="ViewerKinds.Screen"/>; empty until joined.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>A screen's token (<see cref="VakkanjersLive.Domain.Events.ScreenAccess"/>) it joined with; null for the audience.</summary>
    public Guid? ScreenId { get; init; }

    /// <summary>The client's address (behind a known proxy, the forwarded one): what the per-address limits count.</summary>
    public System.Net.IPAddress? Address { get; init; }

    /// <summary>Counted among its address's open connections (<see cref="AudienceLimits.TryConnect"/>); false: over the limit.</summary>
    public bool Admitted { get; init; }

    public bool IsJoined => EventId != Guid.Empty;

    /// <summary>A joined audience connection (screens and overlays cannot chat, vote, ask or upvote).</summary>
    public bool IsAudience => IsJoined && Kind == ViewerKinds.Audience;

    /// <summary>The connection's session; a connection that has not been seen yet speaks Dutch.</summary>
    public static ViewerSession Of(HubCallerContext context) => context.Features.Get<ViewerSession>() ?? new(CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>
    /// Kept among the connection's features (which every connection has anyway), not in
    /// <see cref="HubCallerContext.Items"/>, whose concurrent dictionary would be made for each of thousands of viewers
    /// for this one entry. A hub calls one method of a connection at a time (MaximumParallelInvocationsPerClient = 1).
    /// </summary>
    public void StoreIn(HubCallerContext context) => context.Features.Set(this);

    /// <summary>May this session make a call that needs <paramref name="access"/>?</summary>
    public bool Allows(HubAccess access) => access switch
    {
        HubAccess.Anyone => true,
        HubAccess.Viewer => IsJoined,
        _ => IsAudience,
    };
}

/// <summary>Who may make a hub call: anyone connected, any joined client, or joined audience only.</summary>
public enum HubAccess
{
    Anyone,
    Viewer,
    Audience,
}
