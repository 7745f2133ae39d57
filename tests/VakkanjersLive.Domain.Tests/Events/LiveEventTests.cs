using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Decision and folding rules of <see cref="LiveEvent"/>. Split over several files by topic; this part holds the
/// shared starting state plus the tests for creating the event and for folding facts.
/// </summary>
public sealed partial class LiveEventTests
{
    private readonly Guid _eventId = Guid.NewGuid();
    private readonly Guid _techniek = Guid.NewGuid();
    private readonly Guid _zorg = Guid.NewGuid();
    private readonly Guid _daVinci = Guid.NewGuid();
    private readonly Guid _summa = Guid.NewGuid();

    /// <summary>An event with two categories (Techniek, Zorg) and two schools (Da Vinci College, Summa College).</summary>
    private readonly LiveEvent _event;

    public LiveEventTests()
    {
        var e = Scenario.NewEvent(_eventId);
        e = e.Then(e.AddCategory(_techniek, "Techniek", "Bouwen en maken"));
        e = e.Then(e.AddCategory(_zorg, "Zorg", ""));
        e = e.Then(e.AddSchool(_daVinci, "Da Vinci College", "Dordrecht"));
        e = e.Then(e.AddSchool(_summa, "Summa College", "Eindhoven"));
        _event = e;
    }

    private LiveEvent WithTeam(LiveEvent state, Guid teamId, string name, Guid categoryId, Guid? schoolId = null) =>
        state.Then(state.RegisterTeam(teamId, name, schoolId ?? _daVinci, categoryId, "Slimme kas", ["Ann", "Bo"]));

    private static LiveEvent WithJudge(LiveEvent state, Guid judgeId, string name, Guid categoryId, bool isChair = false, Guid? schoolId = null) =>
        state.Then(state.AppointJudge(judgeId, name, categoryId, schoolId, isChair));

    // ---- creating the event ------------------------------------------------------------------------------------

    [Fact]
    public void Empty_DoesNotExistAndHasNoContent()
    {
        var empty = LiveEvent.Empty;

        Assert.False(empty.Exists);
        Assert.Equal(Guid.Empty, empty.Id);
        Assert.Equal(0, empty.Version);
        Assert.Empty(empty.Categories);
        Assert.Empty(empty.Schools);
        Assert.Empty(empty.Teams);
        Assert.Empty(empty.Rubric);
        Assert.Empty(empty.Judges);
        Assert.Empty(empty.Rounds);
        Assert.Equal(0m, empty.TotalWeight);
    }

    [Fact]
    public void Create_WithValidInput_ReturnsFactWithTrimmedText()
    {
        var id = Guid.NewGuid();

        var fact = LiveEvent.Empty.Create(id, EventKind.TechniekLive, "  Techniek LIVE  ", new DateOnly(2026, 3, 12), " Utrecht ", null, "XYZ789");

        Assert.Equal(new EventCreated(id, EventKind.TechniekLive, "Techniek LIVE", new DateOnly(2026, 3, 12), "Utrecht", "", "XYZ789"), fact);
    }

    [Fact]
    public void Create_ThenApply_FillsTheEventAndMovesVersionToPosition()
    {
        var id = Guid.NewGuid();
        var fact = LiveEvent.Empty.Create(id, EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "Eindhoven", "Duurzaam", "ABC234");

        var e = LiveEvent.Empty.Apply(fact, 1);

        Assert.True(e.Exists);
        Assert.Equal(id, e.Id);
        Assert.Equal(EventKind.VakkanjersFinale, e.Kind);
        Assert.Equal("Finale", e.Name);
        Assert.Equal(Scenario.FinaleDate, e.Date);
        Assert.Equal("Eindhoven", e.Venue);
        Assert.Equal("Duurzaam", e.Theme);
        Assert.Equal("ABC234", e.JoinCode);
        Assert.Equal(1, e.Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Create_WithEmptyName_IsRejected(string? name)
    {
        Rejected.With("event.name.required", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, name, Scenario.FinaleDate, "", "", "ABC234"));
    }

    [Fact]
    public void Create_WithNameOfMaximumLength_IsAccepted()
    {
        var fact = LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, new string('a', 120), Scenario.FinaleDate, "", "", "ABC234");

        Assert.Equal(120, fact.Name.Length);
    }

