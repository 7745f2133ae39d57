using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class LiveEventTests
{
    // ---- categories --------------------------------------------------------------------------------------------

    [Fact]
    public void AddCategory_WithValidInput_AddsTrimmedCategory()
    {
        var id = Guid.NewGuid();

        var fact = _event.AddCategory(id, "  Media  ", "  Film en geluid ");
        var e = _event.Then(fact);

        Assert.Equal(new CategoryAdded(id, "Media", "Film en geluid"), fact);
        Assert.Equal(new Category(id, "Media", "Film en geluid"), e.FindCategory(id));
        Assert.Equal(3, e.Categories.Count);
    }

    [Fact]
    public void AddCategory_WithoutDescription_StoresEmptyDescription()
    {
        var fact = _event.AddCategory(Guid.NewGuid(), "Media", null);

        Assert.Equal(string.Empty, fact.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddCategory_WithEmptyName_IsRejected(string? name)
    {
        Rejected.With("category.name.required", () => _event.AddCategory(Guid.NewGuid(), name, ""));
    }

    [Fact]
    public void AddCategory_WithTooLongName_IsRejected()
    {
        Rejected.With("category.name.too-long", () => _event.AddCategory(Guid.NewGuid(), new string('c', 61), ""));
    }

    [Fact]
    public void AddCategory_WithTooLongDescription_IsRejected()
    {
        Rejected.With("category.description.too-long", () => _event.AddCategory(Guid.NewGuid(), "Media", new string('d', 301)));
    }

    [Theory]
    [InlineData("Techniek")]
    [InlineData("techniek")]
    [InlineData("TECHNIEK")]
    [InlineData("  tEcHnIeK ")]
    public void AddCategory_WithNameOfExistingCategoryIgnoringCase_IsRejected(string name)
    {
        var exception = Rejected.With("category.name.duplicate", () => _event.AddCategory(Guid.NewGuid(), name, ""));

        Assert.Equal(name.Trim(), Assert.Single(exception.Arguments));
    }

    [Fact]
    public void AddCategory_WithExistingId_IsRejected()
    {
        Rejected.With("id.invalid", () => _event.AddCategory(_techniek, "Media", ""));
    }

    [Fact]
    public void AddCategory_WithEmptyId_IsRejected()
    {
        Rejected.With("id.invalid", () => _event.AddCategory(Guid.Empty, "Media", ""));
    }

    [Fact]
    public void ChangeCategory_ThenApply_UpdatesOnlyThatCategory()
    {
        var fact = _event.ChangeCategory(_zorg, " Zorg & Welzijn ", "Mensen helpen");
        var e = _event.Then(fact);

        Assert.Equal(new CategoryChanged(_zorg, "Zorg & Welzijn", "Mensen helpen"), fact);
        Assert.Equal(new Category(_zorg, "Zorg & Welzijn", "Mensen helpen"), e.FindCategory(_zorg));
        Assert.Equal(new Category(_techniek, "Techniek", "Bouwen en maken"), e.FindCategory(_techniek));
        Assert.Equal([_techniek, _zorg], e.Categories.Select(c => c.Id));
    }

    [Fact]
    public void ChangeCategory_KeepingItsOwnNameInOtherCase_IsAllowed()
    {
        var fact = _event.ChangeCategory(_techniek, "TECHNIEK", "");

        Assert.Equal("TECHNIEK", fact.Name);
    }

    [Fact]
    public void ChangeCategory_ToNameOfAnotherCategoryIgnoringCase_IsRejected()
    {
        Rejected.With("category.name.duplicate", () => _event.ChangeCategory(_techniek, "zorg", ""));
    }

    [Fact]
    public void ChangeCategory_OfUnknownCategory_IsRejected()
    {
        Rejected.With("category.unknown", () => _event.ChangeCategory(Guid.NewGuid(), "Media", ""));
    }

    [Fact]
    public void ChangeCategory_WithEmptyName_IsRejected()
    {
        Rejected.With("category.name.required", () => _event.ChangeCategory(_techniek, "", ""));
    }

    [Fact]
    public void RemoveCategory_WhenUnused_RemovesIt()
    {
        var fact = _event.RemoveCategory(_zorg);
        var e = _event.Then(fact);

        Assert.Equal(new CategoryRemoved(_zorg), fact);
        Assert.Null(e.FindCategory(_zorg));
        Assert.Equal(_techniek, Assert.Single(e.Categories).Id);
    }

    [Fact]
    public void RemoveCategory_WhileATeamIsInIt_IsRejected()
    {
        var e = WithTeam(_event, Guid.NewGuid(), "De Bouwers", _techniek);

        var exception = Rejected.With("category.in-use", () => e.RemoveCategory(_techniek));

        Assert.Equal("Techniek", Assert.Single(exception.Arguments));
    }

    [Fact]
    public void RemoveCategory_WhileAJudgeIsOnItsPanel_IsRejected()
    {
        var e = WithJudge(_event, Guid.NewGuid(), "Mevr. Jansen", _zorg);

        Rejected.With("category.in-use", () => e.RemoveCategory(_zorg));
    }

    [Fact]
    public void RemoveCategory_AfterItsTeamWithdrew_IsAllowed()
    {
        var teamId = Guid.NewGuid();
        var e = WithTeam(_event, teamId, "De Bouwers", _techniek);
        e = e.Then(e.WithdrawTeam(teamId));

        var fact = e.RemoveCategory(_techniek);

        Assert.Equal(_techniek, fact.CategoryId);
    }

    [Fact]
    public void RemoveCategory_AfterItsTeamMovedElsewhere_IsAllowed()
    {
        var teamId = Guid.NewGuid();
        var e = WithTeam(_event, teamId, "De Bouwers", _techniek);
        e = e.Then(e.ChangeTeam(teamId, "De Bouwers", _daVinci, _zorg, "Slimme kas", ["Ann"]));

        var fact = e.RemoveCategory(_techniek);

        Assert.Equal(_techniek, fact.CategoryId);
    }

    [Fact]
    public void RemoveCategory_OfUnknownCategory_IsRejected()
    {
        Rejected.With("category.unknown", () => _event.RemoveCategory(Guid.NewGuid()));
    }

    [Fact]
    public void AddCategory_WithNameOfRemovedCategory_IsAllowed()
    {
        var e = _event.Then(_event.RemoveCategory(_zorg));

        var fact = e.AddCategory(Guid.NewGuid(), "Zorg", "");

        Assert.Equal("Zorg", fact.Name);
    }

    // ---- schools -----------------------------------------------------------------------------------------------

    [Fact]
    public void AddSchool_WithValidInput_AddsTrimmedSchool()
    {
        var id = Guid.NewGuid();

        var fact = _event.AddSchool(id, " Koning Willem I College ", " 's-Hertogenbosch ");
        var e = _event.Then(fact);

        Assert.Equal(new SchoolAdded(id, "Koning Willem I College", "'s-Hertogenbosch"), fact);
        Assert.Equal(new School(id, "Koning Willem I College", "'s-Hertogenbosch"), e.FindSchool(id));
        Assert.Equal(3, e.Schools.Count);
    }

    [Fact]
    public void AddSchool_WithoutCity_StoresEmptyCity()
    {
        var fact = _event.AddSchool(Guid.NewGuid(), "ROC Tilburg", null);

        Assert.Equal(string.Empty, fact.City);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void AddSchool_WithEmptyName_IsRejected(string? name)
    {
        Rejected.With("school.name.required", () => _event.AddSchool(Guid.NewGuid(), name, "Tilburg"));
    }

    [Fact]
    public void AddSchool_WithTooLongName_IsRejected()
    {
        Rejected.With("school.name.too-long", () => _event.AddSchool(Guid.NewGuid(), new string('s', 121), ""));
    }

    [Fact]
    public void AddSchool_WithTooLongCity_IsRejected()
    {
        Rejected.With("school.city.too-long", () => _event.AddSchool(Guid.NewGuid(), "ROC Tilburg", new string('c', 61)));
    }

    [Theory]
    [InlineData("Summa College")]
    [InlineData("summa college")]
    [InlineData("SUMMA COLLEGE")]
    [InlineData(" Summa college  ")]
    public void AddSchool_WithNameOfExistingSchoolIgnoringCase_IsRejected(string name)
    {
        Rejected.With("school.name.duplicate", () => _event.AddSchool(Guid.NewGuid(), name, ""));
    }

    [Fact]
    public void AddSchool_WithExistingId_IsRejected()
    {
        Rejected.With("id.invalid", () => _event.AddSchool(_summa, "ROC Tilburg", ""));
    }

    [Fact]
    public void AddSchool_WithEmptyId_IsRejected()
    {
        Rejected.With("id.invalid", () => _event.AddSchool(Guid.Empty, "ROC Tilburg", ""));
    }

    [Fact]
    public void ChangeSchool_ThenApply_UpdatesOnlyThatSchool()
    {
        var fact = _event.ChangeSchool(_summa, "Summa Techniek", " Eindhoven ");
        var e = _event.Then(fact);

        Assert.Equal(new SchoolChanged(_summa, "Summa Techniek", "Eindhoven"), fact);
        Assert.Equal(new School(_summa, "Summa Techniek", "Eindhoven"), e.FindSchool(_summa));
        Assert.Equal(new School(_daVinci, "Da Vinci College", "Dordrecht"), e.FindSchool(_daVinci));
    }

    [Fact]
    public void ChangeSchool_KeepingItsOwnNameInOtherCase_IsAllowed()
    {
        var fact = _event.ChangeSchool(_summa, "SUMMA COLLEGE", "");

        Assert.Equal("SUMMA COLLEGE", fact.Name);
    }

    [Fact]
    public void ChangeSchool_ToNameOfAnotherSchoolIgnoringCase_IsRejected()
    {
        Rejected.With("school.name.duplicate", () => _event.ChangeSchool(_summa, "da vinci college", ""));
    }

    [Fact]
    public void ChangeSchool_OfUnknownSchool_IsRejected()
    {
        Rejected.With("school.unknown", () => _event.ChangeSchool(Guid.NewGuid(), "ROC Tilburg", ""));
    }

    [Fact]
    public void RemoveSchool_WhenUnused_RemovesIt()
    {
        var e = _event.Then(_event.RemoveSchool(_summa));

        Assert.Null(e.FindSchool(_summa));
        Assert.Equal(_daVinci, Assert.Single(e.Schools).Id);
    }

    [Fact]
    public void RemoveSchool_WhileATeamComesFromIt_IsRejected()
    {
        var e = WithTeam(_event, Guid.NewGuid(), "De Bouwers", _techniek, _summa);

        var exception = Rejected.With("school.in-use", () => e.RemoveSchool(_summa));

        Assert.Equal("Summa College", Assert.Single(exception.Arguments));
    }

    [Fact]
    public void RemoveSchool_WhileAJudgeIsLinkedToIt_IsRejected()
    {
        var e = WithJudge(_event, Guid.NewGuid(), "Dhr. Pietersen", _zorg, schoolId: _summa);

        Rejected.With("school.in-use", () => e.RemoveSchool(_summa));
    }

    [Fact]
    public void RemoveSchool_AfterItsTeamWithdrew_IsAllowed()
    {
        var teamId = Guid.NewGuid();
        var e = WithTeam(_event, teamId, "De Bouwers", _techniek, _summa);
        e = e.Then(e.WithdrawTeam(teamId));

        var fact = e.RemoveSchool(_summa);

        Assert.Equal(_summa, fact.SchoolId);
    }

    [Fact]
    public void RemoveSchool_OfUnknownSchool_IsRejected()
    {
        Rejected.With("school.unknown", () => _event.RemoveSchool(Guid.NewGuid()));
    }
}
