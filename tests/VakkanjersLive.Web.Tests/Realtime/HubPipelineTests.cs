using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// The public hub's place in the pipeline (issue 16, memory per viewer): a viewer's WebSocket stays open for hours,
/// and every middleware it passes keeps its state for that long. The hub is short-circuited right after the language
/// is known, so authentication, authorization and antiforgery (which it never uses) hold nothing per viewer, while
/// the language and the security headers still apply.
/// </summary>
public sealed class HubPipelineTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public void ThePublicHub_IsShortCircuited_PastTheStaffMiddleware()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(RealtimeSetup.HubPath, StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(endpoints);
        // ASP.NET Core's ShortCircuit() marks the endpoint with its (internal) ShortCircuitMetadata.
        Assert.All(endpoints, e => Assert.Contains(e.Metadata, m => m.GetType().Name == "ShortCircuitMetadata"));
    }

    [Fact]
    public async Task AViewerWhoChoseEnglish_GetsTheHubsAnswersInEnglish()
    {
        var cookie = await AudienceIdentity.CookieAsync(_app) + "; .AspNetCore.Culture=c%3Den%7Cuic%3Den";
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, RealtimeSetup.HubPath), o =>
            {
                // As phones connect: WebSockets straight away (long polling's later requests carry no culture).
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, token) =>
                {
                    var client = _app.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    return await client.ConnectAsync(context.Uri, token);
                };
            })
            .Build();
        await connection.StartAsync();

        var joined = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest("NOPE99", Guid.Empty, null, ViewerKinds.Audience));

        Assert.False(joined.Ok);
        Assert.Equal("live.event.unknown", joined.Code);
        Assert.Equal("There is no event with this code. Check the code.", joined.Message);
    }

    public void Dispose() => _app.Dispose();
}
