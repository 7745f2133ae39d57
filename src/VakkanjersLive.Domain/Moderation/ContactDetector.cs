using System.Text.RegularExpressions;

namespace VakkanjersLive.Domain.Moderation;

/// <summary>
/// Spots links, e-mail addresses and phone numbers in chat. Our viewers are minors: such details are personal data
/// (or a way to move a child to another channel), so they are blocked by default.
/// </summary>
public static partial class ContactDetector
{
    public static bool HasLink(string? text) => text is not null && LinkPattern().IsMatch(text);

    public static bool HasEmail(string? text) => text is not null && EmailPattern().IsMatch(text);

    /// <summary>Eight or more digits, possibly split by spaces, dots or dashes, or a +31/0031 prefix.</summary>
    public static bool HasPhoneNumber(string? text) => text is not null && PhonePattern().IsMatch(text);

    public static bool HasContactDetails(string? text) => HasLink(text) || HasEmail(text) || HasPhoneNumber(text);

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]{2,}\s?(\.|\[dot\]|\(dot\))\s?(nl|com|net|org|be|de|eu|io|tv|gg|me|info|app|co|uk|ly|link)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[a-z0-9._%+-]+\s?(@|\[at\]|\(at\))\s?[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(\+|00)\s?\d{2}[\s.-]?\d|(\d[\s.-]?){8,}", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
