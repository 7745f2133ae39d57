using MudBlazor.Services;

namespace VakkanjersLive.Web.Components;

public static class StaffUiSetup
{
    public static void AddStaffUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
    }

    public static void MapStaffUi(this WebApplication app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
}
