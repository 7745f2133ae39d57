using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class LiveEventTests
{
    private TeamRegistered TeamRow(string name, Guid schoolId, Guid? categoryId = null, params string[] members) =>
        new(Guid.NewGuid(), name, schoolId, categoryId ?? _techniek, "Project " + name, members.Length == 0 ? ["Ann"] : members);

    // ---- finalists ---------------------------------------------------------------------------------------------

    [Fact]
    public void ImportFinalists_WithNewSchoolUsedByTeams_AddsEverythingInOneFact()
    {
        var newSchool = new SchoolAdded(Guid.NewGuid(), " ROC Tilburg ", "Tilburg");
        var first = TeamRow("De Bouwers", newSchool.SchoolId);
        var second = TeamRow("De Zorgers", _summa, _zorg, "Cas", "Dirk");

        var fact = _event.ImportFinalists([newSchool], [first, second]);
        var e = _event.Then(fact);

        Assert.Equal([new SchoolAdded(newSchool.SchoolId, "ROC Tilburg", "Tilburg")], fact.Schools);
        Assert.Equal([first.TeamId, second.TeamId], fact.Teams.Select(t => t.TeamId));
        Assert.Equal(_event.Version + 1, e.Version);
        Assert.Equal(new School(newSchool.SchoolId, "ROC Tilburg", "Tilburg"), e.FindSchool(newSchool.SchoolId));
        Assert.Equal(3, e.Schools.Count);
        Assert.Equal(newSchool.SchoolId, e.FindTeam(first.TeamId)?.SchoolId);
        Assert.Equal(_zorg, e.FindTeam(second.TeamId)?.CategoryId);
        Assert.Equal(["Cas", "Dirk"], e.FindTeam(second.TeamId)?.MemberFirstNames ?? []);
    }

    [Fact]
    public void ImportFinalists_WithoutNewSchools_IsAccepted()
    {
        var fact = _event.ImportFinalists([], [TeamRow("De Bouwers", _daVinci)]);

        Assert.Empty(fact.Schools);
        Assert.Single(fact.Teams);
    }

    [Fact]
    public void ImportFinalists_ChecksAndNormalisesEachTeam()
    {
        var row = new TeamRegistered(Guid.NewGuid(), "  De Bouwers ", _daVinci, _techniek, " Slimme kas ", [" Ann ", "", "Bo"]);

        var fact = _event.ImportFinalists([], [row]);

        var team = Assert.Single(fact.Teams);
        Assert.Equal("De Bouwers", team.Name);
        Assert.Equal("Slimme kas", team.ProjectTitle);
        Assert.Equal(["Ann", "Bo"], team.MemberFirstNames);
    }

    [Fact]
    public void ImportFinalists_WithOneBadTeamAmongGoodOnes_IsRejectedAsAWhole()
    {
        var newSchool = new SchoolAdded(Guid.NewGuid(), "ROC Tilburg", "Tilburg");
        TeamRegistered[] teams =
        [
            TeamRow("De Bouwers", newSchool.SchoolId),
            TeamRow("De Makers", _daVinci),
            TeamRow("De Slechte", _summa, _techniek, "Ann de Vries"),
            TeamRow("De Laatsten", _summa),
        ];
        FinalistsImported? result = null;

        Rejected.With("team.member.first-name-only", () => result = _event.ImportFinalists([newSchool], teams));

        Assert.Null(result);
        Assert.Empty(_event.Teams);
        Assert.Null(_event.FindSchool(newSchool.SchoolId));
    }

    [Fact]
    public void ImportFinalists_WithTeamOfUnknownSchool_IsRejected()
    {
        Rejected.With("team.school.unknown", () => _event.ImportFinalists([], [TeamRow("De Bouwers", _daVinci), TeamRow("De Makers", Guid.NewGuid())]));
    }

    [Fact]
    public void ImportFinalists_WithTeamOfUnknownCategory_IsRejected()
    {
        Rejected.With("team.category.unknown", () => _event.ImportFinalists([], [TeamRow("De Bouwers", _daVinci, Guid.NewGuid())]));
    }

    [Fact]
    public void ImportFinalists_WithDuplicateTeamNamesInSameCategory_IsRejected()
    {
        Rejected.With("team.name.duplicate", () => _event.ImportFinalists([], [TeamRow("De Bouwers", _daVinci), TeamRow("de bouwers", _summa)]));
    }

    [Fact]
    public void ImportFinalists_WithTeamNameAlreadyRegistered_IsRejected()
    {
        var e = WithTeam(_event, Guid.NewGuid(), "De Bouwers", _techniek);

        Rejected.With("team.name.duplicate", () => e.ImportFinalists([], [TeamRow("De Bouwers", _summa)]));
    }

    [Fact]
    public void ImportFinalists_WithSameTeamIdTwice_IsRejected()
    {
        var row = TeamRow("De Bouwers", _daVinci);

        Rejected.With("id.invalid", () => _event.ImportFinalists([], [row, row with { Name = "De Makers" }]));
    }

    [Fact]
    public void ImportFinalists_WithNewSchoolNamedLikeExistingSchool_IsRejected()
    {
        var clash = new SchoolAdded(Guid.NewGuid(), "SUMMA COLLEGE", "");

        Rejected.With("school.name.duplicate", () => _event.ImportFinalists([clash], [TeamRow("De Bouwers", clash.SchoolId)]));
    }

    [Fact]
    public void ImportFinalists_WithInvalidNewSchool_IsRejected()
    {
        var bad = new SchoolAdded(Guid.NewGuid(), "", "");

        Rejected.With("school.name.required", () => _event.ImportFinalists([bad], [TeamRow("De Bouwers", _daVinci)]));
    }

    [Fact]
    public void ImportFinalists_WithoutTeams_IsRejected()
    {
        Rejected.With("import.empty", () => _event.ImportFinalists([], []));
    }

    [Fact]
    public void ImportFinalists_WithOnlySchools_IsRejected()
    {
        Rejected.With("import.empty", () => _event.ImportFinalists([new SchoolAdded(Guid.NewGuid(), "ROC Tilburg", "")], []));
    }

    // ---- jury --------------------------------------------------------------------------------------------------

    [Fact]
    public void ImportJury_WithNewSchoolUsedByJudge_AddsEverythingInOneFact()
    {
        var newSchool = new SchoolAdded(Guid.NewGuid(), "ROC Tilburg", " Tilburg ");
        var chair = new JudgeAppointed(Guid.NewGuid(), " Mevr. Jansen ", _techniek, newSchool.SchoolId, true);
        var member = new JudgeAppointed(Guid.NewGuid(), "Dhr. Pietersen", _techniek, null, false);

        var fact = _event.ImportJury([newSchool], [chair, member]);
        var e = _event.Then(fact);

        Assert.Equal([new SchoolAdded(newSchool.SchoolId, "ROC Tilburg", "Tilburg")], fact.Schools);
        Assert.Equal([chair with { Name = "Mevr. Jansen" }, member], fact.Judges);
        Assert.Equal(_event.Version + 1, e.Version);
        Assert.NotNull(e.FindSchool(newSchool.SchoolId));
        Assert.Equal(new Judge(chair.JudgeId, "Mevr. Jansen", _techniek, newSchool.SchoolId, true, null), e.FindJudge(chair.JudgeId));
        Assert.Equal(new Judge(member.JudgeId, "Dhr. Pietersen", _techniek, null, false, null), e.FindJudge(member.JudgeId));
    }

    [Fact]
    public void ImportJury_WithOneBadJudgeAmongGoodOnes_IsRejectedAsAWhole()
    {
        JudgeAppointed[] judges =
        [
            new(Guid.NewGuid(), "Mevr. Jansen", _techniek, null, false),
            new(Guid.NewGuid(), "Dhr. Pietersen", _techniek, Guid.NewGuid(), false),
            new(Guid.NewGuid(), "Mevr. de Boer", _zorg, null, false),
        ];
        JuryImported? result = null;

        Rejected.With("judge.school.unknown", () => result = _event.ImportJury([], judges));

        Assert.Null(result);
        Assert.Empty(_event.Judges);
    }

    [Fact]
    public void ImportJury_WithTwoChairsForSameCategory_IsRejected()
    {
        Rejected.With("judge.chair.taken", () => _event.ImportJury(
            [],
            [
                new JudgeAppointed(Guid.NewGuid(), "Mevr. Jansen", _techniek, null, true),
                new JudgeAppointed(Guid.NewGuid(), "Dhr. Pietersen", _techniek, null, true),
            ]));
    }

    [Fact]
    public void ImportJury_WithChairForCategoryThatAlreadyHasOne_IsRejected()
    {
        var e = WithJudge(_event, Guid.NewGuid(), "Mevr. Jansen", _zorg, isChair: true);

        Rejected.With("judge.chair.taken", () => e.ImportJury([], [new JudgeAppointed(Guid.NewGuid(), "Dhr. Pietersen", _zorg, null, true)]));
    }

    [Fact]
    public void ImportJury_WithJudgeOfUnknownCategory_IsRejected()
    {
        Rejected.With("judge.category.unknown", () => _event.ImportJury([], [new JudgeAppointed(Guid.NewGuid(), "Mevr. Jansen", Guid.NewGuid(), null, false)]));
    }

    [Fact]
    public void ImportJury_WithoutJudges_IsRejected()
    {
        Rejected.With("import.empty", () => _event.ImportJury([new SchoolAdded(Guid.NewGuid(), "ROC Tilburg", "")], []));
    }
}
