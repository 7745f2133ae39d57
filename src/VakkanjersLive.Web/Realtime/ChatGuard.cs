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

    public WordFilter Words { get; }

    /// <summary>A domain error code when the text breaks a rule, otherwise null.</summary>
    public string? Check(string? text) =>
        Words.IsBlocked(text) ? "chat.blocked-word"
        : ContactDetector.HasEmail(text) || ContactDetector.HasPhoneNumber(text) ? "chat.contact-details"
        : ContactDetector.HasLink(text) ? "chat.link"
        : null;
}
