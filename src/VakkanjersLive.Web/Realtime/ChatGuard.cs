using System.Runtime.CompilerServices;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Moderation;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// The rules a chat message or nickname must pass before it is journaled: blocked words (Dutch and English starter
/// lists shipped in Data/blocked-words) and no links, e-mail addresses, phone numbers or social-media handles, all
/// matched on folded text (look-alike letters, fullwidth, invisible characters: docs/filters.md).
/// </summary>
public sealed class ChatGuard
{
    public ChatGuard(IWebHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, "Data", "blocked-words");
        var words = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.txt").SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#'))
            : [];
        Words = new WordFilter(words);
    }

    private readonly ConditionalWeakTable<IReadOnlySet<string>, WordFilter> _extraFilters = [];
    private readonly ConditionalWeakTable<IReadOnlySet<string>, HashSet<string>> _allowed = [];

    public WordFilter Words { get; }

    /// <summary>
    /// The code from <paramref name="rules"/> for the first rule the text breaks in this event, otherwise null. The
    /// event's own words are added to the shipped lists; words it allows are taken out. E-mail addresses, phone
    /// numbers and social-media handles are always refused (an "@" before a nickname in use in the event is a mention);
    /// links unless the event allows them (questions never carry links).
    /// </summary>
    public string? Check(string? text, LiveEvent liveEvent, GuardRules rules)
    {
        var allowed = _allowed.GetValue(liveEvent.AllowedWords, words => words.Select(WordFilter.Normalize).ToHashSet(StringComparer.Ordinal));
        var extra = _extraFilters.GetValue(liveEvent.ExtraBlockedWords, words => new WordFilter(words));
        return Words.IsBlocked(text, allowed) || extra.IsBlocked(text) ? rules.BlockedWord
            : ContactDetector.HasPersonalContact(text, word => liveEvent.Chat.NicknameOwners.ContainsKey(TextFolding.NameKey(word))) ? rules.ContactDetails
            : (rules.AlwaysBlockLinks || liveEvent.ChatSettings.BlockLinks) && ContactDetector.HasLink(text) ? rules.Link
            : null;
    }
}

/// <summary>What <see cref="ChatGuard"/> answers for a text of one kind, and whether links are always refused.</summary>
public sealed record GuardRules(string BlockedWord, string ContactDetails, string Link, bool AlwaysBlockLinks)
{
    public static GuardRules Chat { get; } = new(HubErrorCodes.ChatBlockedWord, HubErrorCodes.ChatContactDetails, HubErrorCodes.ChatLink, AlwaysBlockLinks: false);

    /// <summary>A nickname: the chat's rules, with a blocked word refused as a nickname.</summary>
    public static GuardRules Nickname { get; } = Chat with { BlockedWord = HubErrorCodes.NicknameBlocked };

    /// <summary>A question: the chat's rules and never a link, with codes that speak of a question.</summary>
    /// <summary>A report's reason: the chat's rules and never a link (a moderator reads it, but it is pupils' text).</summary>
    public static GuardRules ReportReason { get; } = new(HubErrorCodes.ReportReasonRefused, HubErrorCodes.ReportReasonRefused, HubErrorCodes.ReportReasonRefused, AlwaysBlockLinks: true);

    public static GuardRules Question { get; } = new(HubErrorCodes.QuestionBlockedWord, HubErrorCodes.QuestionContactDetails, HubErrorCodes.QuestionLink, AlwaysBlockLinks: true);
}
