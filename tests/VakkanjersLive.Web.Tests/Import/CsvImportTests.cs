using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Features.Import;

namespace VakkanjersLive.Web.Tests.Import;

public sealed class CsvImportTests
{
    private readonly LiveEvent _event;

    public CsvImportTests()
    {
        var id = Guid.NewGuid();
        var e = LiveEvent.Empty.Apply(LiveEvent.Empty.Create(id, EventKind.VakkanjersFinale, "Finale", new DateOnly(2026, 6, 1), "Eindhoven", string.Empty, JoinCodes.Generate()), 1);
        e = e.Apply(e.AddCategory(Guid.NewGuid(), "Junior", "groep 7–8"), 2);
        e = e.Apply(e.AddCategory(Guid.NewGuid(), "Navigator", "mbo"), 3);
        _event = e.Apply(e.AddSchool(Guid.NewGuid(), "De Regenboog", "Zwolle"), 4);
    }

    [Fact]
    public void Finalists_SemicolonSeparated_WithDutchHeaders_AreAllPlanned()
    {
        const string csv = """
            team;school;plaats;categorie;project;leden
            De Bouwers;De Regenboog;Zwolle;Junior;Slimme plantenbak;Daan, Noor
            Team Volt;ROC Techniek;Groningen;navigator;"Zonnepaneel; draaibaar";Sem|Yara|Anne-Fleur
            """;

        var plan = CsvImport.PlanFinalists(csv, _event);

        Assert.True(plan.CanImport, string.Join("; ", plan.Errors));
        Assert.Equal(2, plan.RowCount);
        Assert.Equal(["De Bouwers", "Team Volt"], plan.Fact!.Teams.Select(t => t.Name));
        Assert.Equal("Zonnepaneel; draaibaar", plan.Fact.Teams[1].ProjectTitle);
        Assert.Equal(["Sem", "Yara", "Anne-Fleur"], plan.Fact.Teams[1].MemberFirstNames);
        var newSchool = Assert.Single(plan.Fact.Schools);
        Assert.Equal("ROC Techniek", newSchool.Name);
        Assert.Equal(newSchool.SchoolId, plan.Fact.Teams[1].SchoolId);
    }

    [Fact]
    public void Finalists_CommaSeparated_WithEnglishHeaders_AreAllPlanned()
    {
        const string csv = "team,school,category,project,members\nDe Bouwers,De Regenboog,Junior,Robotarm,Daan|Noor\n";

        var plan = CsvImport.PlanFinalists(csv, _event);

        Assert.True(plan.CanImport, string.Join("; ", plan.Errors));
        Assert.Equal(["Daan", "Noor"], plan.Fact!.Teams[0].MemberFirstNames);
    }

    [Fact]
    public void Finalists_WithBadRows_AreRefusedWhole_WithAnErrorPerRow()
    {
        const string csv = """
            team;school;categorie;project;leden
            De Bouwers;De Regenboog;Junior;Plantenbak;Daan
            De Denkers;De Regenboog;Onbekend;Drone;Noor
            ;De Regenboog;Junior;Windmolen;Sem
            De Makers;De Regenboog;Junior;Bijenhotel;Jan Jansen
            De Bouwers;De Regenboog;Junior;Tweede keer;Eva
            """;

        var plan = CsvImport.PlanFinalists(csv, _event);

        Assert.False(plan.CanImport);
        Assert.Null(plan.Fact);
        Assert.Equal(
            [(3, "import.category.unknown"), (4, "team.name.required"), (5, "team.member.first-name-only"), (6, "team.name.duplicate")],
            plan.Errors.Select(e => (e.Row, e.Code)));
    }

    [Fact]
    public void Finalists_ARowWithThreeErrors_ReportsAllThree_OnItsLine()
    {
        const string csv = """
            team;school;categorie;project;leden
            De Bouwers;De Regenboog;Junior;Plantenbak;Daan
            ;De Regenboog;Onbekend;Drone;Noor, Jan Jansen
            De Makers;De Regenboog;Junior;Bijenhotel;Eva
            """;

        var plan = CsvImport.PlanFinalists(csv, _event);

        Assert.False(plan.CanImport);
        Assert.Equal(
            [(3, "import.category.unknown"), (3, "team.name.required"), (3, "team.member.first-name-only")],
            plan.Errors.Select(e => (e.Row, e.Code)));
        Assert.Equal(["Jan Jansen"], plan.Errors[2].Arguments);
    }

