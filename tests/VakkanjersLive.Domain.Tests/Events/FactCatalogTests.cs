using System.Reflection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Tests.Journal;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Every fact type belongs to exactly one part, which folds it and decides its privacy and its audit line. A new
/// fact that a part forgot to register fails here, not on a live event.
/// </summary>
public sealed class FactCatalogTests
{
    private static readonly string[] ViewerFields = ["ViewerId", "ReporterId", "Nickname"];

    private static IEnumerable<Type> FactTypes => typeof(ILiveEventFact).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILiveEventFact).IsAssignableFrom(t));

    private static IEnumerable<ILiveEventFact> EventSamples => FactSerializerTests.Samples.Values.OfType<ILiveEventFact>();

    public static TheoryData<string> FactTypeNames => new(FactTypes.Select(t => t.Name));

    [Fact]
    public void EveryFactType_IsOwnedByOnePart()
    {
        var registered = FactCatalog.All.Select(r => r.FactType.Name).Order(StringComparer.Ordinal);

        Assert.Equal(FactTypes.Select(t => t.Name).Order(StringComparer.Ordinal), registered);
        Assert.All(FactCatalog.All, r => Assert.True(r.Part != EventParts.None && (r.Part & (r.Part - 1)) == 0, $"{r.FactType.Name} has part {r.Part}"));
    }

    [Theory]
    [MemberData(nameof(FactTypeNames))]
    public void EveryFactType_HasAPrivacyAndAnAuditDecision(string typeName)
    {
        var rule = FactCatalog.RuleOf(FactTypes.Single(t => t.Name == typeName));

        Assert.NotNull(rule.Privacy);
        Assert.NotNull(rule.Audit);
    }

    [Fact]
    public void FoldingAnyFact_ReachesItsPart()
    {
        foreach (var fact in EventSamples)
        {
            var thrown = Record.Exception(() => LiveEvent.Empty.Apply(fact, 1));

            // Some folds need earlier facts (a reveal step needs its reveal); none may fail for want of a part.
            Assert.False(thrown is InvalidOperationException { Message: var m } && m.StartsWith("No part owns", StringComparison.Ordinal), fact.GetType().Name);
        }
    }

    [Fact]
    public void FactsThatNameAViewer_AreBlankedByThePurge_OnceAndForAll()
    {
        foreach (var fact in EventSamples.Where(f => f.GetType().GetProperties().Any(p => ViewerFields.Contains(p.Name))))
        {
            var name = fact.GetType().Name;
            var redacted = FactCatalog.Redact(fact);

            Assert.True(redacted is not null, $"{name} names a viewer but the purge leaves it as it is");
            foreach (var property in fact.GetType().GetProperties().Where(p => ViewerFields.Contains(p.Name) || p.Name is "Text" or "Reason"))
            {
                Assert.True(IsBlank(property.GetValue(redacted)), $"{name}.{property.Name} survives the purge");
            }

            Assert.Null(FactCatalog.Redact(redacted!));
        }
    }

    [Fact]
    public void FactsWithoutViewerData_AreLeftAsTheyAre()
    {
        foreach (var fact in EventSamples.Where(f => !f.GetType().GetProperties().Any(p => ViewerFields.Contains(p.Name))))
        {
            Assert.Null(FactCatalog.Redact(fact));
        }
    }

    [Fact]
    public void AuditLines_AreWordedWithoutAnEarlierState()
    {
        var lines = EventSamples.Select(f => (f, Line: FactCatalog.Describe(LiveEvent.Empty, f))).ToList();

        Assert.Contains(lines, l => l.Line is { Trail: AuditTrail.Moderation, Action: "banned" } && l.f is ViewerBanned);
        Assert.Contains(lines, l => l.Line is { Trail: AuditTrail.Judging, Action: "score corrected", Values: "=7, =3" } && l.f is ScoreSubmitted);
        Assert.All(lines.Where(l => l.f is ChatPosted or VoteCast or QuestionAsked or TeamRegistered), l => Assert.Null(l.Line));
    }

    [Fact]
    public void PartOf_NamesThePartThatOwnsTheFact()
    {
        Assert.Equal(EventParts.Chat, FactCatalog.PartOf(new ChatPosted(Guid.NewGuid(), Guid.NewGuid(), "Vos", "Hoi")));
        Assert.Equal(EventParts.Polls, FactCatalog.PartOf(new VoteCast(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid())));
        Assert.Equal(EventParts.Judging, FactCatalog.PartOf(new RoundLocked(Guid.NewGuid())));
        Assert.Equal(EventParts.Show, FactCatalog.PartOf(new StageSet(Guid.NewGuid(), null)));
        Assert.Equal(EventParts.Roster, FactCatalog.PartOf(new TeamWithdrawn(Guid.NewGuid())));
        Assert.Equal(EventParts.Questions, FactCatalog.PartOf(new QuestionHighlighted(null)));
        Assert.Equal(EventParts.Details, FactCatalog.PartOf(new EventDetailsChanged("Finale", new DateOnly(2026, 6, 1), string.Empty, string.Empty)));
    }

    private static bool IsBlank(object? value) => value switch
    {
        null => true,
        Guid g => g == Guid.Empty,
        string s => s.Length == 0,
        _ => false,
    };
}
