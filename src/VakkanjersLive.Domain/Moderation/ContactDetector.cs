using System.Text;
using System.Text.RegularExpressions;

namespace VakkanjersLive.Domain.Moderation;

/// <summary>
/// Spots links, e-mail addresses, phone numbers and social-media handles or invites in chat. Our viewers are minors:
/// such details are personal data (or a way to move a child to another channel), so they are blocked by default.
/// Every check runs on the text folded by <see cref="TextFolding.Fold"/> (fullwidth and look-alike letters, invisible
/// characters), so "ｓｉｔｅ．ｎｌ" is "site.nl". What is caught and what is let through on purpose: docs/filters.md.
/// </summary>
public static partial class ContactDetector
{
    /// <summary>
    /// A link: "http(s)://", "www.", or a name and a common ending joined by a dot. The dot may be spelled ("dot",
    /// "punt", "(.)", "[.]", "{.}", "-dot-") or, before an ending that is no word ("nl", "com", "gg" …), written with a
    /// space before it ("site . nl", "site .nl") or repeated ("site..nl", "site . . nl"). A dot followed by a space
    /// is a full stop, so "Goed gedaan. De jury" is a sentence. Discord and Telegram invites are caught without their
    /// dot too ("discord gg/abc", "discordgg/abc").
    /// </summary>
    public static bool HasLink(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = SpelledDots(TextFolding.Fold(text));
        var dotted = folded.Contains('.', StringComparison.Ordinal);
        return (dotted || folded.Contains("://", StringComparison.Ordinal)) && (LinkPattern().IsMatch(folded) || LooseDotLinkPattern().IsMatch(folded))
            || (folded.Contains("discord", StringComparison.Ordinal) || dotted) && InvitePattern().IsMatch(folded);
    }

