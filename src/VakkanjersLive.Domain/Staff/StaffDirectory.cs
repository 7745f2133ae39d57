using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Staff;

/// <summary>Marker for facts in the staff stream (moderator accounts).</summary>
public interface IStaffFact;

/// <summary>What a moderator account may do (docs/security.md, "Role matrix"); each level includes the ones below.</summary>
public enum ModeratorRole
{
    /// <summary>Moderates the audience: chat, questions, polls, the stream and countdown; no setup, scores or codes.</summary>
    CoModerator = 0,

    /// <summary>Runs the event: setup, judge codes, judging, results, reveal and exports.</summary>
    LeadModerator = 1,

    /// <summary>A lead moderator who also manages the staff accounts.</summary>
    Admin = 2,
}

/// <summary>
/// A moderator account. The password hash comes from ASP.NET Core's hasher; the domain never sees a password.
/// <paramref name="Role"/> is absent in facts written before roles had three levels: then <paramref name="IsAdmin"/>
/// decides (administrator, else co-moderator).
/// </summary>
public sealed record ModeratorRegistered(Guid AccountId, string UserName, string DisplayName, string PasswordHash, bool IsAdmin, ModeratorRole? Role = null) : IStaffFact
{
    public ModeratorRole EffectiveRole() => Role ?? (IsAdmin ? ModeratorRole.Admin : ModeratorRole.CoModerator);
}

/// <summary>An administrator changed the account's role; it ends the account's sessions (their cookies carry the old role).</summary>
public sealed record ModeratorRoleChanged(Guid AccountId, ModeratorRole Role) : IStaffFact;

public sealed record ModeratorPasswordChanged(Guid AccountId, string PasswordHash) : IStaffFact;

/// <summary>The moderator signed out: every session of the account ends, on every node.</summary>
public sealed record ModeratorSignedOut(Guid AccountId) : IStaffFact;

public sealed record Moderator(Guid Id, string UserName, string DisplayName, string PasswordHash, ModeratorRole Role)
{
    public bool IsAdmin => Role == ModeratorRole.Admin;

    public bool IsLead => Role >= ModeratorRole.LeadModerator;

    /// <summary>
    /// The staff-stream position of the account's last registration, password change or sign-out. A cookie carries
    /// the stamp it was issued with and is refused once it differs: those facts end every session of the account.
    /// </summary>
    public long SessionStamp { get; init; }
}

/// <summary>All moderator accounts, folded from the staff stream. Immutable like <c>LiveEvent</c>.</summary>
public sealed record StaffDirectory
{
    private StaffDirectory()
    {
    }

    public static StaffDirectory Empty { get; } = new();

    public long Version { get; private init; }

    public ImmutableList<Moderator> Moderators { get; private init; } = [];

    public bool HasAccounts => !Moderators.IsEmpty;

    public Moderator? FindByUserName(string? userName) =>
        Moderators.Find(m => string.Equals(m.UserName, NormalizeUserName(userName), StringComparison.Ordinal));

    public Moderator? Find(Guid id) => Moderators.Find(m => m.Id == id);

    /// <summary>User names are lower-case letters, digits, dot, dash and underscore (3–40).</summary>
    public static string NormalizeUserName(string? userName) => (userName ?? string.Empty).Trim().ToLowerInvariant();

    public ModeratorRegistered Register(Guid accountId, string? userName, string? displayName, string passwordHash, ModeratorRole role)
    {
        CheckRole(role);
        if (accountId == Guid.Empty || Find(accountId) is not null)
        {
            throw new DomainException("id.invalid");
        }

        var name = NormalizeUserName(userName);
        if (name.Length is < 3 or > 40 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'))
        {
            throw new DomainException("account.user-name.invalid");
        }

        if (FindByUserName(name) is not null)
        {
            throw new DomainException("account.user-name.taken", name);
        }

        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        return new ModeratorRegistered(accountId, name, Guard.Text(displayName, "account.display-name", 80), passwordHash, role == ModeratorRole.Admin, role);
    }

    /// <summary>Changes an account's role. The last administrator cannot be demoted: nobody could manage accounts then.</summary>
    public ModeratorRoleChanged ChangeRole(Guid accountId, ModeratorRole role)
    {
        CheckRole(role);
        var account = Find(accountId) ?? throw new DomainException("account.unknown");
        if (account.IsAdmin && role != ModeratorRole.Admin && Moderators.Count(m => m.IsAdmin) == 1)
        {
            throw new DomainException("account.last-admin");
        }

        return new ModeratorRoleChanged(accountId, role);
    }

    private static void CheckRole(ModeratorRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("account.role.invalid");
        }
    }

    public ModeratorPasswordChanged ChangePassword(Guid accountId, string passwordHash)
    {
        _ = Find(accountId) ?? throw new DomainException("account.unknown");
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        return new ModeratorPasswordChanged(accountId, passwordHash);
    }

    public ModeratorSignedOut SignOut(Guid accountId)
    {
        _ = Find(accountId) ?? throw new DomainException("account.unknown");
        return new ModeratorSignedOut(accountId);
    }

    /// <summary>Passwords: at least 12 characters; length beats composition rules (NIST SP 800-63B).</summary>
    public static void CheckPasswordPolicy(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            throw new DomainException("account.password.too-short", 12);
        }

        if (password.Length > 200)
        {
            throw new DomainException("account.password.too-long", 200);
        }
    }

    public StaffDirectory Apply(IStaffFact fact, long position) => (fact switch
    {
        ModeratorRegistered e => this with { Moderators = Moderators.Add(new Moderator(e.AccountId, e.UserName, e.DisplayName, e.PasswordHash, e.EffectiveRole()) { SessionStamp = position }) },
        ModeratorRoleChanged e => this with
        {
            Moderators = Moderators.Select(m => m.Id == e.AccountId ? m with { Role = e.Role, SessionStamp = position } : m).ToImmutableList(),
        },
        ModeratorPasswordChanged e => this with
        {
            Moderators = Moderators.Select(m => m.Id == e.AccountId ? m with { PasswordHash = e.PasswordHash, SessionStamp = position } : m).ToImmutableList(),
        },
        ModeratorSignedOut e => this with
        {
            Moderators = Moderators.Select(m => m.Id == e.AccountId ? m with { SessionStamp = position } : m).ToImmutableList(),
        },
        _ => throw new InvalidOperationException($"Unhandled fact {fact.GetType().Name}."),
    }) with
    { Version = position };
}
