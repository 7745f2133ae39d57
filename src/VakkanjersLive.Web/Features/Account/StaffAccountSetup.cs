using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Journal;

namespace VakkanjersLive.Web.Features.Account;

public static class StaffAccountSetup
{
    public const string ModeratorPolicy = "Moderator";
    public const string JudgePolicy = "Judge";
    public const string LeadModeratorPolicy = "LeadModerator";
    public const string AdminPolicy = "Admin";

    public static void AddStaffAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration("Admin").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SignInOptions>().BindConfiguration("SignIn").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPasswordHasher<Moderator>, PasswordHasher<Moderator>>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<UnknownUserHash>();
        builder.Services.AddScoped<StaffSignIn>();
        builder.Services.AddScoped<ModeratorAccounts>();
        builder.Services.AddHostedService<AdminFromConfiguration>();

        // Keys in the data folder (one node) or in Redis (several): staff cookies survive restarts and work on every node.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("VakkanjersLive");
        if (builder.Configuration.UsesRedis())
        {
            var prefix = builder.Configuration.RedisPrefix();
            var redis = builder.Services.RedisConnection();
            dataProtection.PersistKeysToStackExchangeRedis(() => redis.GetDatabase(), $"{prefix}:data-protection-keys");
        }
        else
        {
            var keys = builder.Configuration["DataProtection:KeysDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/signin";
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "vkl.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

                // A full event day: judges must not be signed out between the morning and the final.
                o.ExpireTimeSpan = TimeSpan.FromHours(14);
                o.SlidingExpiration = true;
                // APIs answer 401/403; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = async context =>
                {
                    var signIn = context.HttpContext.RequestServices.GetRequiredService<StaffSignIn>();
                    if (context.Principal is null || !signIn.IsStillValid(context.Principal))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ModeratorPolicy, p => p.RequireRole(StaffRoles.Moderator))
            .AddPolicy(JudgePolicy, p => p.RequireRole(StaffRoles.Judge))
            .AddPolicy(LeadModeratorPolicy, p => p.RequireRole(StaffRoles.LeadModerator))
            .AddPolicy(AdminPolicy, p => p.RequireRole(StaffRoles.Admin));
        builder.Services.AddCascadingAuthenticationState();

        // An open staff page re-checks its session: a sign-out, password change, role change or new judge code
        // elsewhere ends it within SignIn:SessionRecheck (the cookie itself is checked on every request).
        builder.Services.AddScoped<AuthenticationStateProvider, StaffSessionRevalidation>();
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static void MapStaffAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/signout", async (HttpContext context, IAntiforgery antiforgery, StaffSignIn signIn, CommandExecutor commands) =>
        {
            // No form parameter is bound, so the framework would not check the token by itself: a cross-site form
            // could sign a moderator out (and, as the sign-out ends every session, on every device).
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                // A plain 400: re-executing a POST to the "not found" page would answer 404.
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                return Results.BadRequest();
            }

            await signIn.SignOutEverywhereAsync(context, commands);
            return Results.LocalRedirect("/account/signin");
        });
}
