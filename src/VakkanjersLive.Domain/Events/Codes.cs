using System.Security.Cryptography;

namespace VakkanjersLive.Domain.Events;

/// <summary>Codes people type: upper-case letters and digits without look-alikes (no 0/O, 1/I/L).</summary>
internal static class CodeAlphabet
{
    public const string Characters = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string Generate(int length) =>
        string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Characters[RandomNumberGenerator.GetInt32(Characters.Length)];
            }
        });

    public static bool IsWellFormed(string? code, int length) =>
        code is not null && code.Length == length && code.All(c => Characters.Contains(c, StringComparison.Ordinal));

    /// <summary>Upper-cases and drops spaces and dashes, so "abcd-efgh" and "ABCDEFGH" are the same code.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}

/// <summary>The audience's join code for an event (six characters).</summary>
public static class JoinCodes
{
    public const int Length = 6;

    public static string Generate() => CodeAlphabet.Generate(Length);

    public static bool IsWellFormed(string? code) => CodeAlphabet.IsWellFormed(code, Length);

    public static string Normalize(string? typed) => CodeAlphabet.Normalize(typed);
}

/// <summary>Per-judge sign-in codes: ten characters, about 49 bits, shown as XXXXX-XXXXX.</summary>
public static class SignInCodes
{
    public const int Length = 10;

    public static string Generate() => CodeAlphabet.Generate(Length);

    public static bool IsWellFormed(string? code) => CodeAlphabet.IsWellFormed(code, Length);

    public static string Normalize(string? typed) => CodeAlphabet.Normalize(typed);

    public static string Format(string code) => code.Length == Length ? $"{code[..5]}-{code[5..]}" : code;

    private const int HashIterations = 20_000;
    private static readonly byte[] HashSalt = "VakkanjersLive judge sign-in code v1"u8.ToArray();

    /// <summary>
    /// What the journal keeps of a code: PBKDF2-SHA256 (20,000 iterations, a fixed salt, so a typed code is found by
    /// its hash). A code has about 49 bits, so a copy of the journal would cost about 10^19 hash iterations per
    /// code to read back (docs/security.md, "Judge codes"); one sign-in costs one hash, a few milliseconds.
    /// </summary>
    public static string Hash(string code) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Normalize(code), HashSalt, HashIterations, HashAlgorithmName.SHA256, 32));
}
