using System.Reflection;
using System.Xml.Linq;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Tests.Journal;
using VakkanjersLive.Tests.Shared;

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
            Assert.True(FactCatalog.Redact(fact) is null, $"{fact.GetType().Name} is blanked by the chat purge but has no field marked [ViewerData]");
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
            var keys = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "VakkanjersLive.Web", "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Empty(actions.Where(a => !keys.Contains("ModerationLog." + a)).Order());
        }
    }

    [Fact]
    public void FactsWithPupilsNamesOrJudgeCodes_AreBlankedByTheRosterPurge_OnceAndForAll()
    {
        var roster = EventSamples.Where(f => RosterData(f).Count > 0).ToList();
        Assert.Equal(
            ["ClassAdded", "ClassCodeIssued", "FinalistsImported", "JudgeCodeHashesIssued", "JudgeCodesIssued", "ScreenTokenIssued", "SpeeddateCompanyAdded", "SpeeddateCompanyLinkIssued", "TeacherLinkIssued", "TeamChanged", "TeamRegistered"],
            roster.Select(f => f.GetType().Name).Order(StringComparer.Ordinal));

        foreach (var fact in roster)
        {
            var name = fact.GetType().Name;
            var redacted = FactCatalog.Redact(fact, PrivacyPurge.Roster);

            Assert.True(redacted is not null, $"{name} holds pupils' names or judge codes but the roster purge leaves it as it is");
            Assert.Empty(RosterData(redacted!));
            Assert.Null(FactCatalog.Redact(redacted!, PrivacyPurge.Roster));
            Assert.Null(FactCatalog.Redact(fact, PrivacyPurge.Audience));
        }
    }

    [Fact]
    public void FactsWithoutRosterData_AreLeftAsTheyAreByTheRosterPurge()
    {
        foreach (var fact in EventSamples.Where(f => RosterData(f).Count == 0))
        {
            Assert.True(FactCatalog.Redact(fact, PrivacyPurge.Roster) is null, $"{fact.GetType().Name} is changed by the roster purge");
        }
    }

    [Fact]
    public void AnEvent_KnowsWhichPurgesStillHaveSomethingToErase()
    {
        var team = new TeamRegistered(Guid.NewGuid(), "De Bouwers", Guid.NewGuid(), Guid.NewGuid(), "Slimme kas", ["Daan"]);
        var judge = new JudgeAppointed(Guid.NewGuid(), "Mevr. Jansen", team.CategoryId, null, true);
        var state = LiveEvent.Empty
            .Apply(new EventCreated(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", new DateOnly(2026, 6, 1), string.Empty, string.Empty, "ABC234"), 1)
            .Apply(new CategoryAdded(team.CategoryId, "Junior", string.Empty), 2);
        Assert.Equal(PrivacyPurge.None, state.Unerased);

        state = state.Apply(team, 3).Apply(judge, 4).Apply(new JudgeCodesIssued([new JudgeCode(judge.JudgeId, "ABCDE23456")]), 5);
        Assert.Equal(PrivacyPurge.Roster, state.Unerased);

        state = state.Apply(new VoteCast(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()), 6);
        Assert.Equal(PrivacyPurge.Roster | PrivacyPurge.Audience, state.Unerased);

        state = state.Apply(new ChatPurged(0), 7);
        Assert.Equal(PrivacyPurge.Roster, state.Unerased);

        state = state.Apply(new RosterPurged(2), 8);
        Assert.Equal(PrivacyPurge.None, state.Unerased);
        Assert.Equal(["De Bouwers"], state.Teams.Select(t => t.Name));
        Assert.All(state.Teams, t => Assert.Empty(t.MemberFirstNames));
        Assert.All(state.Judges, j => Assert.Null(j.CodeHash));

        // A blanked entry (as the journal holds it after the purge) brings nothing back.
        Assert.Equal(PrivacyPurge.None, state.Apply(FactCatalog.Redact(team, PrivacyPurge.Roster)!, 9).Unerased);
    }

    [Fact]
    public void AuditLines_AreWordedWithoutAnEarlierState()
    {
        var lines = EventSamples.Select(f => (f, Line: FactCatalog.Describe(LiveEvent.Empty, f))).ToList();

        Assert.Contains(lines, l => l.Line is { Trail: AuditTrail.Moderation, Action: "banned" } && l.f is ViewerBanned);
        Assert.Contains(lines, l => l.Line is { Trail: AuditTrail.Judging, Action: "score corrected from paper", Values: "performance 3: =7, =3.5" } && l.f is ScoreSubmitted);
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

    /// <summary>Pupils' first names and judge codes anywhere in the fact's journal payload.</summary>
    private static List<string> RosterData(ILiveEventFact fact)
    {
        var found = new List<string>();
        void Walk(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key.Equals("memberFirstNames", StringComparison.OrdinalIgnoreCase) && value is System.Text.Json.Nodes.JsonArray names)
                        {
                            found.AddRange(names.Select(n => n!.GetValue<string>()));
                        }
                        else if ((key.Equals("code", StringComparison.OrdinalIgnoreCase) || key.Equals("hash", StringComparison.OrdinalIgnoreCase) || key.Equals("codeHash", StringComparison.OrdinalIgnoreCase)) && value?.GetValue<string>() is { Length: > 0 } code)
                        {
                            found.Add(code);
                        }
                        else
                        {
                            Walk(value);
                        }
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(System.Text.Json.Nodes.JsonNode.Parse(VakkanjersLive.Domain.Journal.FactSerializer.ToAppend(fact, Guid.NewGuid(), null).Payload));
        return found;
    }

    private static IEnumerable<PropertyInfo> ViewerDataOf(Type factType) =>
        factType.GetProperties().Where(p => p.GetCustomAttribute<ViewerDataAttribute>() is not null);

    private static bool IsBlank(object? value) => value switch
    {
        null => true,
        Guid g => g == Guid.Empty,
        string s => s.Length == 0,
        _ => false,
    };
}