    [Fact]
    public void Create_WithTooLongName_IsRejected()
    {
        var exception = Rejected.With("event.name.too-long", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, new string('a', 121), Scenario.FinaleDate, "", "", "ABC234"));

        Assert.Equal(120, Assert.Single(exception.Arguments));
    }

    [Fact]
    public void Create_WithTooLongVenue_IsRejected()
    {
        Rejected.With("event.venue.too-long", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, new string('v', 121), "", "ABC234"));
    }

    [Fact]
    public void Create_WithTooLongTheme_IsRejected()
    {
        Rejected.With("event.theme.too-long", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "", new string('t', 121), "ABC234"));
    }

    [Fact]
    public void Create_WithBidiOverrideInName_IsRejected()
    {
        Rejected.With("event.name.invalid-characters", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Fin\u202Eale", Scenario.FinaleDate, "", "", "ABC234"));
    }

    [Fact]
    public void Create_WithEmptyEventId_IsRejected()
    {
        Rejected.With("event.id.required", () => LiveEvent.Empty.Create(Guid.Empty, EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "", "", "ABC234"));
    }

    [Fact]
    public void Create_WithUndefinedKind_IsRejected()
    {
        Rejected.With("event.kind.invalid", () => LiveEvent.Empty.Create(Guid.NewGuid(), (EventKind)42, "Finale", Scenario.FinaleDate, "", "", "ABC234"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC23")]
    [InlineData("ABC2345")]
    [InlineData("abc234")]
    [InlineData("ABC-23")]
    [InlineData("ABC 23")]
    [InlineData("ABC230")]
    [InlineData("ABC231")]
    [InlineData("ABCO23")]
    [InlineData("ABCI23")]
    [InlineData("ABCL23")]
    public void Create_WithMalformedJoinCode_IsRejected(string joinCode)
    {
        Rejected.With("event.join-code.invalid", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "", "", joinCode));
    }

    [Fact]
    public void Create_WithoutJoinCode_IsRejected()
    {
        Rejected.With("event.join-code.invalid", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "", "", null!));
    }

    [Fact]
    public void Create_WithGeneratedJoinCode_IsAccepted()
    {
        var code = JoinCodes.Generate();

        var fact = LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "", "", code);

        Assert.Equal(code, fact.JoinCode);
    }

    [Fact]
    public void Create_OnExistingEvent_IsRejected()
    {
        Rejected.With("event.exists", () => _event.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Nog een finale", Scenario.FinaleDate, "", "", "ABC234"));
    }

    [Fact]
    public void Create_WithSameIdOnExistingEvent_IsRejected()
    {
        Rejected.With("event.exists", () => _event.Create(_eventId, EventKind.VakkanjersFinale, "Finale", Scenario.FinaleDate, "", "", "ABC234"));
    }

    [Theory]
    [InlineData(1999, 12, 31)]
    [InlineData(2101, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Create_WithDateOutOfRange_IsRejected(int year, int month, int day)
    {
        Rejected.With("event.date.invalid", () => LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", new DateOnly(year, month, day), "", "", "ABC234"));
    }

    [Theory]
    [InlineData(2000, 1, 1)]
    [InlineData(2100, 12, 31)]
    public void Create_WithDateOnRangeBoundary_IsAccepted(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        var fact = LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", date, "", "", "ABC234");

        Assert.Equal(date, fact.Date);
    }

    [Theory]
    [InlineData("change-details")]
    [InlineData("add-category")]
    [InlineData("add-school")]
    [InlineData("register-team")]
    [InlineData("add-criterion")]
    [InlineData("appoint-judge")]
    [InlineData("issue-judge-codes")]
    [InlineData("add-round")]
    [InlineData("import-finalists")]
    [InlineData("import-jury")]
    public void Decision_BeforeEventIsCreated_IsRejected(string decision)
    {
        var empty = LiveEvent.Empty;
        Func<object?> decide = decision switch
        {
            "change-details" => () => empty.ChangeDetails("Finale", Scenario.FinaleDate, "", ""),
            "add-category" => () => empty.AddCategory(Guid.NewGuid(), "Techniek", ""),
            "add-school" => () => empty.AddSchool(Guid.NewGuid(), "Summa", ""),
            "register-team" => () => empty.RegisterTeam(Guid.NewGuid(), "Team", Guid.NewGuid(), Guid.NewGuid(), "Project", ["Ann"]),
            "add-criterion" => () => empty.AddCriterion(Guid.NewGuid(), "Creativiteit", 50, 1, 10, ""),
            "appoint-judge" => () => empty.AppointJudge(Guid.NewGuid(), "Jury", Guid.NewGuid(), null, false),
            "issue-judge-codes" => () => empty.IssueJudgeCodes([new JudgeCode(Guid.NewGuid(), "ABCDE23456")]),
            "add-round" => () => empty.AddRound(Guid.NewGuid(), "Ronde 1"),
            "import-finalists" => () => empty.ImportFinalists([], [new TeamRegistered(Guid.NewGuid(), "Team", Guid.NewGuid(), Guid.NewGuid(), "Project", ["Ann"])]),
            "import-jury" => () => empty.ImportJury([], [new JudgeAppointed(Guid.NewGuid(), "Jury", Guid.NewGuid(), null, false)]),
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };

        Rejected.With("event.unknown", decide);
    }

    [Fact]
    public void ChangeDetails_ThenApply_UpdatesDetailsButKeepsIdentityKindAndJoinCode()
    {
        var newDate = new DateOnly(2026, 6, 8);

        var fact = _event.ChangeDetails(" Grote finale ", newDate, "Den Bosch", " Water ");
        var e = _event.Then(fact);

        Assert.Equal(new EventDetailsChanged("Grote finale", newDate, "Den Bosch", "Water"), fact);
        Assert.Equal("Grote finale", e.Name);
        Assert.Equal(newDate, e.Date);
        Assert.Equal("Den Bosch", e.Venue);
        Assert.Equal("Water", e.Theme);
        Assert.Equal(_eventId, e.Id);
        Assert.Equal(EventKind.VakkanjersFinale, e.Kind);
        Assert.Equal(_event.JoinCode, e.JoinCode);
        Assert.Equal(_event.Categories, e.Categories);
    }

    [Fact]
    public void ChangeDetails_WithEmptyName_IsRejected()
    {
        Rejected.With("event.name.required", () => _event.ChangeDetails(" ", Scenario.FinaleDate, "", ""));
    }

    [Fact]
    public void ChangeDetails_WithDateOutOfRange_IsRejected()
    {
        Rejected.With("event.date.invalid", () => _event.ChangeDetails("Finale", new DateOnly(2101, 1, 1), "", ""));
    }

    // ---- folding -----------------------------------------------------------------------------------------------

    [Fact]
    public void Apply_LeavesThePreviousSnapshotUnchanged()
    {
        var before = _event;
        var teamId = Guid.NewGuid();

        var after = before.Apply(before.RegisterTeam(teamId, "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann"]), 99);

        Assert.NotSame(before, after);
        Assert.Empty(before.Teams);
        Assert.Null(before.FindTeam(teamId));
        Assert.Equal(5, before.Version);
        Assert.Single(after.Teams);
        Assert.Equal(99, after.Version);
    }

    [Fact]
    public void Apply_OfRemoval_LeavesThePreviousSnapshotUnchanged()
    {
        var before = _event;

        var after = before.Then(before.RemoveCategory(_zorg));

        Assert.Equal(2, before.Categories.Count);
        Assert.NotNull(before.FindCategory(_zorg));
        Assert.Null(after.FindCategory(_zorg));
    }

    [Fact]
    public void Apply_MovesVersionToTheGivenPosition()
    {
        var e = _event.Apply(_event.AddRound(Guid.NewGuid(), "Ronde 1"), 1234);

        Assert.Equal(1234, e.Version);
    }

    [Fact]
    public void Apply_WithoutPosition_KeepsTheVersion()
    {
        var e = _event.Apply(_event.AddRound(Guid.NewGuid(), "Ronde 1"));

        Assert.Single(e.Rounds);
        Assert.Equal(_event.Version, e.Version);
    }

    [Fact]
    public void Decision_DoesNotChangeState()
    {
        _ = _event.AddCategory(Guid.NewGuid(), "Media", "");
        _ = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann"]);

        Assert.Equal(2, _event.Categories.Count);
        Assert.Empty(_event.Teams);
        Assert.Equal(5, _event.Version);
    }

    [Fact]
    public void Apply_OfUnknownFactType_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => _event.Apply(new NotAFactTheEventKnows(), 6));
    }

    [Fact]
    public void Apply_OfSequence_FoldsIntoTheExpectedState()
    {
        var bouwers = Guid.NewGuid();
        var zorgers = Guid.NewGuid();
        var weggaan = Guid.NewGuid();
        var creativiteit = Guid.NewGuid();
        var uitvoering = Guid.NewGuid();
        var chair = Guid.NewGuid();
        var member = Guid.NewGuid();
        var round = Guid.NewGuid();
        var e = _event;

        e = e.Then(e.RegisterTeam(bouwers, "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann", "Bo"]));
        e = e.Then(e.RegisterTeam(zorgers, "De Zorgers", _summa, _zorg, "Tilhulp", ["Cas"]));
        e = e.Then(e.RegisterTeam(weggaan, "Weggaan", _summa, _zorg, "Niets", ["Dirk"]));
        e = e.Then(e.ChangeTeam(bouwers, "De Bouwers", _summa, _zorg, "Slimme kas 2.0", ["Ann", "Bo", "Eva"]));
        e = e.Then(e.WithdrawTeam(weggaan));
        e = e.Then(e.AddCriterion(creativiteit, "Creativiteit", 40, 1, 10, "Origineel?"));
        e = e.Then(e.AddCriterion(uitvoering, "Uitvoering", 60, 1, 5, ""));
        e = e.Then(e.ChangeCriterion(uitvoering, "Uitwerking", 50, 0, 10, "Af?"));
        e = e.Then(e.AppointJudge(chair, "Mevr. Jansen", _zorg, null, true));
        e = e.Then(e.AppointJudge(member, "Dhr. Pietersen", _zorg, _daVinci, false));
        e = e.Then(e.IssueJudgeCodes([new JudgeCode(chair, "ABCDE23456"), new JudgeCode(member, "FGHJK78923")]));
        e = e.Then(e.ChangeSchool(_summa, "Summa College Eindhoven", "Eindhoven"));
        e = e.Then(e.ChangeCategory(_techniek, "Techniek & Maken", "Nieuw"));
        e = e.Then(e.AddRound(round, "Voorronde"));
        e = e.Then(e.RenameRound(round, "Halve finale"));

        Assert.Equal(20, e.Version);
        Assert.Equal(2, e.Teams.Count);
        var movedTeam = e.FindTeam(bouwers);
        Assert.NotNull(movedTeam);
        Assert.Equal(_zorg, movedTeam.CategoryId);
        Assert.Equal(_summa, movedTeam.SchoolId);
        Assert.Equal("Slimme kas 2.0", movedTeam.ProjectTitle);
        Assert.Equal(["Ann", "Bo", "Eva"], movedTeam.MemberFirstNames);
        Assert.Null(e.FindTeam(weggaan));
        Assert.Equal(["De Bouwers", "De Zorgers"], e.Teams.Select(t => t.Name));
        Assert.Equal(new Criterion(uitvoering, "Uitwerking", 50, 0, 10, "Af?"), e.FindCriterion(uitvoering));
        Assert.Equal(90m, e.TotalWeight);
        Assert.Equal(new Judge(chair, "Mevr. Jansen", _zorg, null, true, SignInCodes.Hash("ABCDE23456")), e.FindJudge(chair));
        Assert.Equal(new Judge(member, "Dhr. Pietersen", _zorg, _daVinci, false, SignInCodes.Hash("FGHJK78923")), e.FindJudge(member));
        Assert.Equal(new School(_summa, "Summa College Eindhoven", "Eindhoven"), e.FindSchool(_summa));
        Assert.Equal(new Category(_techniek, "Techniek & Maken", "Nieuw"), e.FindCategory(_techniek));
        Assert.Equal([new Round(round, "Halve finale")], e.Rounds);
    }

    [Fact]
    public void Apply_OfChangeForMissingEntity_LeavesStateUnchanged()
    {
        var e = _event.Then(new CategoryChanged(Guid.NewGuid(), "Spook", ""));

        Assert.Equal(_event.Categories, e.Categories);
    }

    private sealed record NotAFactTheEventKnows : ILiveEventFact;
}
