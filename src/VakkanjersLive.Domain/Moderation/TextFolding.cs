using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace VakkanjersLive.Domain.Moderation;

/// <summary>
/// Folds text before words, links, contact details and nicknames are matched, so that what looks the same is
/// compared the same. The look-alike data is Unicode's own (UTS #39 <c>confusables.txt</c> and the
/// <c>Default_Ignorable_Code_Point</c> property, embedded from <c>Moderation/Unicode</c>), not a hand-made table.
/// Folding is for matching only: what is stored and shown is the text as typed.
/// </summary>
public static class TextFolding
{
    /// <summary>The Unicode version of the embedded data (Moderation/Unicode/README.md).</summary>
    public const string UnicodeVersion = "15.0.0";

    private const int BrailleBlank = 0x2800;
    private const int MusicalNullNotehead = 0x1D159;

    private static readonly FrozenDictionary<int, string> Prototypes = LoadConfusables();
    private static readonly FrozenDictionary<int, string> NamedLetters = LoadNamedLetters();
    private static readonly (int First, int Last)[] Ignorable = LoadIgnorable();
    private static readonly ConcurrentDictionary<int, string> LookAlikes = new();

    [ThreadStatic]
    private static string? t_lastText;

    [ThreadStatic]
    private static string? t_lastFolded;

    /// <summary>How many confusable mappings were loaded (6,311 in Unicode 15.0.0).</summary>
    public static int ConfusableCount => Prototypes.Count;