    [Fact]
    public void Finalists_EveryBadFieldAndEveryBadMember_IsReported()
    {
        var plan = CsvImport.PlanFinalists($"team;school;categorie;project;leden\n{new string('x', 81)};;Junior;;Jan Jansen|Eva|K2\n", _event);

        Assert.Equal(
            ["school.name.required", "team.name.too-long", "team.member.first-name-only", "team.member.first-name-only", "team.project.required"],
            plan.Errors.Select(e => e.Code));
        Assert.All(plan.Errors, e => Assert.Equal(2, e.Row));
    }

    [Fact]
    public void Jury_ARowWithSeveralErrors_ReportsThemAll()
    {
        var plan = CsvImport.PlanJury("naam;categorie;voorzitter\nA B;Junior;ja\n;Onbekend;ja\n;Junior;ja\n", _event);

        Assert.Equal(
            [(3, "import.category.unknown"), (3, "judge.name.required"), (4, "judge.name.required"), (4, "judge.chair.taken")],
            plan.Errors.Select(e => (e.Row, e.Code)));
    }

    [Fact]
    public void Finalists_WithAMissingColumn_NameTheColumn()
    {
        var plan = CsvImport.PlanFinalists("team;school;categorie;leden\nA;B;Junior;Daan\n", _event);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((1, "import.column.missing"), (error.Row, error.Code));
        Assert.Equal("project", error.Arguments[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("team;school;categorie;project;leden\n")]
    public void EmptyFiles_AreRefused(string csv)
    {
        var plan = CsvImport.PlanFinalists(csv, _event);
        Assert.False(plan.CanImport);
        Assert.Equal("import.empty", Assert.Single(plan.Errors).Code);
    }

    [Fact]
    public void OversizedFiles_AreRefused()
    {
        var plan = CsvImport.PlanFinalists(new string('x', CsvImport.MaxBytes + 1), _event);
        Assert.Equal("import.too-large", Assert.Single(plan.Errors).Code);
    }

    [Fact]
    public void HtmlInACell_IsKeptAsText_NotInterpreted()
    {
        var plan = CsvImport.PlanFinalists("team;school;categorie;project;leden\n<script>alert(1)</script>;De Regenboog;Junior;X;Daan\n", _event);
        Assert.True(plan.CanImport);
        Assert.Equal("<script>alert(1)</script>", plan.Fact!.Teams[0].Name);
    }

    [Fact]
    public void Jury_WithSchoolsAndChairs_IsPlanned_AndTwoChairsInOnePanelAreRefused()
    {
        const string good = """
            naam;categorie;school;voorzitter
            Marieke de Vries;Junior;;ja
            Hans Bakker;Junior;De Regenboog;nee
            Fatma Yilmaz;Navigator;Technova College;
            """;
        var plan = CsvImport.PlanJury(good, _event);
        Assert.True(plan.CanImport, string.Join("; ", plan.Errors));
        Assert.Equal([true, false, false], plan.Fact!.Judges.Select(j => j.IsChair));
        Assert.Equal(_event.Schools[0].Id, plan.Fact.Judges[1].SchoolId);
        Assert.Equal("Technova College", Assert.Single(plan.Fact.Schools).Name);

        var twoChairs = CsvImport.PlanJury("naam;categorie;voorzitter\nA B;Junior;ja\nC D;Junior;ja\n", _event);
        Assert.Equal((3, "judge.chair.taken"), (Assert.Single(twoChairs.Errors).Row, twoChairs.Errors[0].Code));
    }

    [Fact]
    public void PlannedImport_IsAcceptedByTheDomain_AsOneFact()
    {
        var plan = CsvImport.PlanFinalists("team;school;categorie;project;leden\nA;Nieuw;Junior;X;Daan\nB;Nieuw;Junior;Y;Noor\n", _event);

        var fact = _event.ImportFinalists(plan.Fact!.Schools, plan.Fact.Teams);
        var after = _event.Apply(fact, 5);

        Assert.Equal(2, after.Teams.Count);
        Assert.Equal(2, after.Schools.Count);
    }
}