    public static bool HasEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = TextFolding.Fold(text);
        return (folded.Contains('@', StringComparison.Ordinal) || folded.Contains("at", StringComparison.Ordinal) || folded.Contains("apenstaartje", StringComparison.Ordinal))
            && EmailPattern().IsMatch(SpelledDots(folded));
    }

    /// <summary>
    /// Nine or more digits split only by spaces or dashes (Dutch numbers have ten: 06-12345678, 010-1234567), or an
    /// international number (+31 6…, 0031 6…). Scores ("8.5 9.5"), dates ("12-05-2026") and counts do not match, nor
    /// does a countdown ("10 9 8 … 1"). Also a number that starts with 0 or + and is written partly with letters for
    /// digits ("o6-l2345678") or with number words in Dutch or English ("nul zes twaalf vierendertig …", "zero six one
    /// two …"); such a run needs at least one word or letter, nine digits and three different digits.
    /// </summary>
    public static bool HasPhoneNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = TextFolding.Fold(text);
        return PhonePattern().Matches(folded).Any(m => !IsCountdown(m.Value)) || PhoneWords.HasSpelledNumber(folded);
    }

    /// <summary>
    /// A social-media handle or invite: a platform (snap, insta, tiktok, discord, whatsapp, telegram …) with a handle
    /// ("snap: jan", "insta @jan", "tiktok jan_2012", "@jan op tiktok"), a request to move ("add me on snap", "voeg me
    /// toe op snapchat", "volg me op insta", "dm me", "app me"), a Discord tag ("jan#1234"), or an "@" handle shaped like
    /// one ("@jan_2012", "@lotte.x", "@jan2012"). A plain mention of a first name ("@Sanne goed gedaan!") or a team
    /// ("@team12") is chat, not a handle, and passes; so does an "@" before a nickname in use in the event, when
    /// <paramref name="isNickname"/> says so, and naming a platform ("heb je dat op tiktok gezien?", "ik snap het niet").
    /// </summary>
    public static bool HasSocialHandle(string? text, Func<string, bool>? isNickname = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = TextFolding.Fold(text);
        if (PlatformHandlePattern().IsMatch(folded) || MoveRequestPattern().IsMatch(folded) || DirectMessagePattern().IsMatch(folded)
            || (folded.Contains('#', StringComparison.Ordinal) && DiscordTagPattern().IsMatch(folded)) || MentionNearPlatformPattern().IsMatch(folded))
        {
            return true;
        }

        foreach (Match match in PlatformWordPattern().Matches(folded))
        {
            if (IsHandleShaped(match.Groups["handle"].Value))
            {
                return true;
            }
        }

        return AtHandlePattern().Matches(folded).Any(m =>
        {
            var handle = m.Groups["handle"].Value;
            return IsHandleShaped(handle) && !IsEmailDomain(folded, m) && !TeamWordPattern().IsMatch(handle) && isNickname?.Invoke(handle) != true;
        });
    }

    /// <summary>
    /// E-mail addresses, phone numbers and social-media handles: always refused, whatever the event allows for links.
    /// <paramref name="isNickname"/>: whether an "@" word is a nickname in use in the event (a mention, not a handle).
    /// </summary>
    public static bool HasPersonalContact(string? text, Func<string, bool>? isNickname = null) =>
        HasEmail(text) || HasPhoneNumber(text) || HasSocialHandle(text, isNickname);

    public static bool HasContactDetails(string? text) => HasLink(text) || HasPersonalContact(text);

    /// <summary>Spelled-out dots as "." ("site (punt) nl" is "site.nl"); each pattern runs only when its marks are there.</summary>
    private static string SpelledDots(string folded)
    {
        var text = folded.Replace('\u3002', '.');
        if (text.AsSpan().IndexOfAny("[({<-_*~") >= 0)
        {
            text = BracketDotPattern().Replace(text, ".");
        }

        return text.Contains("dot", StringComparison.Ordinal) || text.Contains("d0t", StringComparison.Ordinal) || text.Contains("punt", StringComparison.Ordinal) || text.Contains("slash", StringComparison.Ordinal)
            ? WordDotPattern().Replace(text, ".")
            : text;
    }

    /// <summary>A handle, not a name: 3–30 characters with a letter and an underscore, an inner dot, or two digits.</summary>
    private static bool IsHandleShaped(string handle)
    {
        var trimmed = handle.TrimEnd('.', '_');
        return trimmed.Length is >= 3 and <= 30 && trimmed.Any(char.IsAsciiLetter)
            && (trimmed.Contains('_', StringComparison.Ordinal) || trimmed.Contains('.', StringComparison.Ordinal) || trimmed.Count(char.IsAsciiDigit) >= 2);
    }

    private static bool IsEmailDomain(string text, Match at) => at.Index > 0 && char.IsAsciiLetterOrDigit(text[at.Index - 1]);

    /// <summary>"10 9 8 7 6 5 4 3 2 1" and "1 2 3 … 10": numbers that each differ by one from the last.</summary>
    private static bool IsCountdown(string candidate)
    {
        var numbers = candidate.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length < 5 || !numbers.All(n => n.All(char.IsAsciiDigit) && n.Length <= 2))
        {
            return false;
        }

        var values = numbers.Select(int.Parse).ToList();
        var step = values[1] - values[0];
        return step is 1 or -1 && values.Zip(values.Skip(1)).All(p => p.Second - p.First == step);
    }

    private const string Endings = "nl|com|net|org|be|de|eu|io|tv|gg|me|info|app|co|uk|ly|link";

    // Endings that are no Dutch or English word, so a spaced or doubled dot before them still makes a link.
    private const string SafeEndings = "nl|com|org|gg|io|eu|uk|ly|xyz|ru";

    private const string Platforms = @"snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|discord|dc|whats\s?app|wa|telegram|tg|signal|kik|twitter|bereal|roblox|youtube|yt|twitch|steam|fortnite|psn|xbox|facebook|fb|messenger|wechat";

    [GeneratedRegex(@"(https?://|www\s*\.|\b[a-z0-9-]{2,}\.(" + Endings + @")\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\b[a-z0-9-]{2,}(\s+\.\s*|(\s*\.){2,}\s*)(" + SafeEndings + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooseDotLinkPattern();

    [GeneratedRegex(@"\bdiscord\s*\.?\s*gg\b|\bdiscord(app)?\.com\s*/\s*invite|\b(t|wa)\.me\s*/|\bchat\.whatsapp\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvitePattern();

    [GeneratedRegex(@"\s*[\[({<]\s*(\.|dot|d0t|punt)\s*[\])}>]\s*|\s*[-_*~]+\s*(dot|d0t|punt)\s*[-_*~]+\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracketDotPattern();

    // "site dot nl", "site d0t nl", "mijnsite dotcom", "sitepuntnl": the word for a dot before an ending (or between
    // spaces: "school dot nl", "slash" for "/").
    [GeneratedRegex(@"\s+(dot|d0t|punt)\s+|(?<=[a-z0-9]{2})\s?(dot|d0t|punt)\s?(?=(" + SafeEndings + @")\b)|\s+slash\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordDotPattern();

    [GeneratedRegex(@"[a-z0-9._%+-]+\s?(@|\[at\]|\(at\)|\sat\s|\sapenstaartje\s)\s?[a-z0-9-]+\.[a-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(\+|\b00)\s?[1-9]\d{0,2}[\s-]?\(?0?\)?[\s-]?\d([\s-]?\d){6,}|(?<![\d.,])\d([\s-]?\d){8,}(?![\d.,]\d)|\b0\d(\.\d\d){4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // "snap: jan", "insta = jan", "tiktok @jan", "mijn snap is @jan".
    [GeneratedRegex(@"\b(" + Platforms + @")\b\s*([:=]\s*@?[a-z0-9._-]{2,}|(is|naam|name|id|account)?\s*@[a-z0-9._]{2,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformHandlePattern();

    // "snap jan_2012", "mijn insta is jan.vries": a platform, then a word that is checked for the shape of a handle.
    [GeneratedRegex(@"\b(" + Platforms + @")\b\s*(is|naam|name|id|account)?\s+@?(?<handle>[a-z0-9._]{3,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformWordPattern();

    // "add me on snap", "voeg me toe op snapchat", "volg me op insta", "follow us on tiktok".
    [GeneratedRegex(@"\b(add|adden|adde|voeg|follow|followen|volg|volgen|sub|subscribe|abonneer|zoek|search)\s+(me|mij|ons|us)\b.{0,24}?\b(" + Platforms + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoveRequestPattern();

    // "dm me", "app me even", "whatsapp mij": a private message asked for (this chat has none), not "ik app me moeder".
    [GeneratedRegex(@"\b(dm|pm|whatsapp|app|sms|text|snapchat|sc|ig)\s+(me|mij|ons|us)\s*([.!?]|$|ff\b|even\b|maar\b|dan\b|als\b|later\b|pls\b|plz\b|please\b|priv)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectMessagePattern();

    [GeneratedRegex(@"\b[a-z0-9_.]{2,32}#\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiscordTagPattern();

    // "@jan op tiktok", "@jan (insta)".
    [GeneratedRegex(@"@[a-z0-9._]{2,}\s*[(\[-]?\s*((op|on|via|in|at)\s+)?(" + Platforms + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionNearPlatformPattern();

    [GeneratedRegex(@"@(?<handle>[a-z0-9._]{2,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtHandlePattern();

    // "@team12", "@groep8b": a team, group or class with its number is a mention.
    [GeneratedRegex(@"^(team|groep|klas|tafel|rij|zaal|ronde|stand|group|class)\d+[a-z]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeamWordPattern();

    /// <summary>Phone numbers written with letters for digits or with number words (Dutch and English).</summary>
    private static class PhoneWords
    {
        private static readonly Dictionary<string, int> Words = Build();

        public static bool HasSpelledNumber(string folded)
        {
            var run = new List<(string Digits, bool Spelled)>();
            foreach (var token in Tokens(folded).Append(null))
            {
                if (token is not null && Value(token) is { } value)
                {
                    run.Add(value);
                    continue;
                }

                if (IsPhone(run))
                {
                    return true;
                }

                run.Clear();
            }

            return false;
        }

        private static bool IsPhone(List<(string Digits, bool Spelled)> run)
        {
            if (!run.Exists(r => r.Spelled))
            {
                return false;
            }

            // English "thirty four": a ten and a unit read as one number.
            var values = new List<string>();
            for (var i = 0; i < run.Count; i++)
            {
                var digits = run[i].Digits;
                if (digits.Length == 2 && digits[1] == '0' && digits[0] >= '2' && i + 1 < run.Count && run[i + 1].Digits.Length == 1 && run[i + 1].Digits != "0" && run[i + 1].Digits != "+")
                {
                    digits = string.Concat(digits.AsSpan(0, 1), run[++i].Digits);
                }

                values.Add(digits);
            }

            var number = string.Concat(values).TrimStart('+');
            var international = values[0] == "+" || number.StartsWith("00", StringComparison.Ordinal);
            return number.Length >= 9 && number.All(char.IsAsciiDigit) && (international || number[0] == '0') && number.Distinct().Count() >= 3
                && !IsCountdown(string.Join(' ', values.Where(v => v != "+")));
        }

        /// <summary>The digits a token stands for, and whether it was spelled (a number word or letters for digits).</summary>
        private static (string, bool)? Value(string token)
        {
            if (token == "+" || token == "plus")
            {
                return ("+", token == "plus");
            }

            if (token.All(char.IsAsciiDigit))
            {
                return (token, false);
            }

            if (Words.TryGetValue(token, out var value))
            {
                return (value.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
            }

            // "0six": digits glued to a number word.
            var lead = token.TakeWhile(char.IsAsciiDigit).Count();
            if (lead > 0 && Words.TryGetValue(token[lead..], out var tail))
            {
                return (token[..lead] + tail.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
            }

            // "o6", "l2345678", "1234s678": digits with look-alike letters among them.
            if (token.Any(char.IsAsciiDigit) && token.All(c => char.IsAsciiDigit(c) || DigitOf(c) is not null))
            {
                return (string.Concat(token.Select(c => char.IsAsciiDigit(c) ? c : DigitOf(c)!.Value)), true);
            }

            return null;
        }

        private static char? DigitOf(char c) => c switch
        {
            'o' => '0',
            'i' or 'l' or '|' or '!' => '1',
            'z' => '2',
            'e' => '3',
            'a' => '4',
            's' => '5',
            'g' => '6',
            't' => '7',
            'b' => '8',
            'q' => '9',
            _ => null,
        };

        private static IEnumerable<string> Tokens(string folded)
        {
            var token = new StringBuilder();
            foreach (var c in folded)
            {
                if (char.IsAsciiLetterOrDigit(c) || (c is '|' or '!' && token.Length > 0))
                {
                    token.Append(c);
                    continue;
                }

                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }

                if (c == '+')
                {
                    yield return "+";
                }
                else if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or ',' or '/' or '(' or ')' or ':' or ';' or '_'))
                {
                    // Anything else (a letter of another script, an emoji, "?") ends the run.
                    yield return "\0";
                }
            }

            if (token.Length > 0)
            {
                yield return token.ToString();
            }
        }

        private static Dictionary<string, int> Build()
        {
            string[] dutchUnits = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"];
            string[] dutchTeens = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"];
            string[] dutchTens = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];
            string[] englishUnits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
            string[] englishTeens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
            string[] englishTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

            var words = new Dictionary<string, int>(StringComparer.Ordinal) { ["oh"] = 0, ["nought"] = 0 };
            for (var i = 0; i < 10; i++)
            {
                words[dutchUnits[i]] = i;
                words[englishUnits[i]] = i;
                words[dutchTeens[i]] = 10 + i;
                words[englishTeens[i]] = 10 + i;
            }

            for (var tens = 2; tens < 10; tens++)
            {
                words[dutchTens[tens]] = tens * 10;
                words[englishTens[tens]] = tens * 10;
                for (var unit = 1; unit < 10; unit++)
                {
                    // "eenentwintig", "tweeentwintig" (tweeëntwintig folded), "twentyone".
                    words[dutchUnits[unit] + "en" + dutchTens[tens]] = (tens * 10) + unit;
                    words[englishTens[tens] + englishUnits[unit]] = (tens * 10) + unit;
                }
            }

            return words;
        }
    }
}
