using System.Globalization;
using System.Text;

namespace VakkanjersLive.Domain.Moderation;

/// <summary>
/// Finds blocked words despite simple evasion: case, diacritics ("kùt"), repeated letters ("kuuuut"), leetspeak
/// ("k0t", "sh1t"), and spacing or punctuation between letters ("k u t", "k.u.t"). Matching is on whole words, on runs
/// of single letters read as one word, and on the text with separators removed only for blocked words of four letters
/// or more, to keep false alarms on innocent words (the "Scunthorpe problem") rare.
/// </summary>
public sealed class WordFilter
{
    private readonly HashSet<string> _words;
    private readonly List<string> _longWords;

    public WordFilter(IEnumerable<string> blockedWords)
    {
        _words = blockedWords.Select(Normalize).Where(w => w.Length >= 2).ToHashSet(StringComparer.Ordinal);
        _longWords = _words.Where(w => w.Length >= 4).ToList();
    }

    public int Count => _words.Count;

    /// <summary>The first blocked word found (normalised), or null; words in <paramref name="allowed"/> (normalised) do not count.</summary>
    public string? FindBlocked(string? text, IReadOnlySet<string>? allowed = null)
    {
        if (string.IsNullOrWhiteSpace(text) || _words.Count == 0)
        {
            return null;
        }

        bool Blocked(string word) => _words.Contains(word) && allowed?.Contains(word) != true;
        var tokens = Tokens(text).ToList();
        var hit = tokens.FirstOrDefault(Blocked);
        if (hit is not null)
        {
            return hit;
        }

        // "k u t": runs of single letters are read as one word.
        var spelled = SingleLetterRuns(tokens).FirstOrDefault(Blocked);
        if (spelled is not null)
        {
            return spelled;
        }

        var joined = string.Concat(tokens);
        return _longWords.FirstOrDefault(w => allowed?.Contains(w) != true && joined.Contains(w, StringComparison.Ordinal));
    }

    public bool IsBlocked(string? text, IReadOnlySet<string>? allowed = null) => FindBlocked(text, allowed) is not null;

    private static IEnumerable<string> SingleLetterRuns(List<string> tokens)
    {
        var run = new StringBuilder();
        foreach (var token in tokens.Append(string.Empty))
        {
            if (token.Length == 1)
            {
                run.Append(token);
                continue;
            }

            if (run.Length > 1)
            {
                yield return Normalize(run.ToString());
            }

            run.Clear();
        }
    }

    /// <summary>Lower case, no diacritics, leetspeak mapped to letters, repeated letters collapsed, letters only.</summary>
    public static string Normalize(string text) => string.Concat(Tokens(text));

    private static IEnumerable<string> Tokens(string text)
    {
        var token = new StringBuilder();
        var previous = '\0';
        foreach (var raw in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = Unleet(char.ToLowerInvariant(raw));
            if (char.IsLetter(c))
            {
                if (c != previous)
                {
                    token.Append(c);
                }

                previous = c;
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsDigit(c))
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }

                previous = '\0';
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    private static char Unleet(char c) => c switch
    {
        '0' => 'o',
        '1' or '!' or '|' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' or '+' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    };
}