    /// <summary>Default-ignorable code points: invisible by definition (zero-width, joiners, Hangul fillers, variation selectors, tags).</summary>
    public static bool IsDefaultIgnorable(int codePoint)
    {
        var (low, high) = (0, Ignorable.Length - 1);
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (codePoint < Ignorable[mid].First)
            {
                high = mid - 1;
            }
            else if (codePoint > Ignorable[mid].Last)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a character that puts no ink on the screen: white space, controls, format characters, default
    /// ignorables (Hangul fillers U+115F, U+1160, U+3164, U+FFA0 among them), unassigned code points, combining marks
    /// (they have nothing to sit on), and blank symbols (Braille blank U+2800, musical null notehead U+1D159).
    /// </summary>
    public static bool IsInvisible(Rune rune)
    {
        var cp = rune.Value;
        if (cp is BrailleBlank or MusicalNullNotehead || Rune.IsWhiteSpace(rune) || IsDefaultIgnorable(cp))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.Surrogate or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>Whether the text has at least one character that can be seen (see <see cref="IsInvisible"/>).</summary>
    public static bool HasVisibleCharacter(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The UTS #39 skeleton: NFD, every character replaced by its confusables prototype, NFD again. Two strings with
    /// the same skeleton look alike (case matters: "l" and "I" share one, "a" and "A" do not).
    /// </summary>
    public static string Skeleton(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in SafeNormalize(text, NormalizationForm.FormD).EnumerateRunes())
        {
            if (Prototypes.TryGetValue(rune.Value, out var prototype))
            {
                builder.Append(prototype);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return SafeNormalize(builder.ToString(), NormalizationForm.FormD);
    }

    /// <summary>
    /// Text folded for matching: invisible characters dropped (blank symbols and white space become one space), NFKC
    /// (fullwidth "ｓｉｔｅ" and mathematical "𝐬𝐢𝐭𝐞" become "site"), lower case, diacritics dropped, digits of any
    /// script as ASCII digits, and every other non-ASCII character that Unicode lists as a look-alike of ASCII
    /// (Cyrillic "ѕ", Greek "ο", Armenian "ս") as that ASCII. ASCII itself is left as it is (leetspeak, dots and
    /// "@" are each matcher's business), so "m" stays "m" here, unlike in <see cref="Skeleton"/>.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // One message is checked by several matchers in a row (words, the event's words, links, contact details): the
        // last folding on this thread is kept for the same string instance.
        if (ReferenceEquals(text, t_lastText) && t_lastFolded is { } last)
        {
            return last;
        }

        var folded = FoldUncached(text);
        (t_lastText, t_lastFolded) = (text, folded);
        return folded;
    }

    private static string FoldUncached(string text)
    {

        var builder = new StringBuilder(text.Length);
        var decomposed = SafeNormalize(SafeNormalize(text, NormalizationForm.FormKC), NormalizationForm.FormD);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var cp = rune.Value;
            if (cp < 0x80)
            {
                AppendSpaceOr(builder, char.IsWhiteSpace((char)cp) ? null : char.ToLowerInvariant((char)cp).ToString());
            }
            else if (cp is BrailleBlank or MusicalNullNotehead || Rune.IsWhiteSpace(rune))
            {
                AppendSpaceOr(builder, null);
            }
            else if (!IsInvisible(rune))
            {
                builder.Append(LookAlike(rune));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A key under which nicknames that look alike are equal: folded, skeleton, lower case, only letters and digits
    /// ("Slimme Vos 42", "slimme_vos_42" and "Ѕlimme Vos 42" share one; "Slimme Vos 43" does not).
    /// </summary>
    public static string NameKey(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in Skeleton(Fold(name)).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Leetspeak digits and signs to the letters they stand for ("M0d3r4t0r"); the word filter's table too.</summary>
    public static char Unleet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' or '+' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    };

    /// <summary>
    /// A looser key for names nobody may borrow ("moderator", "jury", staff names): <see cref="NameKey"/> after
    /// leetspeak ("M0d3rator"), with "l" and "i" as one letter, letters only, repeated letters collapsed.
    /// </summary>
    public static string ReservedKey(string? name)
    {
        var unleeted = new StringBuilder();
        foreach (var c in Fold(name))
        {
            unleeted.Append(c is '!' or '|' ? 'i' : Unleet(c));
        }

        var builder = new StringBuilder();
        foreach (var c in Skeleton(unleeted.ToString()).ToLowerInvariant())
        {
            var letter = c == 'l' ? 'i' : c;
            if (char.IsLetter(letter) && (builder.Length == 0 || builder[^1] != letter))
            {
                builder.Append(letter);
            }
        }

        return builder.ToString();
    }

    private static void AppendSpaceOr(StringBuilder builder, string? text)
    {
        if (text is not null)
        {
            builder.Append(text);
        }
        else if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }

    /// <summary>
    /// One non-ASCII, visible, decomposed character for matching: a digit as its ASCII digit, a look-alike of ASCII as
    /// that ASCII (trying the character, then its upper and lower case: Cyrillic "к" is listed as a look-alike of
    /// "ĸ", its capital "К" of "K"), else a letter Unicode names after an ASCII letter (small capital "ᴋ", negative
    /// squared "🅺"), otherwise the character in lower case.
    /// </summary>
    private static string LookAlike(Rune rune) => LookAlikes.GetOrAdd(rune.Value, static cp =>
    {
        var rune = new Rune(cp);
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber && Rune.GetNumericValue(rune) is >= 0 and <= 9 and var digit)
        {
            return ((int)digit).ToString(CultureInfo.InvariantCulture);
        }

        foreach (var candidate in new[] { rune, Rune.ToUpperInvariant(rune), Rune.ToLowerInvariant(rune) })
        {
            if (Prototypes.TryGetValue(candidate.Value, out var prototype) && AsciiOf(prototype) is { } ascii)
            {
                return ascii;
            }
        }

        return NamedLetters.TryGetValue(cp, out var letter) ? letter : Rune.ToLowerInvariant(rune).ToString();
    });

    /// <summary>The prototype in lower case without marks, when that is visible ASCII; otherwise null.</summary>
    private static string? AsciiOf(string prototype)
    {
        var builder = new StringBuilder();
        foreach (var rune in SafeNormalize(prototype, NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (rune.Value is < 0x21 or > 0x7E)
            {
                return null;
            }

            builder.Append(char.ToLowerInvariant((char)rune.Value));
        }

        return builder.Length > 0 ? builder.ToString() : null;
    }

    private static string SafeNormalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // A lone surrogate: drop it (Guard refuses such text anyway; matching must not throw).
            var builder = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                if (rune != Rune.ReplacementChar)
                {
                    builder.Append(rune.ToString());
                }
            }

            return builder.ToString().Normalize(form);
        }
    }

    private static IEnumerable<string> DataLines(string name)
    {
        using var stream = typeof(TextFolding).Assembly.GetManifestResourceStream($"VakkanjersLive.Domain.Moderation.Unicode.{name}")
            ?? throw new InvalidOperationException($"Embedded Unicode data {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var content = line.Split('#', 2)[0].Trim().TrimStart('\uFEFF');
            if (content.Length > 0)
            {
                yield return content;
            }
        }
    }

    private static int Hex(string value) => int.Parse(value.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static FrozenDictionary<int, string> LoadConfusables()
    {
        // "05AD ;	0596 ;	MA": source ; prototype (one or more code points) ; type (MA is the only type since Unicode 11).
        var map = new Dictionary<int, string>();
        foreach (var line in DataLines("confusables.txt"))
        {
            var fields = line.Split(';');
            var prototype = string.Concat(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => char.ConvertFromUtf32(Hex(h))));
            map[Hex(fields[0])] = prototype;
        }

        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<int, string> LoadNamedLetters() =>
        // "1D0B ; k": derived from UnicodeData.txt names (Moderation/Unicode/README.md).
        DataLines("letter-names.txt").Select(line => line.Split(';')).ToFrozenDictionary(fields => Hex(fields[0]), fields => fields[1].Trim());

    private static (int, int)[] LoadIgnorable()
    {
        // "115F..1160    ; Default_Ignorable_Code_Point" or "00AD          ; Default_Ignorable_Code_Point".
        return DataLines("default-ignorable.txt")
            .Select(line => line.Split(';')[0].Split("..", StringSplitOptions.TrimEntries))
            .Select(range => (Hex(range[0]), Hex(range[^1])))
            .OrderBy(range => range.Item1)
            .ToArray();
    }
}
