using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// Nicknames (issue 11): <see cref="LiveEvent.ChooseNickname"/> refuses invisible names, look-alikes of reserved and
/// staff names and of nicknames other viewers hold; generated names come from a large space and are unique per event.
/// </summary>
public sealed class NicknameTests
{
    private static readonly string[] Staff = ["Jan de Vries", "Fatima"];

    private readonly Guid _viewer = Guid.NewGuid();
    private readonly Guid _other = Guid.NewGuid();
    private readonly LiveEvent _event = WithJudge(Scenario.NewEvent());

    private static LiveEvent WithJudge(LiveEvent state)
    {
        var category = Guid.NewGuid();
        state = state.Then(state.AddCategory(category, "Techniek", ""));
        return state.Then(state.AppointJudge(Guid.NewGuid(), "Mevr. Jansen", category, null, false));
    }

    private LiveEvent Holding(string nickname, Guid? viewer = null) => _event.Then(_event.ChooseNickname(viewer ?? _other, nickname, Staff));

    [Fact]
    public void ATypedNickname_IsChecked_AndHeldByItsViewer()
    {
        var fact = _event.ChooseNickname(_viewer, "  Robotfan  ", Staff);
        var state = _event.Then(fact);

        Assert.Equal(new NicknameChosen(_viewer, "Robotfan", Generated: false), fact);
        Assert.Equal(new ViewerNickname("Robotfan", false), state.NicknameOfViewer(_viewer));
        Assert.True(state.IsNicknameTaken(_other, "robotfan"));
        Assert.False(state.IsNicknameTaken(_viewer, "Robotfan"));
    }

    [Theory]
    [InlineData("\u3164")]
    [InlineData("\u3164\u3164\u3164")]
    [InlineData("\u2800\u2800")]
    [InlineData("\u115F\u1160")]
    [InlineData("\uFFA0\uFFA0")]
    [InlineData("Jan\u3164")]
    [InlineData("Mo\u3164derator")]
    [InlineData("a")]
    [InlineData("www.site.nl")]
    public void AnInvisibleOrMalformedNickname_IsInvalid(string nickname)
    {
        Rejected.With("chat.nickname.invalid", () => _event.ChooseNickname(_viewer, nickname, Staff));
    }

    [Theory]
    [InlineData("Moderator")]
    [InlineData("MODERATOR")]
    [InlineData("M0derat0r")]
    [InlineData("Mod3rator")]
    [InlineData("Rnoderator")]
    [InlineData("\u041Coderator")]
    [InlineData("M\u043Ed\u0435r\u0430t\u043Er")]
    [InlineData("Ｍｏｄｅｒａｔｏｒ")]
    [InlineData("Moderator Jan")]
    [InlineData("De Moderator")]
    [InlineData("TheModerator")]
    [InlineData("Jury")]
    [InlineData("Jury 2")]
    [InlineData("Juryvoorzitter")]
    [InlineData("Jur\u0443")]
    [InlineData("Organisatie")]
    [InlineData("0rganisatie")]
    [InlineData("Organisation")]
    [InlineData("Admin")]
    [InlineData("Adm1n")]
    [InlineData("Jan de Vries")]
    [InlineData("jandevries")]
    [InlineData("Jan de Vr\u0456es")]
    [InlineData("Fatima")]
    [InlineData("Fatima 2")]
    [InlineData("Mevr Jansen")]
    public void ALookAlikeOfAReservedStaffOrJudgeName_IsReserved(string nickname)
    {
        Rejected.With("chat.nickname.reserved", () => _event.ChooseNickname(_viewer, nickname, Staff));
    }

    [Theory]
    [InlineData("Badminton Bas")]
    [InlineData("Jurre")]
    [InlineData("Jan")]
    [InlineData("Modderpoel")]
    [InlineData("Fatma")]
    [InlineData("Sanne")]
    [InlineData("Robot Rik")]
    [InlineData("Team Zonnekracht")]
    public void AnOrdinaryNickname_IsNotReserved(string nickname)
    {
        Assert.Equal(nickname, _event.ChooseNickname(_viewer, nickname, Staff).Nickname);
    }

    [Theory]
    [InlineData("Slimme Vos 42")]
    [InlineData("slimme vos 42")]
    [InlineData("Slimme_Vos_42")]
    [InlineData("SlimmeVos42")]
    [InlineData("\u0405limme Vos 42")]
    [InlineData("Slimme V\u043Es 42")]
    public void ANicknameAnotherViewerHolds_OrALookAlike_IsTaken(string nickname)
    {
        var state = Holding("Slimme Vos 42");

        Rejected.With("chat.nickname.taken", () => state.ChooseNickname(_viewer, nickname, Staff));
        Assert.Equal("Slimme Vos 43", state.ChooseNickname(_viewer, "Slimme Vos 43", Staff).Nickname);
    }

