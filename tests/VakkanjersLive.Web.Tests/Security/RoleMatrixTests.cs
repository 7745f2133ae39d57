using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Features.Security;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>
/// The role matrix (<see cref="RoleMatrix"/>, docs/security.md): one test per cell, each signed in as that audience
/// through the real sign-in forms and answered by the real app; and the matrix kept complete and equal to the
/// pages' and endpoints' own <c>[Authorize]</c> metadata.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Fixture fixture) : IClassFixture<RoleMatrixTests.Fixture>
{
    public static TheoryData<AccessKind, string, Audience> Cells()
    {
        var cells = new TheoryData<AccessKind, string, Audience>();
        foreach (var entry in RoleMatrix.Entries)
        {
            foreach (var audience in Enum.GetValues<Audience>())
            {
                cells.Add(entry.Kind, entry.Target, audience);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(AccessKind kind, string target, Audience audience)
    {
        var entry = RoleMatrix.Find(kind, target);

        var allowed = kind switch
        {
            AccessKind.Page => await fixture.PageAllowsAsync(audience, target),
            AccessKind.Endpoint => await fixture.EndpointAllowsAsync(audience, target),
            AccessKind.HubMethod => await fixture.HubAllowsAsync(audience, target),
            _ => await fixture.ActionAllowsAsync(audience, target),
        };

        Assert.True(entry.Allowed.Contains(audience) == allowed, $"{target} for {audience}: the matrix says {(entry.Allowed.Contains(audience) ? "allowed" : "refused")}, the app {(allowed ? "allowed" : "refused")} it");
    }

    [Fact]
    public void EveryRoutablePage_IsInTheMatrix_WithItsOwnPolicy()
    {
        var pages = typeof(RoleMatrix).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => (Type: t, r.Template)))
            .ToList();

        Assert.NotEmpty(pages);
        foreach (var (type, template) in pages)
        {
            var entry = RoleMatrix.Entries.SingleOrDefault(e => e.Kind == AccessKind.Page && e.Target == template);
            Assert.True(entry is not null, $"{template} ({type.Name}) is not in the role matrix");
            Assert.Equal(entry.Policy, PolicyOf(type.GetCustomAttributes<AuthorizeAttribute>().FirstOrDefault(), type.IsDefined(typeof(AllowAnonymousAttribute))));
            Assert.Subset(RoleMatrix.AllowedBy(entry.Policy).ToHashSet(), entry.Allowed.ToHashSet());
        }

        Assert.Equal(
            RoleMatrix.Entries.Where(e => e.Kind == AccessKind.Page).Select(e => e.Target).Order(StringComparer.Ordinal),
            pages.Select(p => p.Template).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryEndpoint_IsInTheMatrix_WithItsOwnPolicy()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)

            // Endpoints for any method (health checks, the scrape) are listed as GET, what their callers send.
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Where(m => m != "HEAD").Select(m => (Name: $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}", Endpoint: e)))
            .Where(e => IsAppEndpoint(e.Name))
            .ToList();

        Assert.NotEmpty(endpoints);
        foreach (var (name, endpoint) in endpoints)
        {
            var entry = RoleMatrix.Entries.SingleOrDefault(e => e.Kind == AccessKind.Endpoint && e.Target == name);
            Assert.True(entry is not null, $"{name} is not in the role matrix");
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault();
            Assert.Equal(entry.Policy, PolicyOf(authorize, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null));
        }

        Assert.Equal(
            RoleMatrix.Entries.Where(e => e.Kind == AccessKind.Endpoint).Select(e => e.Target).Order(StringComparer.Ordinal),
            endpoints.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryHubMethod_IsInTheMatrix()
    {
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(LiveHub.OnConnectedAsync) or nameof(LiveHub.OnDisconnectedAsync)))
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(methods, RoleMatrix.Entries.Where(e => e.Kind == AccessKind.HubMethod).Select(e => e.Target).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DocsSecurity_ListsEveryRowOfTheMatrix()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "security.md"));

        Assert.All(RoleMatrix.Entries, e => Assert.Contains($"`{e.Target}`", docs, StringComparison.Ordinal));
    }

    // Framework endpoints (static assets, the Blazor circuit's and the hub's negotiate) are not the app's own.
    private static bool IsAppEndpoint(string name) =>
        !name.Contains(" /_", StringComparison.Ordinal) && !name.Contains("/hubs/", StringComparison.Ordinal) && !name.Contains(":file}", StringComparison.Ordinal)
        && !name.EndsWith(".js", StringComparison.Ordinal) && !name.EndsWith(".css", StringComparison.Ordinal)
        && !name.Contains(" /css/", StringComparison.Ordinal) && !name.Contains(" /js/", StringComparison.Ordinal)
        && !name.Contains(" /lib/", StringComparison.Ordinal) && !name.Contains(" /img/", StringComparison.Ordinal)
        && !name.EndsWith(".ico", StringComparison.Ordinal) && !name.EndsWith(".svg", StringComparison.Ordinal)
        && !name.EndsWith(".png", StringComparison.Ordinal) && !name.EndsWith(".gz", StringComparison.Ordinal)
        && !name.EndsWith(".br", StringComparison.Ordinal) && !name.EndsWith(".webmanifest", StringComparison.Ordinal)
        && !name.EndsWith(".txt", StringComparison.Ordinal);

    private static string? PolicyOf(IAuthorizeData? authorize, bool anonymous) =>
        anonymous || authorize is null ? null : authorize.Policy ?? "staff";

    /// <summary>One app with a judging finale, a co-moderator and a lead moderator; each audience signed in once.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private const string CoPassword = "een lang wachtwoord voor de co";
        private const string LeadPassword = "een lang wachtwoord voor de lead";
        private readonly Dictionary<Audience, CookieJar> _jars = [];

        public TestApp App { get; } = new(settings: new Dictionary<string, string?> { ["Metrics:Token"] = "a-metrics-token-for-the-matrix" });

        public LiveEvent Event { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Event = await TestData.JudgingFinaleAsync(App);
            using (var scope = App.Services.CreateScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
                await TestData.Ok(accounts.RegisterAsync(Guid.NewGuid(), "test", "co-moderator", "Co Moderator", CoPassword, ModeratorRole.CoModerator));
                await TestData.Ok(accounts.RegisterAsync(Guid.NewGuid(), "test", "lead", "Lead Moderator", LeadPassword, ModeratorRole.LeadModerator));
            }

            _jars[Audience.Viewer] = new CookieJar();
            _jars[Audience.Screen] = new CookieJar();
            _jars[Audience.Judge] = await SignInAsync("judge", new() { ["judge-code"] = TestData.CodeOf(Event.Judges.Single(j => !j.IsChair)) }, "/jury");
            _jars[Audience.Chair] = await SignInAsync("judge", new() { ["judge-code"] = TestData.CodeOf(Event.Judges.Single(j => j.IsChair)) }, "/jury");
            _jars[Audience.CoModerator] = await SignInAsync("moderator", new() { ["user-name"] = "co-moderator", ["password"] = CoPassword }, "/events");
            _jars[Audience.LeadModerator] = await SignInAsync("moderator", new() { ["user-name"] = "lead", ["password"] = LeadPassword }, "/events");
            _jars[Audience.Admin] = await SignInAsync("moderator", new() { ["user-name"] = TestApp.AdminUser, ["password"] = TestApp.AdminPassword }, "/events");
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }

        public async Task<bool> PageAllowsAsync(Audience audience, string route)
        {
            var response = await Client(audience).GetAsync(Path(route));
            var body = await response.Content.ReadAsStringAsync();
            return !IsRefused(response) && !body.Contains("id=\"chair-only\"", StringComparison.Ordinal);
        }

        public async Task<bool> EndpointAllowsAsync(Audience audience, string target)
        {
            var (method, route) = (target.Split(' ')[0], target.Split(' ')[1]);
            var request = new HttpRequestMessage(new HttpMethod(method), Path(route) + (route == "/culture/set" ? "?culture=en&redirectUri=%2F" : string.Empty));
            if (method == "POST")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            return !IsRefused(await Client(audience).SendAsync(request));
        }

        public async Task<bool> HubAllowsAsync(Audience audience, string method)
        {
            var server = App.Server;

            // As a browser: the audience page first, which hands out the viewer identity the hub trusts.
            if (audience != Audience.Screen)
            {
                await Client(audience).GetAsync($"/live/{Event.JoinCode}");
            }

            var cookie = _jars[audience].Header(server.BaseAddress);
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(server.BaseAddress, RealtimeSetup.HubPath), o =>
                {
                    o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                    if (cookie is not null)
                    {
                        o.Headers["Cookie"] = cookie;
                    }
                })
                .Build();
            await connection.StartAsync();
            var kind = audience == Audience.Screen ? ViewerKinds.Screen : ViewerKinds.Audience;
            var token = audience == Audience.Screen ? await TestData.ScreenTokenAsync(App, Event.JoinCode) : null;
            var joined = await connection.InvokeAsync<JoinResult>(nameof(LiveHub.Join), new JoinRequest(Event.JoinCode, Guid.NewGuid(), null, kind, token));
            Assert.True(joined.Ok, joined.Code);
            var code = method switch
            {
                nameof(LiveHub.Join) => joined.Code,
                nameof(LiveHub.Resync) => (await connection.InvokeAsync<ResyncResult>(method, 0L)).Code,
                nameof(LiveHub.SendChat) => (await connection.InvokeAsync<SendResult>(method, new ChatRequest(Guid.NewGuid(), "hallo allemaal"))).Code,
                nameof(LiveHub.Vote) => (await connection.InvokeAsync<SendResult>(method, new VoteRequest(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()))).Code,
                nameof(LiveHub.AskQuestion) => (await connection.InvokeAsync<SendResult>(method, new QuestionRequest(Guid.NewGuid(), "Hoe lang duurde het bouwen?"))).Code,
                nameof(LiveHub.Upvote) => (await connection.InvokeAsync<SendResult>(method, new UpvoteRequest(Guid.NewGuid(), Guid.NewGuid(), false))).Code,
                nameof(LiveHub.Report) => (await connection.InvokeAsync<SendResult>(method, new ReportRequest(Guid.NewGuid(), null))).Code,
                nameof(LiveHub.React) => (await connection.InvokeAsync<SendResult>(method, new ReactionRequest(Event.Teams[0].Id, "applause"))).Code,
                nameof(LiveHub.ShowingScene) => (await connection.InvokeAsync<SendResult>(method, new SceneReport("screen", "join", null))).Code,
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, "A hub method the test does not know."),
            };

            // Only the access refusals count: another answer (an unknown poll, reactions off) means the call was let in.
            return code is not (HubErrorCodes.NotJoined or HubErrorCodes.ScreenReadOnly or HubErrorCodes.NotAScreen);
        }

        public async Task<bool> ActionAllowsAsync(Audience audience, string action)
        {
            var (route, marker) = action switch
            {
                _ when action.StartsWith("/events: ", StringComparison.Ordinal) => ("/events", "id=\"new-event\""),
                _ when action.StartsWith("/events/{EventId:guid}/live: ", StringComparison.Ordinal) => ("/events/{EventId:guid}/live", "id=\"reveal-panel\""),
                _ when action.StartsWith("/events/{EventId:guid}/moderation: ", StringComparison.Ordinal) => ("/events/{EventId:guid}/moderation", "id=\"panic\""),
                _ => throw new ArgumentOutOfRangeException(nameof(action), action, "A page action the test does not know."),
            };
            var response = await Client(audience).GetAsync(Path(route));
            return !IsRefused(response) && (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal);
        }

        private static bool IsRefused(HttpResponseMessage response) =>
            response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || response.IsRedirectTo("/account/signin") || response.IsRedirectTo("/account/denied");

        private string Path(string route) => route
            .Replace("{EventId:guid}", Event.Id.ToString(), StringComparison.Ordinal)
            .Replace("{eventId:guid}", Event.Id.ToString(), StringComparison.Ordinal)
            .Replace("{TeamId:guid}", Event.Teams[0].Id.ToString(), StringComparison.Ordinal)
            .Replace("{Code}", Event.JoinCode, StringComparison.Ordinal)
            .Replace("{SeriesId:guid}", SeriesId.ToString(), StringComparison.Ordinal)
            .Replace("{seriesId:guid}", SeriesId.ToString(), StringComparison.Ordinal);

        // Access is decided before the page looks the series up: any id tells allowed from refused.
        private static readonly Guid SeriesId = Guid.NewGuid();

        private HttpClient Client(Audience audience) => App.CreateDefaultClient(new CookieJarHandler(_jars[audience]));

        private async Task<CookieJar> SignInAsync(string form, Dictionary<string, string> values, string expected)
        {
            var jar = new CookieJar();
            var response = await FormPost.SubmitAsync(App.CreateDefaultClient(new CookieJarHandler(jar)), "/account/signin", form, values);
            Assert.True(response.IsRedirectTo(expected), $"{form} sign-in: {response.StatusCode} {response.Headers.Location}");
            return jar;
        }
    }

    /// <summary>The cookies of one signed-in browser, so the hub connection can carry them too.</summary>
    public sealed class CookieJar
    {
        private readonly CookieContainer _container = new();

        public string? Header(Uri uri) => _container.GetCookieHeader(uri) is { Length: > 0 } header ? header : null;

        public void Add(Uri uri, IEnumerable<string> setCookies)
        {
            foreach (var setCookie in setCookies)
            {
                _container.SetCookies(uri, setCookie);
            }
        }
    }

    private sealed class CookieJarHandler(CookieJar jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (jar.Header(request.RequestUri!) is { } header)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                jar.Add(request.RequestUri!, cookies);
            }

            return response;
        }
    }
}
