using System.Globalization;
using System.Text;

namespace VakkanjersLive.Domain.Moderation;

/// <summary>
/// Finds blocked words despite simple evasion: case, diacritics ("kùt"), repeated letters ("kuuuut"), leetspeak
/// ("sh1t", "k@nker"), spacing or punctuation between letters ("k u t", "k.u.t", "kan ker"), and whatever
/// <see cref="TextFolding.Fold"/> undoes: look-alike letters from other scripts ("ѕhit" with a Cyrillic ѕ), fullwidth
/// and mathematical letters, and invisible characters inside a word (a Hangul filler between "k" and "ut"). Matching
/// is on whole words, on compounds that start with a blocked word of six letters or more ("kankerhond"), and on runs of short
/// pieces (three letters or fewer) read as one word. A blocked word inside a longer innocent word ("hoera",
/// "catering", "Scunthorpe") is not matched: false alarms anger children more than they protect them.
/// </summary>
public sealed class WordFilter
{
    private const int ShortPiece = 3;
    private readonly HashSet<string> _words;
    private readonly List<string> _longWords;
    private readonly List<string> _prefixWords;
    private readonly List<string> _phrases;

    public WordFilter(IEnumerable<string> blockedWords)
    {
        var entries = blockedWords.ToList();
        _words = entries.Select(Normalize).Where(w => w.Length >= 2).ToHashSet(StringComparer.Ordinal);
        _phrases = entries.Where(e => e.Trim().Contains(' ', StringComparison.Ordinal)).Select(Normalize).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).ToList();
        _longWords = _words.Where(w => w.Length >= 4).ToList();
        _prefixWords = _words.Where(w => w.Length >= 6).ToList();
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

        // Multi-word entries ("kill yourself") match across any spacing.
        var joined = string.Concat(tokens);
        var phrase = _phrases.FirstOrDefault(p => allowed?.Contains(p) != true && joined.Contains(p, StringComparison.Ordinal));
        if (phrase is not null)
        {
            return phrase;
        }

        // Compounds that start with a long curse ("kankerhond", "teringzooi").
        var compound = tokens.SelectMany(t => _prefixWords.Where(w => t.StartsWith(w, StringComparison.Ordinal) && allowed?.Contains(w) != true)).FirstOrDefault();
        if (compound is not null)
        {
            return compound;
        }

        // Split words: "k u t", "s hit", "kan ker". Only runs of short pieces are joined, so innocent words that merely
        // contain a blocked one ("hoera", "catering", "negeren") are left alone.
        foreach (var run in ShortTokenRuns(tokens))
        {
            var joinedRun = string.Concat(run);
            var inside = _longWords.FirstOrDefault(w => allowed?.Contains(w) != true && joinedRun.Contains(w, StringComparison.Ordinal));
            if (inside is not null)
            {
                return inside;
            }

            // Any stretch of the run's pieces may spell a short word: "een k u t", "k ut".
            for (var start = 0; start < run.Count; start++)
            {
                for (var end = start + 2; end <= run.Count; end++)
                {
                    var spelled = CollapseRepeats(string.Concat(run.Skip(start).Take(end - start)));
                    if (Blocked(spelled))
                    {
                        return spelled;
                    }
                }
            }
        }

        return null;
    }

    public bool IsBlocked(string? text, IReadOnlySet<string>? allowed = null) => FindBlocked(text, allowed) is not null;

    private static IEnumerable<List<string>> ShortTokenRuns(List<string> tokens)
    {
        var run = new List<string>();
        foreach (var token in tokens.Append(string.Empty))
        {
            if (token.Length is > 0 and <= ShortPiece && run.Count < 40)
            {
                run.Add(token);
                continue;
            }

            if (run.Count > 1)
            {
                yield return run;
            }

            run = [];
        }
    }

    /// <summary>Repeated letters as one: what <see cref="Normalize"/> does to pieces that are already normalised.</summary>
    private static string CollapseRepeats(string pieces)
    {
        var builder = new StringBuilder(pieces.Length);
        foreach (var c in pieces)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Folded (<see cref="TextFolding.Fold"/>: look-alikes, NFKC, invisible characters), lower case, no diacritics,
    /// leetspeak mapped to letters, repeated letters collapsed, letters only.
    /// </summary>
    public static string Normalize(string text) => string.Concat(Tokens(text));

    private static IEnumerable<string> Tokens(string text)
    {
        var token = new StringBuilder();
        var previous = '\0';
        var decomposed = TextFolding.Fold(text);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var raw = decomposed[i];
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // "sh!t" spells an i; "kut!" ends a sentence.
            var c = raw is '!' or '|' && i + 1 < decomposed.Length && char.IsLetter(TextFolding.Unleet(char.ToLowerInvariant(decomposed[i + 1])))
                ? 'i'
                : TextFolding.Unleet(char.ToLowerInvariant(raw));
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
}
