using System.Globalization;
using Microsoft.AspNetCore.Localization;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Features.Localization;

/// <summary>Dutch first (nl-NL), English available; the choice is kept in the standard culture cookie.</summary>
public static class LocalizationSetup
{
    public static readonly string[] SupportedCultures = ["nl-NL", "en"];

    public static void AddStaffLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(SupportedCultures[0])
                .AddSupportedCultures(SupportedCultures)
                .AddSupportedUICultures(SupportedCultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
    }

    public static void UseStaffLocalization(this WebApplication app) => app.UseRequestLocalization();

    /// <summary><c>GET /culture/set?culture=en&amp;redirectUri=/events</c> stores the choice and goes back.</summary>
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
        {
            var chosen = SupportedCultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(chosen))),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrl.IsLocal(redirectUri) ? redirectUri! : "/");
        }).AllowAnonymous();
}
