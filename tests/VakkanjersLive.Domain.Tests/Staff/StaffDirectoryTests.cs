using VakkanjersLive.Domain.Staff;

namespace VakkanjersLive.Domain.Tests.Staff;

public sealed class StaffDirectoryTests
{
    private const string Hash = "AQAAAAIAAYagAAAAEHash";

    private static StaffDirectory WithAccount(StaffDirectory directory, Guid id, string userName, ModeratorRole role = ModeratorRole.CoModerator) =>
        directory.Apply(directory.Register(id, userName, "Naam " + userName, Hash, role), directory.Version + 1);

    [Fact]
    public void Empty_HasNoAccounts()
    {
        Assert.False(StaffDirectory.Empty.HasAccounts);
        Assert.Empty(StaffDirectory.Empty.Moderators);
        Assert.Equal(0, StaffDirectory.Empty.Version);
    }

    [Fact]
    public void Register_NormalisesUserNameToTrimmedLowerCase()
    {
        var id = Guid.NewGuid();

        var fact = StaffDirectory.Empty.Register(id, "  J.Jansen  ", " Jan Jansen ", Hash, ModeratorRole.Admin);

        Assert.Equal(new ModeratorRegistered(id, "j.jansen", "Jan Jansen", Hash, true, ModeratorRole.Admin), fact);
    }

