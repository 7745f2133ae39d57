using System.Text.Json.Serialization;

namespace VakkanjersLive.Web.Realtime;

public static class RealtimeSetup
{
    public const string HubPath = "/hubs/live";

    public static void AddLiveHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
            {
                // Public clients send small messages only; a bigger one is refused before it is parsed.
                o.MaximumReceiveMessageSize = 8 * 1024;
                o.MaximumParallelInvocationsPerClient = 1;
                o.EnableDetailedErrors = false;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        builder.Services.AddSingleton<ChatGuard>();
        builder.Services.AddSingleton<ReactionCounter>();
        builder.Services.AddSingleton<LiveRateGates>();
        builder.Services.AddSingleton<LiveBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveBroadcaster>());
    }

    public static void MapLiveHub(this WebApplication app) =>
        app.MapHub<LiveHub>(HubPath, o =>
        {
            // Bounded buffers: a slow or dead client cannot make the server hold its messages without limit.
            o.ApplicationMaxBufferSize = 64 * 1024;
            o.TransportMaxBufferSize = 64 * 1024;
        }).AllowAnonymous();
}
