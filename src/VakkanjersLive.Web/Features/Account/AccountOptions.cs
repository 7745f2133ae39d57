using System.ComponentModel.DataAnnotations;

namespace VakkanjersLive.Web.Features.Account;

/// <summary>
/// The first administrator, from configuration ("Admin" section, e.g. environment variables Admin__UserName and
/// Admin__Password). Leave both empty to use the first-run screen (or the demo's generated account).
/// </summary>
public sealed class AdminOptions : IValidatableObject
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Beheerder";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Admin:UserName and Admin:Password must be set together.", [nameof(UserName), nameof(Password)]);
        }

        if (!string.IsNullOrEmpty(Password) && Password.Length < 12)
        {
            yield return new ValidationResult("Admin:Password must be at least 12 characters.", [nameof(Password)]);
        }
    }
}

/// <summary>
/// Limits on wrong sign-ins ("SignIn" section), in memory only (docs/security.md, "Sign-in throttling"). Per client
/// address: at most <see cref="MaxFailures"/> in <see cref="Window"/>, moderator passwords and judge codes together
/// (generous: a hall of judges behind one NAT address). Per moderator account (the typed user name): after
/// <see cref="AccountFreeFailures"/> wrong passwords in <see cref="AccountWindow"/>, a wait of
/// <see cref="AccountFirstWait"/> after each further one, doubling up to <see cref="AccountMaxWait"/>.
/// </summary>
public sealed class SignInOptions : IValidatableObject
{
    [Range(1, 10000)]
    public int MaxFailures { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 1000)]
    public int AccountFreeFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountFirstWait { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountMaxWait { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an open staff page (a Blazor circuit) checks that its session still stands.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SessionRecheck { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AccountFirstWait > AccountMaxWait)
        {
            yield return new ValidationResult("SignIn:AccountFirstWait must not be longer than SignIn:AccountMaxWait.", [nameof(AccountFirstWait), nameof(AccountMaxWait)]);
        }
    }
}
