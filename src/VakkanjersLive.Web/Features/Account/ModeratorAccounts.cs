using Microsoft.AspNetCore.Identity;
using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>Creates moderator accounts; the password is hashed here and never stored or logged in clear.</summary>
public sealed class ModeratorAccounts(CommandExecutor commands, ProjectionStore store, IPasswordHasher<Moderator> hasher)
{
    public async Task<CommandResult> RegisterAsync(Guid commandId, string actor, string? userName, string? displayName, string? password, ModeratorRole role, CancellationToken cancellationToken = default)
    {
        try
        {
            StaffDirectory.CheckPasswordPolicy(password);
        }
        catch (DomainException ex)
        {
            return CommandResult.Failed(ex.Code, ex.Arguments);
        }

        var accountId = Guid.NewGuid();
        var hash = hasher.HashPassword(new Moderator(accountId, userName ?? string.Empty, displayName ?? string.Empty, string.Empty, role), password!);
        return await commands.ForStaffAsync(commandId, actor, staff => staff.Register(accountId, userName, displayName, hash, role), cancellationToken);
    }

    /// <summary>The first account, only while there is none (first-run screen).</summary>
    public Task<CommandResult> RegisterFirstAdminAsync(Guid commandId, string? userName, string? displayName, string? password, CancellationToken cancellationToken = default) =>
        store.Staff.HasAccounts
            ? Task.FromResult(CommandResult.Failed("account.setup.done"))
            : RegisterAsync(commandId, "first-run", userName, displayName, password, ModeratorRole.Admin, cancellationToken);

    /// <summary>An administrator changes an account's role; the account's sessions end (the next request signs it out).</summary>
    public Task<CommandResult> ChangeRoleAsync(Guid commandId, string actor, Guid accountId, ModeratorRole role, CancellationToken cancellationToken = default) =>
        commands.ForStaffAsync(commandId, actor, staff => staff.ChangeRole(accountId, role), cancellationToken);

    public bool Verifies(Moderator account, string password) =>
        hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
}
