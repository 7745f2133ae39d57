using System.Collections;
using System.Text.Json;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Domain.Tests.Events;

namespace VakkanjersLive.Domain.Tests.Journal;

public sealed class FactSerializerTests
{
    private static readonly Guid Event = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Category = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid School = Guid.Parse("33333333-3333-3333-3333-333333333333");
    private static readonly Guid Team = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly Guid Criterion = Guid.Parse("55555555-5555-5555-5555-555555555555");
    private static readonly Guid Judge = Guid.Parse("66666666-6666-6666-6666-666666666666");
    private static readonly Guid Round = Guid.Parse("77777777-7777-7777-7777-777777777777");
    private static readonly Guid Account = Guid.Parse("88888888-8888-8888-8888-888888888888");

    /// <summary>One sample per fact type, every field set to a non-default value so a lost field shows up.</summary>
    internal static readonly IReadOnlyDictionary<string, object> Samples = new object[]
    {
        new EventCreated(Event, EventKind.TechniekLive, "Techniek LIVE", new DateOnly(2026, 3, 12), "Utrecht", "Water", "ABC234"),
        new EventDetailsChanged("Finale", new DateOnly(2026, 6, 1), "Eindhoven", "Duurzaam"),
        new CategoryAdded(Category, "Techniek", "Bouwen en maken"),
        new CategoryChanged(Category, "Zorg", "Mensen helpen"),
        new CategoryRemoved(Category),
        new SchoolAdded(School, "Summa College", "Eindhoven"),
        new SchoolChanged(School, "Da Vinci College", "Dordrecht"),
        new SchoolRemoved(School),
        new TeamRegistered(Team, "De Bouwers", School, Category, "Slimme kas", ["Ann", "Zoë", "Anne-Marie"]),
        new TeamChanged(Team, "De Makers", School, Category, "Tilhulp", ["Bo"]),
        new TeamWithdrawn(Team),
        new CriterionAdded(Criterion, "Creativiteit", 12.5m, 1, 10, "Hoe origineel?"),
        new CriterionChanged(Criterion, "Uitvoering", 87.25m, 2, 7, "Is het af?"),
        new CriterionRemoved(Criterion),
        new JudgeAppointed(Judge, "Mevr. Jansen", Category, School, true),
        new JudgeChanged(Judge, "Dhr. Pietersen", Category, School, true),
        new JudgeRemoved(Judge),
        new JudgeCodesIssued([new JudgeCode(Judge, "ABCDE23456"), new JudgeCode(Team, "FGHJK78923")]),
        new JudgeCodeHashesIssued([new JudgeCodeHash(Judge, "zWkPsa+BL3KBmlsxe3Xy6z4UrODX0sl0yzomRiMmG8A=")]),
        new JudgeSignedOut(Judge),
        new FinalistsImported(
            [new SchoolAdded(School, "Summa College", "Eindhoven")],
            [new TeamRegistered(Team, "De Bouwers", School, Category, "Slimme kas", ["Ann", "Bo"])]),
        new JuryImported(
            [new SchoolAdded(School, "Summa College", "Eindhoven")],
            [new JudgeAppointed(Judge, "Mevr. Jansen", Category, School, true), new JudgeAppointed(Round, "Dhr. Pietersen", Category, null, false)]),
        new RoundAdded(Round, "Voorronde"),
        new RoundRenamed(Round, "Halve finale"),
        new RosterPurged(17),
        new StageSet(Category, Team),
        new JudgingOpened(Team),
        new JudgingClosed(Team),
        new ScoreSubmitted(Round, Judge, Team, [new CriterionScore(Criterion, 7, "Mooi"), new CriterionScore(School, 3.5m, string.Empty)], "Goed gedaan", true, "Typfout", true, true, "3"),
        new PerformanceFactorSet(Round, Team, "3", 3.2m),
        new RankingSubmitted(Round, Judge, Category, [Team, School], "Sterk", true, "Herzien", true),
        new ConflictDeclared(Judge, Team, "Buurkind"),
        new RoundLocked(Round),
        new CategoryLocked(Round, Category),
        new CategoryUnlocked(Round, Category),
        new OutlierAcknowledged(Round, Judge, Team, 2, "Nagerekend"),
        new MinimumScorecardsSet(Category, 2),
        new MethodChosen(Domain.Scoring.AggregationMethod.Median),
        new ScoringRulesSet(Domain.Scoring.AggregationMethod.ZScoreNormalised, [new Domain.Scoring.TieBreakRule(Domain.Scoring.TieBreakKind.HighestCriterion, Criterion), new Domain.Scoring.TieBreakRule(Domain.Scoring.TieBreakKind.MostFirstPlaces)]),
        new CategoryRulesDeclared(Category, "{ \"criteria\": [{ \"id\": \"55555555-5555-5555-5555-555555555555\", \"min\": 1, \"max\": 10 }] }", Round),
        new CategoryRoundsDeclared(Category, [new CategoryRound(Event, "Voorronde"), new CategoryRound(Round, "Finale")]),
        new CategoryRoundStarted(Category, Event, Round, [Team, School], 2, true),
        new RoundPanelSet(Category, Round, [Judge, Account]),
        new JudgePanelSet(Category, Round, Judge, "experts"),
        new PanelPollLinked(Category, Round, "public", Account),
        new AwardGranted(Account, Category, Team, AwardKind.SpecialMention, "Publieksprijs"),
        new AwardWithdrawn(Account),
        new ChatPosted(Account, Judge, "Slimme Vos 42", "Wat gaaf!"),
        new StreamSet("https://www.youtube.com/watch?v=abc"),
        new ReactionsSwitched(false),
        new CountdownSet(new DateTimeOffset(2026, 6, 1, 14, 30, 0, TimeSpan.Zero), "Finale begint"),
        new RevealPrepared(Category, true, [new RevealEntry(Team, 2, 61.25, true, Mention: true), new RevealEntry(School, 1, 88.5, false, Parts: [new RevealPart("jury", 70.5), new RevealPart("public", 20)])], "Jurylid ziek", ["scorecards De Bouwers 1/2"], PauseBeforeWinner: true),
        new RevealStepped(Category, 2),
        new RevealPlanned(Category, RevealMode.MentionsThenTop, 3, 2, true, "Junior-prijs", "Wethouder Bakker", "Gemeente Zwolle"),
        new CeremonyOrdered([Category, Team]),
        new RevealCleared(Category),
        new RunningOrderSet(Category, [new ProgrammeSlot(Team, new DateOnly(2026, 6, 1), new TimeOnly(9, 30), 300, 180), new ProgrammeSlot(School, new DateOnly(2026, 6, 2), new TimeOnly(10, 0), 240, 120)]),
        new TeamCalled(Category, Team, new DateTimeOffset(2026, 6, 1, 9, 31, 5, TimeSpan.Zero), 300, 180, [School]),
        new PitchTimerStopped(Category),
        new SceneChosen(SceneNames.Overlay, SceneNames.Reveal, Category),
        new ChatSettingsChanged(new ChatSettings(ChatMode.Paused, true, 30, false, false)),
        new ChatHeld(Account, Judge, "Wijze Uil 12", "Mag dit?"),
        new ChatApproved(Account),
        new ChatRejected(Account),
        new ChatHidden(Account),
        new ViewerTimedOut(Judge, new DateTimeOffset(2026, 6, 1, 14, 31, 0, TimeSpan.Zero)),
        new ViewerBanned(Judge),
        new ChatReported(Account, Team, "Scheldwoord"),
        new BlockedWordsChanged(["sukkel"], ["loser"]),
        new MessagePinned("Welkom bij de finale!"),
        new AnnouncementMade(School, "Over 5 minuten begint de uitslag"),
        new ChatPurged(42),
        new NicknameChosen(Account, "Slimme Vos 42", true),
        new PollCreated(Account, "Wat wil jij later worden?", [new PollOption(Team, "Monteur"), new PollOption(School, "Ontwerper")], true),
        new PollChanged(Account, "Welk project wint?", [new PollOption(Team, "Slimme kas"), new PollOption(School, "Tilhulp")], true),
        new PollDeleted(Account),
        new PollOpened(Account),
        new PollClosed(Account),
        new PollResultsSwitched(Account, true),
        new VoteCast(Account, Team, Judge),
        new VotesDiscarded(Account, [12, 13, 14], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1)),
        new TeacherLinkIssued(School, "ZmFrZS1oYXNo"),
        new ClassAdded(Team, School, "2B", 28, "ZmFrZS1oYXNo"),
        new ClassCodeIssued(Team, "ZmFrZS1oYXNo"),
        new ScreenTokenIssued(Judge, "Zaalscherm links", "ZmFrZS1oYXNo"),
        new ScreenTokenRevoked(Judge),
        new QuestionsSwitched(true),
        new QuestionAsked(Account, Judge, "Slimme Vos 42", "Hoe word je ingenieur?"),
        new QuestionApproved(Account),
        new QuestionRejected(Account),
        new QuestionUpvoted(Account, Judge),
        new QuestionUpvoteWithdrawn(Account, Judge),
        new QuestionHighlighted(Account),
        new QuestionAnswered(Account),
        new ModeratorRegistered(Account, "jansen", "Jan Jansen", "AQAAAAIAAYagAAAAE", false, ModeratorRole.LeadModerator),
        new ModeratorPasswordChanged(Account, "AQAAAAIAAYagAAAAF"),
        new ModeratorSignedOut(Account),
        new ModeratorRoleChanged(Account, ModeratorRole.LeadModerator),
        new SeriesCreated(Account, "Sterk Techniekonderwijs LIVE", "Maandelijks", "Jet-Net & TechNet"),
        new SeriesChanged(Account, "Sterk Techniekonderwijs LIVE", "Elke maand", "TechNet"),
        new EpisodePlanned(Account, 3, "Techniekhubs", "Over regio's", new DateTimeOffset(2026, 10, 27, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 27, 15, 30, 0, TimeSpan.Zero)),
        new EpisodeChanged(4, "Duurzaamheid", "Energie"),
        new EpisodeMoved(new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 3, 16, 0, 0, TimeSpan.Zero)),
        new GuestAdded(Judge, "Sanne de Vries", "docent techniek", "Technova College", true, true),
        new GuestRemoved(Judge),
        new EpisodeWentLive(),
        new EpisodeEnded(),
        new ReplayPublished("https://www.youtube.com/watch?v=techniekhubs"),
        new SegmentPlanned(Account, "Panel", 20, "Drie gasten", [Judge], true, Team, 10),
        new SegmentChanged(Account, "Panelgesprek", 25, "", [], false, null, 0),
        new SegmentMoved(Account, 2),
        new SegmentRemoved(Account),
        new SegmentAdvanced(Account, Team, new DateTimeOffset(2026, 10, 27, 14, 35, 0, TimeSpan.Zero), 5),
        new SpeeddateCompanyAdded(Account, "ASML", "Chipmachines", "Sanne de Vries", "https://meet.example.org/asml", "hash-1"),
        new SpeeddateCompanyRemoved(Account),
        new SpeeddateCompanyLinkIssued(Account, "hash-2"),
        new SpeeddateClassAdded(Team),
        new SpeeddateClassRemoved(Team),
        new SpeeddateRotationBuilt(300, 3, 2, [new SpeeddateMeeting(1, Team, Account)]),
        new SpeeddateStarted(new DateTimeOffset(2026, 10, 27, 14, 40, 0, TimeSpan.Zero)),
        new SpeeddateStopped(new DateTimeOffset(2026, 10, 27, 15, 0, 0, TimeSpan.Zero)),
        new SpeeddateQuestionPrepared(Criterion, Team, Account, "Hoe word je monteur?"),
        new SpeeddateMeetingRated(Team, Account, 4, "Leerzaam"),
    }.ToDictionary(f => f.GetType().Name);

    public static TheoryData<string> FactTypeNames => new(Samples.Keys);

    private static JournalEntry Stored(JournalAppend append, long position = 1) =>
        new("event-11111111111111111111111111111111", position, append.CommandId, append.Type, append.Payload, append.Actor, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Samples_CoverEveryFactTypeInTheDomain()
    {
        var factTypes = typeof(ILiveEventFact).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(ILiveEventFact).IsAssignableFrom(t) || typeof(IStaffFact).IsAssignableFrom(t) || typeof(ISeriesFact).IsAssignableFrom(t)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(factTypes, Samples.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FactTypeNames))]
    public void Fact_RoundTripsThroughTheJournal(string typeName)
    {
        var fact = Samples[typeName];
        var append = FactSerializer.ToAppend(fact, Guid.NewGuid(), "jansen");

        var back = FactSerializer.Deserialize(Stored(append));

        Assert.IsType(fact.GetType(), back);
        AssertSameContent(fact, back, typeName);
        Assert.Equal(append.Payload, FactSerializer.ToAppend(back, Guid.NewGuid(), null).Payload);
    }

    [Theory]
    [MemberData(nameof(FactTypeNames))]
    public void ToAppend_UsesTheClassNameAsType(string typeName)
    {
        var append = FactSerializer.ToAppend(Samples[typeName], Guid.NewGuid(), null);

        Assert.Equal(typeName, append.Type);
    }

    [Fact]
    public void ToAppend_CarriesCommandIdAndActor()
    {
        var commandId = Guid.NewGuid();

        var append = FactSerializer.ToAppend(new RoundAdded(Round, "Voorronde"), commandId, "moderator:jansen");

        Assert.Equal(commandId, append.CommandId);
        Assert.Equal("moderator:jansen", append.Actor);
    }

    [Fact]
    public void ToAppend_WithoutActor_KeepsActorNull()
    {
        var append = FactSerializer.ToAppend(new RoundAdded(Round, "Voorronde"), Guid.NewGuid(), null);

        Assert.Null(append.Actor);
    }

    [Fact]
    public void ToAppend_WritesCamelCaseJsonWithEnumNamesAndIsoDates()
    {
        var append = FactSerializer.ToAppend(Samples[nameof(EventCreated)], Guid.NewGuid(), null);

        using var json = JsonDocument.Parse(append.Payload);
        var root = json.RootElement;
        Assert.Equal(Event, root.GetProperty("eventId").GetGuid());
        Assert.Equal("TechniekLive", root.GetProperty("kind").GetString());
        Assert.Equal("2026-03-12", root.GetProperty("date").GetString());
        Assert.Equal("ABC234", root.GetProperty("joinCode").GetString());
    }

    [Fact]
    public void Deserialize_ReadsAStoredPayload()
    {
        // A payload as stored by earlier versions; must keep loading (renames break stored journals).
        const string payload = """
            {"teamId":"44444444-4444-4444-4444-444444444444","name":"De Bouwers","schoolId":"33333333-3333-3333-3333-333333333333",
             "categoryId":"22222222-2222-2222-2222-222222222222","projectTitle":"Slimme kas","memberFirstNames":["Ann","Bo"]}
            """;

        var fact = FactSerializer.Deserialize(new JournalEntry("event-x", 3, Guid.NewGuid(), "TeamRegistered", payload, null, DateTimeOffset.UnixEpoch));

        var team = Assert.IsType<TeamRegistered>(fact);
        Assert.Equal(Team, team.TeamId);
        Assert.Equal("De Bouwers", team.Name);
        Assert.Equal(School, team.SchoolId);
        Assert.Equal(Category, team.CategoryId);
        Assert.Equal("Slimme kas", team.ProjectTitle);
        Assert.Equal(["Ann", "Bo"], team.MemberFirstNames);
    }

    [Fact]
    public void Deserialize_ReadsAScoreSubmittedWithWholeValues_AndOneWithHalfPoints()
    {
        // Scorecards stored before decimal steps carry whole numbers; both must fold to the same decimal values.
        const string old = """
            {"roundId":"11111111-1111-1111-1111-111111111111","judgeId":"66666666-6666-6666-6666-666666666666","teamId":"44444444-4444-4444-4444-444444444444",
             "scores":[{"criterionId":"55555555-5555-5555-5555-555555555555","value":7,"comment":""}],"comment":"","isCorrection":false,"reason":"","late":false}
            """;
        var half = old.Replace("\"value\":7", "\"value\":7.5", StringComparison.Ordinal);

        var whole = Assert.IsType<ScoreSubmitted>(FactSerializer.Deserialize(new JournalEntry("event-x", 4, Guid.NewGuid(), "ScoreSubmitted", old, null, DateTimeOffset.UnixEpoch)));
        var decimalValue = Assert.IsType<ScoreSubmitted>(FactSerializer.Deserialize(new JournalEntry("event-x", 5, Guid.NewGuid(), "ScoreSubmitted", half, null, DateTimeOffset.UnixEpoch)));

        Assert.Equal(7m, Assert.Single(whole.Scores).Value);
        Assert.Equal(7.5m, Assert.Single(decimalValue.Scores).Value);
    }

    [Fact]
    public void Deserialize_ReadsARevealPreparedStoredBeforeTheOverride()
    {
        const string payload = """
            {"categoryId":"22222222-2222-2222-2222-222222222222","rehearsal":false,
             "entries":[{"teamId":"44444444-4444-4444-4444-444444444444","rank":1,"score":88.5,"sharedRank":false}]}
            """;

        var fact = Assert.IsType<RevealPrepared>(FactSerializer.Deserialize(new JournalEntry("event-x", 9, Guid.NewGuid(), "RevealPrepared", payload, null, DateTimeOffset.UnixEpoch)));

        Assert.Equal(string.Empty, fact.OverrideReason);
        Assert.Null(fact.Overridden);
        Assert.Equal(Team, Assert.Single(fact.Entries).TeamId);
    }

    [Fact]
    public void Deserialize_ReadsEnumByName()
    {
        const string payload = """{"eventId":"11111111-1111-1111-1111-111111111111","kind":"VakkanjersFinale","name":"F","date":"2026-06-01","venue":"","theme":"","joinCode":"ABC234"}""";

        var fact = FactSerializer.Deserialize(new JournalEntry("event-x", 1, Guid.NewGuid(), "EventCreated", payload, null, DateTimeOffset.UnixEpoch));

        Assert.Equal(EventKind.VakkanjersFinale, Assert.IsType<EventCreated>(fact).Kind);
    }

    [Fact]
    public void Deserialize_OfUnknownType_ThrowsNamingTheEntry()
    {
        var entry = new JournalEntry("event-abc", 42, Guid.NewGuid(), "TeamDisqualified", "{}", null, DateTimeOffset.UnixEpoch);

        var exception = Assert.Throws<InvalidOperationException>(() => FactSerializer.Deserialize(entry));

        Assert.Contains("TeamDisqualified", exception.Message, StringComparison.Ordinal);
        Assert.Contains("event-abc#42", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teamRegistered")]
    [InlineData("TEAMREGISTERED")]
    [InlineData("")]
    [InlineData("ILiveEventFact")]
    [InlineData("JudgeCode")]
    [InlineData("Team")]
    public void Deserialize_OfTypeNameThatIsNotExactlyAFact_Throws(string type)
    {
        var entry = new JournalEntry("event-abc", 1, Guid.NewGuid(), type, "{}", null, DateTimeOffset.UnixEpoch);

        Assert.Throws<InvalidOperationException>(() => FactSerializer.Deserialize(entry));
    }

    [Fact]
    public void Deserialize_OfNullPayload_Throws()
    {
        var entry = new JournalEntry("event-abc", 7, Guid.NewGuid(), nameof(RoundAdded), "null", null, DateTimeOffset.UnixEpoch);

        var exception = Assert.Throws<InvalidOperationException>(() => FactSerializer.Deserialize(entry));

        Assert.Contains("event-abc#7", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_OfMalformedPayload_Throws()
    {
        var entry = new JournalEntry("event-abc", 7, Guid.NewGuid(), nameof(RoundAdded), "{\"roundId\":", null, DateTimeOffset.UnixEpoch);

        Assert.ThrowsAny<JsonException>(() => FactSerializer.Deserialize(entry));
    }

    [Theory]
    [InlineData("judge-code")]
    [InlineData("entity")]
    [InlineData("string")]
    [InlineData("anonymous")]
    [InlineData("look-alike")]
    public void ToAppend_OfObjectThatIsNotAFact_Throws(string kind)
    {
        object notAFact = kind switch
        {
            "judge-code" => new JudgeCode(Judge, "ABCDE23456"),
            "entity" => new Category(Category, "Techniek", ""),
            "string" => "EventCreated",
            "anonymous" => new { Name = "x" },
            "look-alike" => new LookAlike.EventCreated(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var exception = Assert.Throws<ArgumentException>(() => FactSerializer.ToAppend(notAFact, Guid.NewGuid(), null));

        Assert.Equal("fact", exception.ParamName);
    }

    [Fact]
    public void ReplayingASerializedStream_RebuildsTheSameState()
    {
        var category = Guid.NewGuid();
        var school = Guid.NewGuid();
        var team = Guid.NewGuid();
        var judge = Guid.NewGuid();
        var facts = new List<ILiveEventFact>();
        var live = LiveEvent.Empty;
        void Record(Func<LiveEvent, ILiveEventFact> decide)
        {
            var fact = decide(live);
            facts.Add(fact);
            live = live.Then(fact);
        }

        Record(e => e.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "Eindhoven", "Water", JoinCodes.Generate()));
        Record(e => e.AddCategory(category, "Techniek", ""));
        Record(e => e.ImportFinalists([new SchoolAdded(school, "Summa College", "Eindhoven")], [new TeamRegistered(team, "De Bouwers", school, category, "Slimme kas", ["Ann", "Bo"])]));
        Record(e => e.AddCriterion(Guid.NewGuid(), "Creativiteit", 33.3m, 1, 10, ""));
        Record(e => e.ImportJury([], [new JudgeAppointed(judge, "Mevr. Jansen", category, school, true)]));
        Record(e => e.IssueJudgeCodes([new JudgeCode(judge, SignInCodes.Generate())]));
        Record(e => e.ChangeTeam(team, "De Bouwers", school, category, "Slimme kas 2", ["Ann", "Bo", "Cas"]));

        var replayed = LiveEvent.Empty;
        var position = 0L;
        foreach (var fact in facts)
        {
            position++;
            var entry = Stored(FactSerializer.ToAppend(fact, Guid.NewGuid(), "test"), position);
            replayed = replayed.Apply((ILiveEventFact)FactSerializer.Deserialize(entry), position);
        }

        Assert.Equal(live.Version, replayed.Version);
        Assert.Equal(live.Id, replayed.Id);
        Assert.Equal(live.JoinCode, replayed.JoinCode);
        Assert.Equal(live.Categories, replayed.Categories);
        Assert.Equal(live.Schools, replayed.Schools);
        Assert.Equal(live.Rubric, replayed.Rubric);
        Assert.Equal(live.Judges, replayed.Judges);
        var expectedTeam = Assert.Single(live.Teams);
        var actualTeam = Assert.Single(replayed.Teams);
        Assert.Equal(expectedTeam with { MemberFirstNames = [] }, actualTeam with { MemberFirstNames = [] });
        Assert.Equal(expectedTeam.MemberFirstNames, actualTeam.MemberFirstNames);
    }

    /// <summary>Compares records field by field, and lists element by element (record equality compares lists by reference).</summary>
    private static void AssertSameContent(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        if (expected is string or Guid or decimal or int or long or double or bool or DateOnly or DateTimeOffset or Enum)
        {
            Assert.Equal(expected, actual);
            return;
        }

        if (expected is IEnumerable expectedItems)
        {
            var expectedList = expectedItems.Cast<object?>().ToList();
            var actualList = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToList();
            Assert.True(expectedList.Count == actualList.Count, $"{path}: expected {expectedList.Count} items, got {actualList.Count}");
            for (var i = 0; i < expectedList.Count; i++)
            {
                AssertSameContent(expectedList[i], actualList[i], $"{path}[{i}]");
            }

            return;
        }

        Assert.Equal(expected.GetType(), actual.GetType());
        foreach (var property in expected.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            AssertSameContent(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }

    private static class LookAlike
    {
        /// <summary>Same name as a real fact but a different type: must not be accepted as one.</summary>
        public sealed record EventCreated : ILiveEventFact;
    }
}
