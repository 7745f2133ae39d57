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

    /// <summary>
    /// Nine or more digits split only by spaces or dashes (Dutch numbers have ten: 06-12345678, 010-1234567), or an
    /// international number (+31 6…, 0031 6…). Scores ("8.5 9.5"), dates ("12-05-2026") and counts do not match.
    /// </summary>
    public static bool HasPhoneNumber(string? text) => text is not null && PhonePattern().IsMatch(text);

    public static bool HasContactDetails(string? text) => HasLink(text) || HasEmail(text) || HasPhoneNumber(text);

    // A dot between name and ending must not have spaces around it ("Goed gedaan. De jury" is a sentence); spelled-out
    // dots ("site dot nl", "site [punt] nl") may.
    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]{2,}(\.|\s?[\[(](dot|punt)[\])]\s?|\s(dot|punt)\s)(nl|com|net|org|be|de|eu|io|tv|gg|me|info|app|co|uk|ly|link)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[a-z0-9._%+-]+\s?(@|\[at\]|\(at\)|\sat\s|\sapenstaartje\s)\s?[a-z0-9-]+(\.|\s(dot|punt)\s)[a-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(\+|\b00)\s?[1-9]\d{0,2}[\s-]?\(?0?\)?[\s-]?\d([\s-]?\d){6,}|(?<![\d.,])\d([\s-]?\d){8,}(?![\d.,]\d)|\b0\d(\.\d\d){4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
