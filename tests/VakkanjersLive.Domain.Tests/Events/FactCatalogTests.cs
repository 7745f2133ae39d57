using System.Reflection;
using System.Xml.Linq;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Tests.Journal;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Every fact type belongs to exactly one part, which folds it and decides its privacy and its audit line (the
/// registration cannot leave either out: <see cref="PartRegistration{TPart}.On{TFact}"/> takes both). A new fact that
/// a part forgot to register, or whose viewer data the purge would keep, fails here, not on a live event.
/// </summary>
public sealed class FactCatalogTests
{
    private static readonly string[] ViewerFields = ["ViewerId", "ReporterId", "Nickname"];

    private static IEnumerable<Type> FactTypes => typeof(ILiveEventFact).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILiveEventFact).IsAssignableFrom(t));

    private static IEnumerable<ILiveEventFact> EventSamples => FactSerializerTests.Samples.Values.OfType<ILiveEventFact>();

    [Fact]
    public void EveryFactType_IsOwnedByOnePart()
    {
        var registered = FactCatalog.All.Select(r => r.FactType.Name).Order(StringComparer.Ordinal);

        Assert.Equal(FactTypes.Select(t => t.Name).Order(StringComparer.Ordinal), registered);
        Assert.All(FactCatalog.All, r => Assert.True(r.Part != EventParts.None && (r.Part & (r.Part - 1)) == 0, $"{r.FactType.Name} has part {r.Part}"));
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
    public void FieldsThatLookLikeViewerData_AreMarkedAsSuch()
    {
        var unmarked = FactTypes.SelectMany(t => t.GetProperties().Where(p => ViewerFields.Contains(p.Name) && p.GetCustomAttribute<ViewerDataAttribute>() is null).Select(p => $"{t.Name}.{p.Name}"));

        Assert.Empty(unmarked);
    }

    [Fact]
    public void FactsWithViewerData_AreBlankedByThePurge_OnceAndForAll()
    {
        var marked = EventSamples.Where(f => ViewerDataOf(f.GetType()).Any()).ToList();

        Assert.NotEmpty(marked);
        foreach (var fact in marked)
        {
            var name = fact.GetType().Name;
            var redacted = FactCatalog.Redact(fact);

            Assert.True(redacted is not null, $"{name} holds viewer data but the purge leaves it as it is");
            foreach (var property in ViewerDataOf(fact.GetType()))
            {
                Assert.True(IsBlank(property.GetValue(redacted)), $"{name}.{property.Name} survives the purge");
            }

            foreach (var property in fact.GetType().GetProperties().Except(ViewerDataOf(fact.GetType())))
            {
                Assert.Equal(property.GetValue(fact), property.GetValue(redacted));
            }

            Assert.Null(FactCatalog.Redact(redacted!));
        }
    }

    [Fact]
    public void FactsWithoutViewerData_AreLeftAsTheyAre()
    {
        foreach (var fact in EventSamples.Where(f => !ViewerDataOf(f.GetType()).Any()))
        {
            Assert.True(FactCatalog.RuleOf(fact).Privacy == FactPrivacy.NoPersonalData, $"{fact.GetType().Name} erases fields that are not marked [ViewerData]");
            Assert.Null(FactCatalog.Redact(fact));
        }
    }

    [Fact]
    public void EveryModerationAction_HasALabelInBothLanguages()
    {
        // Every sample, plus the other branch of the facts whose wording depends on a value.
        var facts = EventSamples.Concat([new PollResultsSwitched(Guid.NewGuid(), false), new QuestionHighlighted(null), new QuestionsSwitched(false)]);
        var actions = facts.Select(f => FactCatalog.Describe(LiveEvent.Empty, f)).OfType<AuditLine>()
            .Where(l => l.Trail == AuditTrail.Moderation)
            .Select(l => l.Action)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("poll-results-hidden", actions);
        Assert.Contains("question-highlight-ended", actions);
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = XDocument.Load(Path.Combine(FindRoot(), "src", "VakkanjersLive.Web", "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Empty(actions.Where(a => !keys.Contains("ModerationLog." + a)).Order());
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

    [Fact]
    public void ChangedParts_IncludeWhatCrossPartRulesReached()
    {
        var viewer = Guid.NewGuid();
        var question = Guid.NewGuid();
        var before = LiveEvent.Empty
            .Then(new EventCreated(Guid.NewGuid(), EventKind.TechniekLive, "Techniek LIVE", new DateOnly(2026, 3, 12), string.Empty, string.Empty, "ABC234"))
            .Then(new ChatPosted(Guid.NewGuid(), viewer, "Vos", "hoi"))
            .Then(new QuestionsSwitched(true))
            .Then(new QuestionAsked(question, viewer, "Vos", "Hoe werkt het?"));

        Assert.Equal(EventParts.Chat | EventParts.Questions, LiveEvent.ChangedParts(before, before.Then(new ViewerBanned(viewer))));
        Assert.Equal(EventParts.Chat | EventParts.Polls | EventParts.Questions, LiveEvent.ChangedParts(before, before.Then(new ChatPurged(1))));
        Assert.Equal(EventParts.Questions, LiveEvent.ChangedParts(before, before.Then(new QuestionApproved(question))));
    }

    private static IEnumerable<PropertyInfo> ViewerDataOf(Type factType) =>
        factType.GetProperties().Where(p => p.GetCustomAttribute<ViewerDataAttribute>() is not null);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VakkanjersLive.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static bool IsBlank(object? value) => value switch
    {
        null => true,
        Guid g => g == Guid.Empty,
        string s => s.Length == 0,
        _ => false,
    };
}
