using Microsoft.Extensions.Options;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace VakkanjersLive.Web.Features.Security;

/// <summary>
/// Security headers on every response (pages, API, exports, static files, the hub): a script-strict Content
/// Security Policy with a per-request nonce for the inline import map, nosniff, a referrer policy, a permissions
/// policy, and HSTS over HTTPS. See docs/security.md.
/// </summary>
public static class SecuritySetup
{
    private const string OverlayPolicy = "overlay";

    public static void AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        // No "Server: Kestrel" either (the middleware's RemoveServerHeader cannot reach Kestrel's own header).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration("Security").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSecurityHeaderPolicies((policies, services) =>
        {
            var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
            policies.SetDefaultPolicy(Headers(options, frameAncestors: []));
            policies.AddPolicy(OverlayPolicy, Headers(options, options.OverlayFrameAncestors));
            policies.SetPolicySelector(context => IsOverlay(context.HttpContext.Request.Path) ? context.ConfiguredPolicies[OverlayPolicy] : context.SelectedPolicy);
        });
    }

    /// <summary>First in the pipeline, so error pages, 404s and static files carry the headers too.</summary>
    public static void UseSecurityHeaders(this WebApplication app) => SecurityHeadersMiddlewareExtensions.UseSecurityHeaders(app);

    /// <summary>The stream overlay (<c>/overlay/{code}</c>), the one page other sites may be allowed to frame.</summary>
    public static bool IsOverlay(PathString path) => path.StartsWithSegments("/overlay", StringComparison.OrdinalIgnoreCase);

    private static HeaderPolicyCollection Headers(SecurityOptions options, IReadOnlyList<string> frameAncestors)
    {
        var headers = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .RemoveServerHeader()
            .AddPermissionsPolicy(permissions =>
            {
                // Nothing on these pages uses the camera, microphone, location, payments or devices; fullscreen,
                // autoplay and picture-in-picture stay as browsers default them, for the stream player.
                permissions.AddCamera().None();
                permissions.AddMicrophone().None();
                permissions.AddGeolocation().None();
                permissions.AddPayment().None();
                permissions.AddUsb().None();
                permissions.AddSerialPermissions().None();
                permissions.AddHid().None();
                permissions.AddBluetooth().None();
                permissions.AddMidi().None();
                permissions.AddDisplayCapture().None();
                permissions.AddCustomFeature("browsing-topics").None();
            })
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
                csp.AddFormAction().Self();
                // Scripts: the app's own files (blazor.web.js, MudBlazor, jury.js, the audience modules) and the
                // inline import map, which carries this request's nonce (App.razor). No eval, no inline handlers.
                csp.AddScriptSrc().Self().WithNonce();
                // MudBlazor sets style attributes and Blazor's reconnect UI a style element; styles cannot run code.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                // The Blazor circuit's WebSocket and the public hub are same-origin: 'self' covers ws: and wss:.
                csp.AddConnectSrc().Self();
                csp.AddFrameSrc().Self().From([.. SecurityOptions.BuiltInFrameSources, .. options.FrameSources]);
                var media = csp.AddMediaSrc().Self();
                if (options.MediaSources.Count > 0)
                {
                    media.From(options.MediaSources);
                }

                var ancestors = csp.AddFrameAncestors().Self();
                if (frameAncestors.Count > 0)
                {
                    ancestors.From(frameAncestors);
                }
            });

        if (options.HstsMaxAgeDays > 0)
        {
            // Sent over HTTPS only (behind nginx: when X-Forwarded-Proto says https), never for localhost.
            headers.AddStrictTransportSecurityMaxAge((int)TimeSpan.FromDays(options.HstsMaxAgeDays).TotalSeconds);
        }

        return headers;
    }
}