    [Fact]
    public void TheHolder_MayChooseTheirOwnNicknameAgain_AndAChangeFreesTheOldOne()
    {
        var state = Holding("Robotfan", _viewer);
        Assert.Equal("Robotfan", state.ChooseNickname(_viewer, "Robotfan", Staff).Nickname);

        var changed = state.Then(state.ChooseNickname(_viewer, "Dronefan", Staff));

        Assert.Equal("Robotfan", changed.ChooseNickname(_other, "Robotfan", Staff).Nickname);
        Rejected.With("chat.nickname.taken", () => changed.ChooseNickname(_other, "Dronefan", Staff));
    }

    [Fact]
    public void AGeneratedNickname_IsDrawnAgain_UntilItIsFree()
    {
        var state = Holding("Slimme Vos 42");
        var draws = new Queue<string>(["Slimme Vos 42", "SLIMME VOS 42", "Dappere Uil 17"]);

        var fact = state.ChooseNickname(_viewer, null, Staff, draws.Dequeue);

        Assert.Equal(new NicknameChosen(_viewer, "Dappere Uil 17", Generated: true), fact);
        Rejected.With("chat.nickname.taken", () => state.ChooseNickname(_viewer, " ", Staff, () => "Slimme Vos 42"));
    }

    [Fact]
    public void GeneratedNicknames_ComeFromAMuchLargerSpace_AndAreValid()
    {
        Assert.True(GeneratedNicknames.Count > 1_000_000, $"{GeneratedNicknames.Count} names");
        for (var i = 0; i < 300; i++)
        {
            var name = GeneratedNicknames.Generate();
            Assert.Equal(name, LiveEvent.CheckNickname(name));
            Assert.False(LiveEvent.IsReservedNickname(name, Staff), name);
            Assert.Matches(@"^\p{L}+ \p{L}+ \d{2,3}$", name);
        }
    }

    [Theory]
    [InlineData("Slimme Vos 42", true)]
    [InlineData("Vurige Kolibrie 318", true)]
    [InlineData("slimme vos 42", false)]
    [InlineData("Slimme Vos 042", false)]
    [InlineData("Slimme Vos 69", false)]
    [InlineData("Slimme Vos 9", false)]
    [InlineData("Slimme  Vos 42", false)]
    [InlineData("Slimme Moderator 42", false)]
    [InlineData("Robotfan", false)]
    [InlineData("", false)]
    public void AnExactGeneratedName_IsRecognised_AndJournaledAsGenerated(string name, bool generated)
    {
        Assert.Equal(generated, GeneratedNicknames.IsGenerated(name));
        if (generated)
        {
            Assert.Equal(new NicknameChosen(_viewer, name, Generated: true), _event.ChooseNickname(_viewer, name, Staff));
        }
    }

    [Fact]
    public void EveryDrawnName_IsRecognisedAsGenerated()
    {
        for (var i = 0; i < 300; i++)
        {
            var name = GeneratedNicknames.Generate();
            Assert.True(GeneratedNicknames.IsGenerated(name), name);
        }
    }

    [Fact]
    public void FiveHundredJoins_GetFiveHundredDifferentNames()
    {
        var state = _event;
        for (var i = 0; i < 500; i++)
        {
            state = state.Then(state.ChooseNickname(Guid.NewGuid(), null, Staff));
        }

        Assert.Equal(500, state.Chat.Nicknames.Values.Select(n => n.Nickname).Distinct().Count());
        Assert.Equal(500, state.Chat.NicknameOwners.Count);
    }

    [Fact]
    public void ThePurge_ForgetsNicknames_AndAnErasedEntryChangesNothing()
    {
        var state = Holding("Robotfan");
        var erased = (NicknameChosen)FactCatalog.Redact(state.ChooseNickname(_viewer, "Dronefan", Staff))!;

        Assert.Equal(new NicknameChosen(Guid.Empty, string.Empty, false), erased);
        Assert.Same(state.Chat.Nicknames, state.Then(erased).Chat.Nicknames);

        var purged = state.Then(new ChatPurged(0));
        Assert.Empty(purged.Chat.Nicknames);
        Assert.Equal("Robotfan", purged.ChooseNickname(_viewer, "Robotfan", Staff).Nickname);
    }
}
