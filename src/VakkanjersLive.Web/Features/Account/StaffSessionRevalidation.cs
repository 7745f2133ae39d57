using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>
/// The authentication state of an open staff page (a Blazor circuit, which no longer sends the cookie): every
/// <see cref="SignInOptions.SessionRecheck"/> it asks <see cref="StaffSignIn.IsStillValid"/>, the check the cookie
/// gets on every request, and signs the page out when the session has ended elsewhere (the page then sends the user
/// to the sign-in page).
/// </summary>
internal sealed class StaffSessionRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SignInOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionRecheck;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Task.FromResult(true);
        }

        using var scope = scopes.CreateScope();
        return Task.FromResult(scope.ServiceProvider.GetRequiredService<StaffSignIn>().IsStillValid(user));
    }
}
