using System.Runtime.CompilerServices;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Moderation;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// The rules a chat message or nickname must pass before it is journaled: blocked words (Dutch and English starter
/// lists shipped in Data/blocked-words) and no links, e-mail addresses or phone numbers.
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
    /// A domain error code when the text breaks a rule of this event, otherwise null. The event's own words are
    /// added to the shipped lists; words it allows are taken out. E-mail addresses and phone numbers are always
    /// refused; links unless the event allows them (or <paramref name="alwaysBlockLinks"/>: questions never carry links).
    /// </summary>
    public string? Check(string? text, LiveEvent liveEvent, bool alwaysBlockLinks = false)
    {
        var allowed = _allowed.GetValue(liveEvent.AllowedWords, words => words.Select(WordFilter.Normalize).ToHashSet(StringComparer.Ordinal));
        var extra = _extraFilters.GetValue(liveEvent.ExtraBlockedWords, words => new WordFilter(words));
        return Words.IsBlocked(text, allowed) || extra.IsBlocked(text) ? "chat.blocked-word"
            : ContactDetector.HasEmail(text) || ContactDetector.HasPhoneNumber(text) ? "chat.contact-details"
            : (alwaysBlockLinks || liveEvent.ChatSettings.BlockLinks) && ContactDetector.HasLink(text) ? "chat.link"
            : null;
    }
}
