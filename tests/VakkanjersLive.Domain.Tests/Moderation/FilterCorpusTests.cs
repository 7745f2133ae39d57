using System.Globalization;
using System.Text.RegularExpressions;
using VakkanjersLive.Domain.Moderation;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Domain.Tests.Moderation;

/// <summary>
/// The filters on two corpora (Moderation/Corpus): ordinary Dutch pupil chat that must all pass (no false alarms:
/// scores, dates, times, team and school names, Scunthorpe-type words, emoji), and the evasions of issue 11 that must
/// all be refused, each by the rule meant for it. The shipped Dutch and English word lists are the ones chat uses.
/// </summary>
public sealed partial class FilterCorpusTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "VakkanjersLive.Domain.Tests", "Moderation", "Corpus");

    private static readonly WordFilter Shipped = new(
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "VakkanjersLive.Web", "Data", "blocked-words"), "*.txt")
            .SelectMany(File.ReadLines)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#')));

    public static TheoryData<string> OrdinaryChat => [.. Lines("ordinary-chat.txt")];

    public static TheoryData<string, string> Evasions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var line in Lines("evasions.txt"))
            {
                var (kind, text) = (line.Split('\t', 2)[0], line.Split('\t', 2)[1]);
                data.Add(kind, text);
            }

            return data;
        }
    }

    [Fact]
    public void TheCorporaAreLargeEnough()
    {
        Assert.True(OrdinaryChat.Count >= 150, $"{OrdinaryChat.Count} ordinary lines");
        Assert.True(Evasions.Count >= 60, $"{Evasions.Count} evasions");
    }

    [Theory]
    [MemberData(nameof(OrdinaryChat))]
    public void OrdinaryChat_PassesEveryFilter(string text)
    {
        Assert.Equal(text, Guard.Text(text, "chat.text", 300));
        Assert.Null(Shipped.FindBlocked(text));
        Assert.False(ContactDetector.HasLink(text), "link");
        Assert.False(ContactDetector.HasEmail(text), "e-mail");
        Assert.False(ContactDetector.HasPhoneNumber(text), "phone");
        Assert.False(ContactDetector.HasSocialHandle(text), "handle");
        Assert.True(TextFolding.HasVisibleCharacter(text));
    }

    [Theory]
    [MemberData(nameof(Evasions))]
    public void Evasion_IsRefusedByItsRule(string kind, string escaped)
    {
        var text = Unescape(escaped);
        switch (kind)
        {
            case "word":
                Assert.NotNull(Shipped.FindBlocked(text));
                break;
            case "link":
                Assert.True(ContactDetector.HasLink(text));
                break;
            case "contact":
                Assert.True(ContactDetector.HasPersonalContact(text));
                break;
            case "invisible":
                Assert.Equal("chat.text.required", Assert.Throws<DomainException>(() => Guard.Text(text, "chat.text", 300)).Code);
                Assert.False(TextFolding.HasVisibleCharacter(text));
                break;
            default:
                Assert.Fail($"unknown kind {kind}");
                break;
        }
    }

    private static IEnumerable<string> Lines(string file) =>
        File.ReadLines(Path.Combine(Folder, file)).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static string Unescape(string text) =>
        Escape().Replace(text, m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value + m.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")]
    private static partial Regex Escape();
}