    [Fact]
    public void Register_ThenApply_AddsTheModeratorAndMovesVersion()
    {
        var id = Guid.NewGuid();

        var directory = StaffDirectory.Empty.Apply(StaffDirectory.Empty.Register(id, "Admin", "Beheerder", Hash, ModeratorRole.Admin), 7);

        Assert.True(directory.HasAccounts);
        Assert.Equal(7, directory.Version);
        Assert.Equal(new Moderator(id, "admin", "Beheerder", Hash, ModeratorRole.Admin) { SessionStamp = 7 }, Assert.Single(directory.Moderators));
        Assert.Same(directory.Moderators[0], directory.Find(id));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("j.jansen")]
    [InlineData("mod-2_b")]
    [InlineData("123")]
    [InlineData("...")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Register_WithAllowedUserName_IsAccepted(string userName)
    {
        var fact = StaffDirectory.Empty.Register(Guid.NewGuid(), userName, "Naam", Hash, ModeratorRole.CoModerator);

        Assert.Equal(userName, fact.UserName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ab")]
    [InlineData("  ab  ")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("jan jansen")]
    [InlineData("jan@school.nl")]
    [InlineData("jän")]
    [InlineData("jan!")]
    [InlineData("jan+1")]
    [InlineData("jan\u200B")]
    public void Register_WithInvalidUserName_IsRejected(string? userName)
    {
        Rejected.With("account.user-name.invalid", () => StaffDirectory.Empty.Register(Guid.NewGuid(), userName, "Naam", Hash, ModeratorRole.CoModerator));
    }

    [Theory]
    [InlineData("jansen")]
    [InlineData("JANSEN")]
    [InlineData(" Jansen ")]
    public void Register_WithTakenUserNameIgnoringCase_IsRejected(string userName)
    {
        var directory = WithAccount(StaffDirectory.Empty, Guid.NewGuid(), "jansen");

        var exception = Rejected.With("account.user-name.taken", () => directory.Register(Guid.NewGuid(), userName, "Naam", Hash, ModeratorRole.CoModerator));

        Assert.Equal("jansen", Assert.Single(exception.Arguments));
    }

    [Fact]
    public void Register_WithEmptyId_IsRejected()
    {
        Rejected.With("id.invalid", () => StaffDirectory.Empty.Register(Guid.Empty, "jansen", "Naam", Hash, ModeratorRole.CoModerator));
    }

    [Fact]
    public void Register_WithExistingId_IsRejected()
    {
        var id = Guid.NewGuid();
        var directory = WithAccount(StaffDirectory.Empty, id, "jansen");

        Rejected.With("id.invalid", () => directory.Register(id, "pietersen", "Naam", Hash, ModeratorRole.CoModerator));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Register_WithEmptyDisplayName_IsRejected(string? displayName)
    {
        Rejected.With("account.display-name.required", () => StaffDirectory.Empty.Register(Guid.NewGuid(), "jansen", displayName, Hash, ModeratorRole.CoModerator));
    }

    [Fact]
    public void Register_WithTooLongDisplayName_IsRejected()
    {
        Rejected.With("account.display-name.too-long", () => StaffDirectory.Empty.Register(Guid.NewGuid(), "jansen", new string('n', 81), Hash, ModeratorRole.CoModerator));
    }

    [Fact]
    public void Register_WithEmptyPasswordHash_Throws()
    {
        Assert.Throws<ArgumentException>(() => StaffDirectory.Empty.Register(Guid.NewGuid(), "jansen", "Naam", "", ModeratorRole.CoModerator));
    }

    [Fact]
    public void Register_WithNullPasswordHash_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => StaffDirectory.Empty.Register(Guid.NewGuid(), "jansen", "Naam", null!, ModeratorRole.CoModerator));
    }

    [Theory]
    [InlineData("jansen")]
    [InlineData("JANSEN")]
    [InlineData("  Jansen ")]
    public void FindByUserName_IgnoresCaseAndSurroundingSpaces(string userName)
    {
        var id = Guid.NewGuid();
        var directory = WithAccount(StaffDirectory.Empty, id, "jansen");

        Assert.Equal(id, directory.FindByUserName(userName)?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pietersen")]
    public void FindByUserName_OfUnknownName_ReturnsNull(string? userName)
    {
        var directory = WithAccount(StaffDirectory.Empty, Guid.NewGuid(), "jansen");

        Assert.Null(directory.FindByUserName(userName));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(" Jan.Jansen ", "jan.jansen")]
    [InlineData("ADMIN", "admin")]
    public void NormalizeUserName_TrimsAndLowerCases(string? userName, string expected)
    {
        Assert.Equal(expected, StaffDirectory.NormalizeUserName(userName));
    }

    [Fact]
    public void ChangePassword_ThenApply_ChangesOnlyThatAccountsHash()
    {
        var jansen = Guid.NewGuid();
        var pietersen = Guid.NewGuid();
        var directory = WithAccount(StaffDirectory.Empty, jansen, "jansen", role: ModeratorRole.Admin);
        directory = WithAccount(directory, pietersen, "pietersen");

        var fact = directory.ChangePassword(jansen, "new-hash");
        var after = directory.Apply(fact, 3);

        Assert.Equal(new ModeratorPasswordChanged(jansen, "new-hash"), fact);
        Assert.Equal(new Moderator(jansen, "jansen", "Naam jansen", "new-hash", ModeratorRole.Admin) { SessionStamp = 3 }, after.Find(jansen));
        Assert.Equal(Hash, after.Find(pietersen)?.PasswordHash);
        Assert.Equal(3, after.Version);
    }

    [Fact]
    public void SignOut_ThenApply_MovesOnlyThatAccountsSessionStamp()
    {
        var jansen = Guid.NewGuid();
        var pietersen = Guid.NewGuid();
        var directory = WithAccount(WithAccount(StaffDirectory.Empty, jansen, "jansen"), pietersen, "pietersen");
        var before = directory.Find(pietersen)!.SessionStamp;

        var fact = directory.SignOut(jansen);
        var after = directory.Apply(fact, 9);

        Assert.Equal(new ModeratorSignedOut(jansen), fact);
        Assert.Equal(9, after.Find(jansen)!.SessionStamp);
        Assert.Equal(before, after.Find(pietersen)!.SessionStamp);
        Rejected.With("account.unknown", () => directory.SignOut(Guid.NewGuid()));
    }

    [Fact]
    public void ChangePassword_OfUnknownAccount_IsRejected()
    {
        var directory = WithAccount(StaffDirectory.Empty, Guid.NewGuid(), "jansen");

        Rejected.With("account.unknown", () => directory.ChangePassword(Guid.NewGuid(), "new-hash"));
    }

    [Fact]
    public void ChangePassword_WithEmptyHash_Throws()
    {
        var id = Guid.NewGuid();
        var directory = WithAccount(StaffDirectory.Empty, id, "jansen");

        Assert.Throws<ArgumentException>(() => directory.ChangePassword(id, ""));
    }

    [Fact]
    public void Apply_LeavesThePreviousSnapshotUnchanged()
    {
        var id = Guid.NewGuid();
        var before = WithAccount(StaffDirectory.Empty, id, "jansen");

        var after = before.Apply(before.ChangePassword(id, "new-hash"), 2);

        Assert.Equal(Hash, before.Find(id)?.PasswordHash);
        Assert.Equal(1, before.Version);
        Assert.Equal("new-hash", after.Find(id)?.PasswordHash);
        Assert.False(StaffDirectory.Empty.HasAccounts);
    }

    [Fact]
    public void Apply_OfUnknownFactType_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => StaffDirectory.Empty.Apply(new UnknownStaffFact(), 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("elevenchars")]
    public void CheckPasswordPolicy_WithFewerThanTwelveCharacters_IsRejected(string? password)
    {
        var exception = Rejected.With("account.password.too-short", () => StaffDirectory.CheckPasswordPolicy(password));

        Assert.Equal(12, Assert.Single(exception.Arguments));
    }

    [Theory]
    [InlineData("twelve chars")]
    [InlineData("correct horse battery staple")]
    [InlineData("aaaaaaaaaaaa")]
    public void CheckPasswordPolicy_WithTwelveOrMoreCharacters_IsAccepted(string password)
    {
        var exception = Record.Exception(() => StaffDirectory.CheckPasswordPolicy(password));

        Assert.Null(exception);
    }

    [Fact]
    public void CheckPasswordPolicy_WithTwoHundredCharacters_IsAccepted()
    {
        var exception = Record.Exception(() => StaffDirectory.CheckPasswordPolicy(new string('p', 200)));

        Assert.Null(exception);
    }

    [Fact]
    public void CheckPasswordPolicy_WithMoreThanTwoHundredCharacters_IsRejected()
    {
        var exception = Rejected.With("account.password.too-long", () => StaffDirectory.CheckPasswordPolicy(new string('p', 201)));

        Assert.Equal(200, Assert.Single(exception.Arguments));
    }

    private sealed record UnknownStaffFact : IStaffFact;

    [Theory]
    [InlineData(true, ModeratorRole.Admin)]
    [InlineData(false, ModeratorRole.CoModerator)]
    public void Registration_WrittenBeforeRoles_FoldsToAdminOrCoModerator(bool isAdmin, ModeratorRole expected)
    {
        var id = Guid.NewGuid();
        var json = $$"""{"accountId":"{{id}}","userName":"jansen","displayName":"Jan","passwordHash":"{{Hash}}","isAdmin":{{(isAdmin ? "true" : "false")}}}""";
        var fact = (ModeratorRegistered)VakkanjersLive.Domain.Journal.FactSerializer.Deserialize(new VakkanjersLive.Domain.Journal.JournalEntry("staff", 1, Guid.NewGuid(), nameof(ModeratorRegistered), json, null, DateTimeOffset.UtcNow));

        Assert.Null(fact.Role);
        Assert.Equal(expected, StaffDirectory.Empty.Apply(fact, 1).Find(id)!.Role);
    }

    [Fact]
    public void ChangeRole_MovesTheSessionStamp_SoTheAccountsCookiesEnd()
    {
        var admin = Guid.NewGuid();
        var jansen = Guid.NewGuid();
        var directory = WithAccount(WithAccount(StaffDirectory.Empty, admin, "beheer", ModeratorRole.Admin), jansen, "jansen");

        var fact = directory.ChangeRole(jansen, ModeratorRole.LeadModerator);
        var after = directory.Apply(fact, 9);

        Assert.Equal(new ModeratorRoleChanged(jansen, ModeratorRole.LeadModerator), fact);
        Assert.Equal(ModeratorRole.LeadModerator, after.Find(jansen)!.Role);
        Assert.True(after.Find(jansen)!.IsLead);
        Assert.False(after.Find(jansen)!.IsAdmin);
        Assert.Equal(9, after.Find(jansen)!.SessionStamp);
        Assert.Equal(1, after.Find(admin)!.SessionStamp);
    }

    [Fact]
    public void ChangeRole_OfTheLastAdmin_IsRefused_ButAnotherAdminMayBeDemoted()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var one = WithAccount(StaffDirectory.Empty, first, "beheer", ModeratorRole.Admin);

        Rejected.With("account.last-admin", () => one.ChangeRole(first, ModeratorRole.LeadModerator));
        Rejected.With("account.role.invalid", () => one.ChangeRole(first, (ModeratorRole)7));
        Rejected.With("account.unknown", () => one.ChangeRole(Guid.NewGuid(), ModeratorRole.Admin));

        var two = WithAccount(one, second, "tweede", ModeratorRole.Admin);
        Assert.Equal(ModeratorRole.CoModerator, two.Apply(two.ChangeRole(first, ModeratorRole.CoModerator), 5).Find(first)!.Role);
    }
}
