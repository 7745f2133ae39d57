using System.Net;
using Microsoft.Extensions.Options;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Web.Limits;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>
/// Wrong sign-ins, counted twice: per client address (a generous ceiling in a sliding window, so a hall of judges
/// behind one NAT address is not locked out by a few typos or by a stranger) and per account (the typed user name,
/// existing or not, so the answer does not tell which exist: a growing back-off after a few wrong passwords, from any
/// address). A success clears only its own account's failures, never the address's. Addresses and names stay in
/// memory only, and only while they have failures in their window: the partitioned limiters forget the others.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly Partitions<string, FailureLog> _addresses;
    private readonly Partitions<string, BackOffLog> _accounts;

    public SignInThrottle(IOptions<SignInOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _addresses = new(_ => new FailureLog(time, o.Window, o.MaxFailures), StringComparer.Ordinal);
        _accounts = new(_ => new BackOffLog(time, o.AccountWindow, o.AccountFreeFailures, o.AccountFirstWait, o.AccountMaxWait), StringComparer.Ordinal);
    }

    /// <summary>How many addresses and accounts are remembered now.</summary>
    public int Remembered => _addresses.Count + _accounts.Count;

    /// <summary>How often the sweeps have looked at a partition (diagnostics).</summary>
    public long Checks => _addresses.IdleChecks + _accounts.IdleChecks;

    /// <summary>How long the address (and the account, when given) must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(IPAddress? address, string? account = null)
    {
        var byAddress = _addresses.Get(Key(address)).RetryAfter();
        var byAccount = account is null ? null : _accounts.Get(AccountKey(account)).RetryAfter();
        return byAddress is null ? byAccount : byAccount is null ? byAddress : (byAddress > byAccount ? byAddress : byAccount);
    }

    /// <summary>A wrong sign-in: counts for the address and, for a moderator, for the typed user name.</summary>
    public void RecordFailure(IPAddress? address, string? account = null)
    {
        _addresses.Get(Key(address)).Record();
        if (account is not null)
        {
            _accounts.Get(AccountKey(account)).Record();
        }
    }

    /// <summary>A right password: forgets that account's failures, and nothing else (not the address's).</summary>
    public void Succeeded(string account) => _accounts.Get(AccountKey(account)).Clear();

    public void Dispose()
    {
        _addresses.Dispose();
        _accounts.Dispose();
    }

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    /// <summary>User names are at most 40 characters: a longer typed one is cut, so a key's size is bounded.</summary>
    private static string AccountKey(string account) =>
        StaffDirectory.NormalizeUserName(account.Length > 64 ? account[..64] : account);
}
