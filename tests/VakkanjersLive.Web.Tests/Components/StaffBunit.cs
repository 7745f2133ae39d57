using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>A bUnit context for a staff page on a real app node: MudBlazor, the app's services, a signed-in user, interactive.</summary>
internal static class StaffBunit
{
    /// <summary>Signed in as a lead moderator ("chef") unless another user is given; <paramref name="time"/> replaces the app's clock.</summary>
    public static BunitContext Context(TestApp app, TimeProvider? time = null, (string Name, Claim[] Claims, string[] Roles)? user = null)
    {
        var (name, claims, roles) = user ?? ("chef", [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], [StaffRoles.Moderator, StaffRoles.LeadModerator]);
        var context = new BunitContext();
        context.Services.AddMudServices();
        if (time is not null)
        {
            context.Services.AddSingleton(time);
        }

        context.Services.AddFallbackServiceProvider(app.Services);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = context.AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(roles);
        auth.SetClaims(claims);
        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return context;
    }
}
