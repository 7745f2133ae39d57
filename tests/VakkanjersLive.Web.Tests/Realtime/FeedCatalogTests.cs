using System.Text.RegularExpressions;
using System.Xml.Linq;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// Every fact type has a feed decision (items, or explicitly never public) in its part's feed, and every moderation
/// action a part words has a Dutch and an English label. A new fact that forgets either fails here.
/// </summary>
public sealed partial class FeedCatalogTests
{
    [Fact]
    public void EveryFactType_HasAFeedDecision()
    {
        var factTypes = typeof(ILiveEventFact).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILiveEventFact).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(factTypes, FeedCatalog.Decided.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecretFacts_AreNeverPublic()
    {
        var e = LiveEvent.Empty;

        Assert.Empty(FeedCatalog.ToItems(e, new ScoreSubmitted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [], "goed", false, string.Empty, false), 1));
        Assert.DoesNotContain(FeedCatalog.ToItems(e, new RevealPrepared(Guid.NewGuid(), false, [new RevealEntry(Guid.NewGuid(), 1, 9.5, false)]), 1), i => i.Score is not null || i.Team is not null);
        Assert.Empty(FeedCatalog.ToItems(e, new ChatHeld(Guid.NewGuid(), Guid.NewGuid(), "Vos", "geheim"), 1));
        Assert.Empty(FeedCatalog.ToItems(e, new QuestionAsked(Guid.NewGuid(), Guid.NewGuid(), "Vos", "geheim"), 1));
    }

    [Fact]
    public void EveryModerationAction_HasALabelInBothLanguages()
    {
        var root = FindRoot();
        var actions = Directory.EnumerateFiles(Path.Combine(root, "src", "VakkanjersLive.Domain", "Events"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ModerationAction().Matches(File.ReadAllText(f)))
            .SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value })
            .Where(a => a.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("banned", actions);
        Assert.Contains("poll-results-hidden", actions);
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = XDocument.Load(Path.Combine(root, "src", "VakkanjersLive.Web", "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Empty(actions.Where(a => !keys.Contains("ModerationLog." + a)).Order());
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VakkanjersLive.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex("""(?:Moderation\(|AuditTrail\.Moderation, )(?:e\.\w+(?:\.\w+)* \? )?"([a-z][a-z-]*)"(?: : "([a-z][a-z-]*)")?""")]
    private static partial Regex ModerationAction();
}
