using System.Globalization;
using System.Text;
using VakkanjersLive.Domain.Moderation;

namespace VakkanjersLive.Domain;

/// <summary>Input checks shared by every aggregate; each failure is a <see cref="DomainException"/> with a code.</summary>
public static class Guard
{
    /// <summary>
    /// Trims, rejects empty or over-long text and control characters (zero-width and bidi overrides too). Text with
    /// no visible character (only Hangul fillers, Braille blanks and the like: <see cref="TextFolding.HasVisibleCharacter"/>)
    /// counts as empty.
    /// </summary>
    public static string Text(string? value, string field, int maxLength, bool required = true)
    {
        var trimmed = Normalize(value, field);
        if (trimmed.Length == 0)
        {
            if (required)
            {
                throw new DomainException($"{field}.required");
            }

            return string.Empty;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{field}.too-long", maxLength);
        }

        if (trimmed.Any(IsForbidden))
        {
            throw new DomainException($"{field}.invalid-characters");
        }

        if (!TextFolding.HasVisibleCharacter(trimmed))
        {
            if (required)
            {
                throw new DomainException($"{field}.required");
            }

            return string.Empty;
        }

        return trimmed;
    }

    private static string Normalize(string? value, string field)
    {
        try
        {
            return (value ?? string.Empty).Normalize(NormalizationForm.FormC).Trim();
        }
        catch (ArgumentException)
        {
            // Broken UTF-16 (a lone surrogate) cannot be normalised: it is invalid input, not a server error.
            throw new DomainException($"{field}.invalid-characters");
        }
    }

    private static bool IsForbidden(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
