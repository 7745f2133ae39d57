using VakkanjersLive.Web.Components;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Features.Broadcast;
using VakkanjersLive.Web.Features.Demo;
using VakkanjersLive.Web.Features.Events;
using VakkanjersLive.Web.Features.Exports;
using VakkanjersLive.Web.Features.Health;
using VakkanjersLive.Web.Features.Jury;
using VakkanjersLive.Web.Features.Live;
using VakkanjersLive.Web.Features.Localization;
using VakkanjersLive.Web.Features.Moderation;
using VakkanjersLive.Web.Features.Observability;
using VakkanjersLive.Web.Features.Security;
using VakkanjersLive.Web.Journal;
using VakkanjersLive.Web.Realtime;

var builder = WebApplication.CreateBuilder(args);

// `dotnet run` (the README's run command) starts in Production; the build's static web assets (Blazor's, MudBlazor's)
// are then served from their packages as in Development. A published app has no such manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.AddJournal();
builder.AddStaffLocalization();
builder.AddStaffAccounts();
builder.AddEvents();
builder.AddDemoSeeding();
builder.AddHealth();
builder.AddStaffUi();
builder.AddLiveHub();
builder.AddModeration();
builder.AddObservability();
builder.AddSecurityHeaders();
builder.AddPublicLinks();
builder.AddProxyForwarding();

var app = builder.Build();

app.UseSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

// Behind nginx: the client's address (sign-in throttling) and scheme (join links) come from the proxy, but only from
// a known one (Proxy:KnownProxies / Proxy:KnownNetworks; loopback when neither is set).
app.UseProxyForwarding();

// The audience pages issue the viewer identity the hub trusts (a cookie), limited per client address.
app.UseViewerIdentity();

// Pages get a friendly "not found"; APIs (and the public hub) keep their status codes (and JSON bodies) as they are.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !context.Request.Path.StartsWithSegments(RealtimeSetup.HubPath, StringComparison.OrdinalIgnoreCase),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseStaffLocalization();

// Routing here, not first: the public hub is short-circuited at this point (its language is known by now), so a
// viewer's WebSocket, open for hours, does not hold authentication, authorization and antiforgery state it never
// uses (issue 16: server memory per viewer). Everything before this line runs for it; nothing after.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapCultureSwitch();
app.MapStaffAccountEndpoints();
app.MapJuryScoring();
app.MapExports();
app.MapBroadcastCalendars();
app.MapLiveHub();
app.MapObservability();
app.MapStaffUi();

app.Run();
