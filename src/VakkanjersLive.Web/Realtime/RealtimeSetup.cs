using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;
using VakkanjersLive.Web.Journal;

namespace VakkanjersLive.Web.Realtime;

public static class RealtimeSetup
{
    public const string HubPath = "/hubs/live";

    public static void AddLiveHub(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR(o =>
            {
                // Public clients send small messages only; a bigger one is refused before it is parsed.
                o.MaximumReceiveMessageSize = 8 * 1024;
                o.MaximumParallelInvocationsPerClient = 1;
                o.EnableDetailedErrors = false;

                // A client that stops sending (not even keep-alive pings) is dead: drop it and let it resync later.
                o.KeepAliveInterval = builder.Configuration.GetValue("Realtime:KeepAliveInterval", TimeSpan.FromSeconds(15));
                o.ClientTimeoutInterval = builder.Configuration.GetValue("Realtime:ClientTimeout", TimeSpan.FromSeconds(30));
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        if (builder.Configuration.UsesRedis())
        {
            // Scale-out: hub messages fan out to every node through Redis; one node holds the broadcast lease.
            var redis = builder.Services.RedisConnection();
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(builder.Configuration.RedisPrefix() + ":signalr");
                o.ConnectionFactory = _ => Task.FromResult(redis);
            });
            builder.Services.AddSingleton<RedisBroadcastLease>();
            builder.Services.AddSingleton<IBroadcastLease>(sp => sp.GetRequiredService<RedisBroadcastLease>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisBroadcastLease>());
            builder.Services.AddSingleton<IReactionCounter, RedisReactionCounter>();
            builder.Services.AddSingleton(sp => new LiveHubLifetimeManager(ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<LiveHub>>(sp)));
        }
        else
        {
            builder.Services.AddSingleton<IBroadcastLease, SingleNodeLease>();
            builder.Services.AddSingleton<IReactionCounter, ReactionCounter>();
            builder.Services.AddSingleton(sp => new LiveHubLifetimeManager(ActivatorUtilities.CreateInstance<DefaultHubLifetimeManager<LiveHub>>(sp)));
        }

        // The public hub's connections are also known per group on this node, for the feed (LocalFanout).
        builder.Services.AddSingleton<HubLifetimeManager<LiveHub>>(sp => sp.GetRequiredService<LiveHubLifetimeManager>());
        builder.Services.AddSingleton<LocalFanout>();

        // Protocol-level pings on every WebSocket (hub and Blazor circuits). A peer that does not answer within the
        // timeout (a phone that vanished without closing, a dead NAT mapping) is aborted, even if its client never
        // sent the hub pings that start SignalR's own client timeout. Browsers answer these pings themselves.
        builder.Services.Configure<WebSocketOptions>(o =>
        {
            o.KeepAliveInterval = builder.Configuration.GetValue("Realtime:WebSocketKeepAliveInterval", TimeSpan.FromSeconds(15));
            o.KeepAliveTimeout = builder.Configuration.GetValue("Realtime:WebSocketKeepAliveTimeout", TimeSpan.FromSeconds(30));
        });

        builder.Services.AddSingleton<ChatGuard>();
        builder.Services.AddOptions<AudienceLimitOptions>().BindConfiguration("Audience").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AudienceLimits>();
        builder.Services.AddSingleton<VoteOrigins>();
        builder.Services.AddSingleton<ScreenPresence>();
        builder.Services.AddSingleton<ViewerIdentity>();
        builder.Services.AddSingleton<ClassMembership>();
        // The limits' clock is the app's; tests put a fake one under this key to move the limits' time by hand.
        builder.Services.AddKeyedSingleton(HubLimits.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        builder.Services.AddSingleton<HubLimits>();
        builder.Services.AddSingleton<LiveBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveBroadcaster>());
    }

    /// <summary>The audience pages (<c>/live</c>, <c>/live/{code}</c>) hand out the viewer identity cookie.</summary>
    public static void UseViewerIdentity(this WebApplication app) =>
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/live", StringComparison.OrdinalIgnoreCase),
            pages => pages.Use((context, next) =>
            {
                context.RequestServices.GetRequiredService<ViewerIdentity>().Ensure(context);
                return next(context);
            }));

    public static void MapLiveHub(this WebApplication app) =>
        app.MapHub<LiveHub>(HubPath, o =>
        {
            // Bounded buffers: a slow or dead client cannot make the server hold its messages without limit. Once its
            // buffer is full, a send that does not complete within the send timeout closes the connection; the
            // client reconnects and resyncs from its last position. The feed never waits for it (LocalFanout);
            // SignalR's group sends (reaction totals) do, so the timeout is also the longest such a client can pause
            // those on its node: keep it short (docs/operations.md).
            o.ApplicationMaxBufferSize = 64 * 1024;
            o.TransportMaxBufferSize = 64 * 1024;
            o.TransportSendTimeout = app.Configuration.GetValue("Realtime:TransportSendTimeout", TimeSpan.FromSeconds(5));
        }).AllowAnonymous().ShortCircuit();
}
