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

/// <summary>Limits on wrong sign-in attempts ("SignIn" section). Counted per client address, in memory only.</summary>
public sealed class SignInOptions
{
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
