using MudBlazor;
using MudBlazor.Services;

namespace VakkanjersLive.Web.Components;

public static class StaffUiSetup
{
    public static void AddStaffUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();

        // MudBlazor's built-in texts are English only: ours come from the resources (Dutch and English).
        builder.Services.AddTransient<MudLocalizer, StaffMudLocalizer>();
    }

    public static void MapStaffUi(this WebApplication app) =>
        // Framing is governed by the one Content-Security-Policy of Features/Security, not a second one from Blazor.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
}
