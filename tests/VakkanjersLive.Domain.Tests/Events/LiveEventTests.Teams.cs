using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class LiveEventTests
{
    [Fact]
    public void RegisterTeam_WithValidInput_ReturnsTrimmedFact()
    {
        var id = Guid.NewGuid();

        var fact = _event.RegisterTeam(id, " De Bouwers ", _daVinci, _techniek, "  Slimme kas ", ["Ann", "Bo"]);

        Assert.Equal(id, fact.TeamId);
        Assert.Equal("De Bouwers", fact.Name);
        Assert.Equal(_daVinci, fact.SchoolId);
        Assert.Equal(_techniek, fact.CategoryId);
        Assert.Equal("Slimme kas", fact.ProjectTitle);
        Assert.Equal(["Ann", "Bo"], fact.MemberFirstNames);
    }

    [Fact]
    public void RegisterTeam_ThenApply_AddsTheTeam()
    {
        var id = Guid.NewGuid();

        var e = _event.Then(_event.RegisterTeam(id, "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann", "Bo"]));

        var team = Assert.Single(e.Teams);
        Assert.Same(team, e.FindTeam(id));
        Assert.Equal(id, team.Id);
        Assert.Equal("De Bouwers", team.Name);
        Assert.Equal(_daVinci, team.SchoolId);
        Assert.Equal(_techniek, team.CategoryId);
        Assert.Equal("Slimme kas", team.ProjectTitle);
        Assert.Equal(["Ann", "Bo"], team.MemberFirstNames);
    }

    [Fact]
    public void RegisterTeam_WithUnknownSchool_IsRejected()
    {
        Rejected.With("team.school.unknown", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", Guid.NewGuid(), _techniek, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void RegisterTeam_WithUnknownCategory_IsRejected()
    {
        Rejected.With("team.category.unknown", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, Guid.NewGuid(), "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void RegisterTeam_WithSchoolThatWasRemoved_IsRejected()
    {
        var e = _event.Then(_event.RemoveSchool(_summa));

        Rejected.With("team.school.unknown", () => e.RegisterTeam(Guid.NewGuid(), "De Bouwers", _summa, _techniek, "Slimme kas", ["Ann"]));
    }

    [Theory]
    [InlineData("De Bouwers")]
    [InlineData("de bouwers")]
    [InlineData(" DE BOUWERS ")]
    public void RegisterTeam_WithNameOfTeamInSameCategoryIgnoringCase_IsRejected(string name)
    {
        var e = WithTeam(_event, Guid.NewGuid(), "De Bouwers", _techniek);

        Rejected.With("team.name.duplicate", () => e.RegisterTeam(Guid.NewGuid(), name, _summa, _techniek, "Iets anders", ["Cas"]));
    }

    [Fact]
    public void RegisterTeam_WithNameOfTeamInOtherCategory_IsAllowed()
    {
        var e = WithTeam(_event, Guid.NewGuid(), "De Bouwers", _techniek);

        e = e.Then(e.RegisterTeam(Guid.NewGuid(), "De Bouwers", _summa, _zorg, "Tilhulp", ["Cas"]));

        Assert.Equal(2, e.Teams.Count(t => t.Name == "De Bouwers"));
    }

    [Fact]
    public void RegisterTeam_WithNameOfWithdrawnTeam_IsAllowed()
    {
        var first = Guid.NewGuid();
        var e = WithTeam(_event, first, "De Bouwers", _techniek);
        e = e.Then(e.WithdrawTeam(first));

        var fact = e.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann"]);

        Assert.Equal("De Bouwers", fact.Name);
    }

    [Fact]
    public void RegisterTeam_WithExistingId_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);

        Rejected.With("id.invalid", () => e.RegisterTeam(id, "Andere naam", _daVinci, _techniek, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void RegisterTeam_WithEmptyId_IsRejected()
    {
        Rejected.With("id.invalid", () => _event.RegisterTeam(Guid.Empty, "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void RegisterTeam_TrimsMembersAndDropsEmptyEntries()
    {
        var fact = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", ["  Ann ", "", null, "   ", "\t", "Bo"]);

        Assert.Equal(["Ann", "Bo"], fact.MemberFirstNames);
    }

    [Fact]
    public void RegisterTeam_KeepsMemberOrder()
    {
        var fact = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Zoë", "Ann", "Mo"]);

        Assert.Equal(["Zoë", "Ann", "Mo"], fact.MemberFirstNames);
    }

    [Fact]
    public void RegisterTeam_WithoutMembers_IsRejected()
    {
        Rejected.With("team.members.required", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", []));
    }

    [Fact]
    public void RegisterTeam_WithOnlyBlankMembers_IsRejected()
    {
        Rejected.With("team.members.required", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", [" ", null, ""]));
    }

    [Fact]
    public void RegisterTeam_WithMaximumNumberOfMembers_IsAccepted()
    {
        string[] members = ["Ann", "Bo", "Cas", "Dirk", "Eva", "Fleur", "Gijs", "Hanna"];

        var fact = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", members);

        Assert.Equal(LiveEvent.MaxMembersPerTeam, fact.MemberFirstNames.Count);
    }

    [Fact]
    public void RegisterTeam_WithMoreThanMaximumMembers_IsRejected()
    {
        string[] members = ["Ann", "Bo", "Cas", "Dirk", "Eva", "Fleur", "Gijs", "Hanna", "Ilse"];

        var exception = Rejected.With("team.members.too-many", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", members));

        Assert.Equal(LiveEvent.MaxMembersPerTeam, Assert.Single(exception.Arguments));
    }

    [Fact]
    public void RegisterTeam_WithMaximumMembersPlusBlankEntries_IsAccepted()
    {
        string?[] members = ["Ann", "", "Bo", "Cas", null, "Dirk", "Eva", " ", "Fleur", "Gijs", "Hanna"];

        var fact = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", members);

        Assert.Equal(8, fact.MemberFirstNames.Count);
    }

    [Theory]
    [InlineData("Ann Smit")]
    [InlineData("Ann2")]
    [InlineData("4nn")]
    [InlineData("Ann.")]
    [InlineData("Ann,Bo")]
    [InlineData("ann@school.nl")]
    [InlineData("Ann_Bo")]
    [InlineData("Ann\u00A0Smit")]
    public void RegisterTeam_WithMemberThatIsMoreThanAFirstName_IsRejected(string member)
    {
        var exception = Rejected.With("team.member.first-name-only", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Bo", member]));

        Assert.Equal(member, Assert.Single(exception.Arguments));
    }

    [Theory]
    [InlineData("Anne-Marie")]
    [InlineData("D'Angelo")]
    [InlineData("Zoë")]
    [InlineData("Çağla")]
    [InlineData("Ümit")]
    [InlineData("Noël")]
    [InlineData("Юлия")]
    [InlineData("محمد")]
    public void RegisterTeam_WithHyphenatedOrAccentedFirstName_IsAccepted(string member)
    {
        var fact = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", [member]);

        Assert.Equal(member, Assert.Single(fact.MemberFirstNames));
    }

    [Fact]
    public void RegisterTeam_WithDecomposedAccentInMember_StoresComposedForm()
    {
        var fact = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Zoe\u0308"]);

        Assert.Equal("Zo\u00EB", Assert.Single(fact.MemberFirstNames));
    }

    [Fact]
    public void RegisterTeam_WithMemberOfMaximumLength_IsAccepted()
    {
        var fact = _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", [new string('a', 30)]);

        Assert.Equal(30, Assert.Single(fact.MemberFirstNames).Length);
    }

    [Fact]
    public void RegisterTeam_WithTooLongMember_IsRejected()
    {
        Rejected.With("team.member.too-long", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", [new string('a', 31)]));
    }

    [Theory]
    [InlineData("Ann\u200B")]
    [InlineData("An\u200Dn")]
    [InlineData("\u202EAnn")]
    [InlineData("Ann\u0000")]
    public void RegisterTeam_WithInvisibleCharacterInMember_IsRejected(string member)
    {
        Rejected.With("team.member.invalid-characters", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", [member]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RegisterTeam_WithEmptyName_IsRejected(string? name)
    {
        Rejected.With("team.name.required", () => _event.RegisterTeam(Guid.NewGuid(), name, _daVinci, _techniek, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void RegisterTeam_WithNameOfMaximumLength_IsAccepted()
    {
        var fact = _event.RegisterTeam(Guid.NewGuid(), new string('t', 80), _daVinci, _techniek, "Slimme kas", ["Ann"]);

        Assert.Equal(80, fact.Name.Length);
    }

    [Fact]
    public void RegisterTeam_WithTooLongName_IsRejected()
    {
        var exception = Rejected.With("team.name.too-long", () => _event.RegisterTeam(Guid.NewGuid(), new string('t', 81), _daVinci, _techniek, "Slimme kas", ["Ann"]));

        Assert.Equal(80, Assert.Single(exception.Arguments));
    }

    [Theory]
    [InlineData("De\u200BBouwers")]
    [InlineData("De\u200CBouwers")]
    [InlineData("De\u200DBouwers")]
    [InlineData("De\u200EBouwers")]
    [InlineData("De\u200FBouwers")]
    [InlineData("De\u202EBouwers")]
    [InlineData("De\u2066Bouwers")]
    [InlineData("De\u2060Bouwers")]
    [InlineData("De\uFEFFBouwers")]
    [InlineData("De\u00ADBouwers")]
    [InlineData("De\u0007Bouwers")]
    [InlineData("De\nBouwers")]
    [InlineData("\u200B")]
    public void RegisterTeam_WithZeroWidthBidiOrControlCharacterInName_IsRejected(string name)
    {
        Rejected.With("team.name.invalid-characters", () => _event.RegisterTeam(Guid.NewGuid(), name, _daVinci, _techniek, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void RegisterTeam_WithEmptyProjectTitle_IsRejected()
    {
        Rejected.With("team.project.required", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, " ", ["Ann"]));
    }

    [Fact]
    public void RegisterTeam_WithTooLongProjectTitle_IsRejected()
    {
        Rejected.With("team.project.too-long", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, new string('p', 161), ["Ann"]));
    }

    // ---- changing and withdrawing ------------------------------------------------------------------------------

    [Fact]
    public void ChangeTeam_ThenApply_MovesTeamToOtherCategoryAndSchool()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);
        e = WithTeam(e, other, "De Makers", _techniek);

        var fact = e.ChangeTeam(id, " De Verzorgers ", _summa, _zorg, "Tilhulp", [" Ann ", "", "Cas"]);
        e = e.Then(fact);

        Assert.Equal("De Verzorgers", fact.Name);
        Assert.Equal(["Ann", "Cas"], fact.MemberFirstNames);
        var team = e.FindTeam(id);
        Assert.NotNull(team);
        Assert.Equal("De Verzorgers", team.Name);
        Assert.Equal(_summa, team.SchoolId);
        Assert.Equal(_zorg, team.CategoryId);
        Assert.Equal("Tilhulp", team.ProjectTitle);
        Assert.Equal(["Ann", "Cas"], team.MemberFirstNames);
        Assert.Equal([id, other], e.Teams.Select(t => t.Id));
        Assert.Equal("De Makers", e.FindTeam(other)?.Name);
    }

    [Fact]
    public void ChangeTeam_KeepingItsOwnName_IsAllowed()
    {
        var id = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);

        var fact = e.ChangeTeam(id, "DE BOUWERS", _daVinci, _techniek, "Nieuw project", ["Ann"]);

        Assert.Equal("DE BOUWERS", fact.Name);
    }

    [Fact]
    public void ChangeTeam_ToNameOfAnotherTeamInSameCategory_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);
        e = WithTeam(e, Guid.NewGuid(), "De Makers", _techniek);

        Rejected.With("team.name.duplicate", () => e.ChangeTeam(id, "de makers", _daVinci, _techniek, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void ChangeTeam_MovingIntoCategoryWithTeamOfSameName_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);
        e = WithTeam(e, Guid.NewGuid(), "De Bouwers", _zorg);

        Rejected.With("team.name.duplicate", () => e.ChangeTeam(id, "De Bouwers", _daVinci, _zorg, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void ChangeTeam_OfUnknownTeam_IsRejected()
    {
        Rejected.With("team.unknown", () => _event.ChangeTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void ChangeTeam_ToUnknownCategory_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);

        Rejected.With("team.category.unknown", () => e.ChangeTeam(id, "De Bouwers", _daVinci, Guid.NewGuid(), "Slimme kas", ["Ann"]));
    }

    [Fact]
    public void ChangeTeam_WithInvalidMember_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);

        Rejected.With("team.member.first-name-only", () => e.ChangeTeam(id, "De Bouwers", _daVinci, _techniek, "Slimme kas", ["Ann de Vries"]));
    }

    [Fact]
    public void WithdrawTeam_ThenApply_RemovesOnlyThatTeam()
    {
        var id = Guid.NewGuid();
        var stays = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);
        e = WithTeam(e, stays, "De Makers", _techniek);

        var fact = e.WithdrawTeam(id);
        e = e.Then(fact);

        Assert.Equal(new TeamWithdrawn(id), fact);
        Assert.Null(e.FindTeam(id));
        Assert.Equal(stays, Assert.Single(e.Teams).Id);
    }

    [Fact]
    public void WithdrawTeam_OfUnknownTeam_IsRejected()
    {
        Rejected.With("team.unknown", () => _event.WithdrawTeam(Guid.NewGuid()));
    }

    [Fact]
    public void WithdrawTeam_Twice_IsRejected()
    {
        var id = Guid.NewGuid();
        var e = WithTeam(_event, id, "De Bouwers", _techniek);
        e = e.Then(e.WithdrawTeam(id));

        Rejected.With("team.unknown", () => e.WithdrawTeam(id));
    }
}
