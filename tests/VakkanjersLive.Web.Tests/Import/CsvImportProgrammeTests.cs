using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Features.Import;

namespace VakkanjersLive.Web.Tests.Import;

/// <summary>The finalists CSV with the programme's optional columns: day, start, slot, presentation and questions (issue 13, item 1).</summary>
public sealed class CsvImportProgrammeTests
{
    private static readonly DateOnly FinaleDay = new(2026, 6, 1);
    private readonly LiveEvent _event;
    private readonly Guid _junior = Guid.NewGuid();
    private readonly Guid _navigator = Guid.NewGuid();

    public CsvImportProgrammeTests()
    {
        var e = LiveEvent.Empty.Apply(LiveEvent.Empty.Create(Guid.NewGuid(), EventKind.VakkanjersFinale, "Finale", FinaleDay, "Eindhoven", string.Empty, JoinCodes.Generate()), 1);
        e = e.Apply(e.AddCategory(_junior, "Junior", "groep 7–8"), 2);
        e = e.Apply(e.AddCategory(_navigator, "Navigator", "mbo"), 3);
        _event = e.Apply(e.AddSchool(Guid.NewGuid(), "De Regenboog", "Zwolle"), 4);
    }

    private static LiveEvent Imported(LiveEvent e, ImportPlan<FinalistsImported> plan)
    {
        Assert.True(plan.CanImport, string.Join("; ", plan.Errors));
        return e.Apply(e.ImportFinalists(plan.Fact!.Schools, plan.Fact.Teams, CsvImport.ImportedSlots(plan.Fact)), e.Version + 1);
    }

    private static List<string> Names(LiveEvent e, Guid category) => [.. e.RunningOrderOf(category).Select(s => e.FindTeam(s.TeamId)!.Name)];

    [Fact]
    public void Finalists_WithDayStartAndLengths_PlanEachCategorysRunningOrder_OverTwoDays()
    {
        const string csv = """
            team;school;categorie;project;leden;dag;start;presentatie;vragen
            De Late;De Regenboog;Junior;Plantenbak;Daan;2;9:00;4;2
            De Vroege;De Regenboog;Junior;Drone;Noor;1;14:30;4:30;1,5
            Team Volt;De Regenboog;Navigator;Zonnepaneel;Sem;2026-06-01;10.00;;
            """;

        var e = Imported(_event, CsvImport.PlanFinalists(csv, _event));

        Assert.Equal(["De Vroege", "De Late"], Names(e, _junior));
        Assert.Equal(
            [new ProgrammeSlot(e.Teams.Find(t => t.Name == "De Vroege")!.Id, FinaleDay, new TimeOnly(14, 30), 270, 90), new ProgrammeSlot(e.Teams.Find(t => t.Name == "De Late")!.Id, FinaleDay.AddDays(1), new TimeOnly(9, 0), 240, 120)],
            e.RunningOrderOf(_junior));
        var volt = Assert.Single(e.RunningOrderOf(_navigator));
        Assert.Equal((FinaleDay, new TimeOnly(10, 0), CsvImport.DefaultPresentationSeconds, CsvImport.DefaultQuestionSeconds), (volt.Day, volt.Start, volt.PresentationSeconds, volt.QuestionSeconds));
    }

    [Fact]
    public void Finalists_WithoutProgrammeColumns_ImportAsBefore_WithoutARunningOrder()
    {
        var plan = CsvImport.PlanFinalists("team;school;categorie;project;leden\nDe Bouwers;De Regenboog;Junior;Plantenbak;Daan\n", _event);

        Assert.True(plan.CanImport);
        Assert.Null(plan.Fact!.RunningOrders);
        Assert.Empty(Imported(_event, plan).RunningOrderOf(_junior));
    }

    [Fact]
    public void Finalists_WithASlotColumn_FollowTheirStartsAfterTheTeamsAlreadyPlanned_AndASlotNumberMustAgree()
    {
        var e = _event;
        e = e.Apply(e.RegisterTeam(Guid.NewGuid(), "De Eersten", e.Schools[0].Id, _junior, "Eerst", ["Bo"]), e.Version + 1);
        e = e.Apply(e.PlanRunningOrder(_junior, FinaleDay, new TimeOnly(9, 0), 300, 180, 120), e.Version + 1);
        const string csv = """
            team,school,categorie,project,leden,volgorde,start
            B,De Regenboog,Junior,X,Daan,2,10:00
            A,De Regenboog,Junior,Y,Noor,1,9:30
            """;

        e = Imported(e, CsvImport.PlanFinalists(csv, e));

        Assert.Equal(["De Eersten", "A", "B"], Names(e, _junior));
        var mixedUp = CsvImport.PlanFinalists("team,school,categorie,project,leden,volgorde,start\nC,De Regenboog,Junior,X,Daan,1,11:00\nD,De Regenboog,Junior,Y,Noor,2,10:30\n", e);
        var error = Assert.Single(mixedUp.Errors);
        Assert.Equal((2, "import.slot.out-of-order"), (error.Row, error.Code));
    }

    [Fact]
    public void Finalists_WithProgrammeMistakes_AreRefusedWhole_EveryErrorAtOnce_WithItsRow()
    {
        const string csv = """
            team;school;categorie;project;leden;dag;start;presentatie;vragen;volgorde
            Goed;De Regenboog;Junior;A;Daan;1;9:00;5;3;1
            Botser;De Regenboog;Junior;B;Noor;1;9:04;5;3;2
            Geen tijd;De Regenboog;Junior;C;Sem;1;;5;3;3
            Rare dag;De Regenboog;Junior;D;Eva;maandag;25:00;vijf;3;x
            Te kort;De Regenboog;Junior;E;Bo;1;11:00;0:05;3;4
            ;De Regenboog;Onbekend;F;Jan Jansen;1;12:00;5;3;5
            """;

        var plan = CsvImport.PlanFinalists(csv, _event);

        Assert.False(plan.CanImport);
        Assert.Null(plan.Fact);
        Assert.Contains(plan.Errors, e => e is { Row: 3, Code: "running-order.overlap" } && e.Arguments.SequenceEqual(["Botser"]));
        Assert.Contains(plan.Errors, e => e is { Row: 4, Code: "import.start.required" });
        Assert.Contains(plan.Errors, e => e is { Row: 5, Code: "import.day.invalid" });
        Assert.Contains(plan.Errors, e => e is { Row: 5, Code: "import.start.invalid" });
        Assert.Contains(plan.Errors, e => e is { Row: 5, Code: "import.length.invalid" });
        Assert.Contains(plan.Errors, e => e is { Row: 5, Code: "import.slot.invalid" });
        Assert.Contains(plan.Errors, e => e is { Row: 6, Code: "running-order.length.out-of-range" });
        Assert.Contains(plan.Errors, e => e is { Row: 7, Code: "import.category.unknown" });
        Assert.Contains(plan.Errors, e => e is { Row: 7, Code: "team.name.required" });
        Assert.Equal(plan.Errors.Select(e => e.Row).Order(), plan.Errors.Select(e => e.Row));
    }

    [Theory]
    [InlineData("5", 300)]
    [InlineData("4:30", 270)]
    [InlineData("4,5", 270)]
    [InlineData("0.5", 30)]
    [InlineData("4:3", null)]
    [InlineData("-1", null)]
    [InlineData("vijf", null)]
    public void Lengths_AreMinutes_OrMinutesAndSeconds(string text, int? seconds) => Assert.Equal(seconds, CsvImport.ParseLength(text));
}
