using Microsoft.Extensions.Options;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>Creates the configured administrator at start-up when no account has that user name yet.</summary>
internal sealed partial class AdminFromConfiguration(IServiceScopeFactory scopes, ProjectionStore store, IOptions<AdminOptions> options, ILogger<AdminFromConfiguration> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrEmpty(admin.UserName) || store.Staff.FindByUserName(admin.UserName) is not null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
        var result = await accounts.RegisterAsync(Guid.NewGuid(), "configuration", admin.UserName, admin.DisplayName, admin.Password, ModeratorRole.Admin, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The configured administrator could not be created: {result.ErrorCode}.");
        }

        LogCreated(logger, admin.UserName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created administrator {UserName} from configuration")]
    private static partial void LogCreated(ILogger logger, string userName);
}
