using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// The per-class publieksprijs (issue 11): teacher links and class codes, one ballot of Eurovision points per class,
/// no votes for one's own school, and totals read from the votes.
/// </summary>
public sealed class PerClassPollTests
{
    private readonly Guid _poll = Guid.NewGuid();
    private readonly Guid _category = Guid.NewGuid();
    private readonly Guid _schoolA = Guid.NewGuid();
    private readonly Guid _schoolB = Guid.NewGuid();
    private readonly Guid _schoolC = Guid.NewGuid();
    private readonly List<Guid> _teams = [];
    private LiveEvent _event;

    public PerClassPollTests()
    {
        _event = Scenario.NewEvent();
        _event = _event.Then(_event.AddCategory(_category, "Junior", string.Empty));
        foreach (var (school, name) in new[] { (_schoolA, "De Regenboog"), (_schoolB, "Het Baken"), (_schoolC, "De Wilg") })
        {
            _event = _event.Then(_event.AddSchool(school, name, string.Empty));
        }

        // Twelve teams: A has teams 0–3, B 4–7, C 8–11.
        for (var i = 0; i < 12; i++)
        {
            var id = Guid.NewGuid();
            _teams.Add(id);
            _event = _event.Then(_event.RegisterTeam(id, $"Team {i}", i < 4 ? _schoolA : i < 8 ? _schoolB : _schoolC, _category, "Project", ["Ann"]));
        }
    }

    private PollOption Option(int team) => new(Guid.NewGuid(), $"Team {team}", _teams[team]);

    private List<PollOption> Options(params int[] teams) => [.. teams.Select(Option)];

    private LiveEvent Class(Guid classId, Guid school, string name, int? pupils = null) =>
        _event = _event.Then(_event.AddClass(classId, school, name, pupils, SignInCodes.Generate()));

    private Poll Open(List<PollOption> options, IReadOnlyList<int>? points = null)
    {
        _event = _event.Then(_event.CreatePoll(_poll, "Publieksprijs", options, resultsLive: false, PollMode.PerClass, points));
        _event = _event.Then(_event.OpenPoll(_poll));
        return _event.FindPoll(_poll)!;
    }

    private void Votes(Guid classId, PollOption option, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _event = _event.Then(_event.Vote(_poll, option.Id, Guid.NewGuid(), classId));
        }
    }

    [Fact]
    public void AClassBallot_GivesTwelveTenEight_ToItsTopTeams_AndNothingToTeamsWithoutAVote()
    {
        var options = Options(4, 5, 6, 7, 8);
        var klas = Guid.NewGuid();
        Class(klas, _schoolA, "2B");
        Open(options);

        Votes(klas, options[2], 5);
        Votes(klas, options[0], 3);
        Votes(klas, options[4], 1);

        var ballot = Assert.Single(PerClassBallots.Ballots(_event.FindPoll(_poll)!));
        Assert.Equal(9, ballot.Votes);
        Assert.Equal([(options[2].Id, 12), (options[0].Id, 10), (options[4].Id, 8)], ballot.Awards.Select(a => (a.OptionId, a.Points)));
    }

    [Fact]
    public void FewerOptionsThanPoints_OnlyTheFirstPointsAreAwarded_AndTwelveOptions_StopAtTen()
    {
        var klas = Guid.NewGuid();
        Class(klas, _schoolA, "2B");
        var options = Options(4, 5, 6, 7, 8, 9, 10, 11);
        Open(options);
        for (var i = 0; i < options.Count; i++)
        {
            Votes(klas, options[i], options.Count - i);
        }

        var ballot = Assert.Single(PerClassBallots.Ballots(_event.FindPoll(_poll)!));
        Assert.Equal([12, 10, 8, 7, 6, 5, 4, 3], ballot.Awards.Select(a => a.Points));
    }

    [Fact]
    public void MoreVotedOptionsThanPoints_OnlyTheTopTenScore()
    {
        // A class of school C voting for all eight teams of A and B with configured points of three places.
        var klas = Guid.NewGuid();
        Class(klas, _schoolC, "H3");
        var options = Options(0, 1, 2, 3, 4, 5, 6, 7);
        Open(options, [5, 3, 1]);
        for (var i = 0; i < options.Count; i++)
        {
            Votes(klas, options[i], 10 - i);
        }

        var ballot = Assert.Single(PerClassBallots.Ballots(_event.FindPoll(_poll)!));
        Assert.Equal([(options[0].Id, 5), (options[1].Id, 3), (options[2].Id, 1)], ballot.Awards.Select(a => (a.OptionId, a.Points)));
    }

    [Fact]
    public void ATieInsideAClass_GoesToTheTeamThatReachedItsVotesFirst_NotToTheOptionOrder()
    {
        var klas = Guid.NewGuid();
        Class(klas, _schoolA, "2B");
        var options = Options(4, 5);
        Open(options);

        // Option 1 reaches two votes first; option 0 catches up later.
        Votes(klas, options[1], 2);
        Votes(klas, options[0], 2);

        var ballot = Assert.Single(PerClassBallots.Ballots(_event.FindPoll(_poll)!));
        Assert.Equal([(options[1].Id, 12), (options[0].Id, 10)], ballot.Awards.Select(a => (a.OptionId, a.Points)));
    }

    [Fact]
    public void AClass_CannotVoteForATeamOfItsOwnSchool()
    {
        var klas = Guid.NewGuid();
        Class(klas, _schoolA, "2B");
        var options = Options(0, 4);
        Open(options);

        Rejected.With("poll.own-school", () => _event.Vote(_poll, options[0].Id, Guid.NewGuid(), klas));
        Assert.Equal(klas, _event.Vote(_poll, options[1].Id, Guid.NewGuid(), klas).ClassId);
    }

    [Fact]
    public void APerClassVote_WithoutAClass_IsRefused_AndAFullClass_TooWhenTheTeacherGaveItsSize()
    {
        var klas = Guid.NewGuid();
        Class(klas, _schoolA, "2B", pupils: 2);
        var options = Options(4, 5);
        Open(options);

        Rejected.With("poll.class.required", () => _event.Vote(_poll, options[0].Id, Guid.NewGuid()));
        Rejected.With("poll.class.required", () => _event.Vote(_poll, options[0].Id, Guid.NewGuid(), Guid.NewGuid()));
        Votes(klas, options[0], 2);
        Assert.Equal([2], Rejected.With("poll.class.full", () => _event.Vote(_poll, options[1].Id, Guid.NewGuid(), klas)).Arguments);
    }

    [Fact]
    public void Totals_AddUpTheBallots_AndOneClassMovesOnlyItsOwnBallot()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Class(a, _schoolA, "A1");
        Class(b, _schoolB, "B1");
        Class(c, _schoolC, "C1");
        var options = Options(0, 4, 8); // one team per school
        Open(options);

        Votes(a, options[1], 3);   // A: team 4 12, team 8 10
        Votes(a, options[2], 1);
        Votes(b, options[0], 2);   // B: team 0 12, team 8 10
        Votes(b, options[2], 1);
        Votes(c, options[1], 400); // a script in class C: 400 votes for team 4 is one 12
        Votes(c, options[0], 1);

        var standings = PerClassBallots.Standings(_event.FindPoll(_poll)!);
        Assert.Equal([(options[1].Id, 24, 1), (options[0].Id, 22, 2), (options[2].Id, 20, 3)], standings.Select(s => (s.OptionId, s.Points, s.Place)));
        Assert.Equal(3, PerClassBallots.Ballots(_event.FindPoll(_poll)!).Count);
    }

    [Fact]
    public void TiedTotals_GoToMoreBallots_ThenMoreTwelves_ThenShareThePlace()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        Class(a, _schoolA, "A1");
        Class(b, _schoolB, "B1");
        var options = Options(8, 9, 10);
        Open(options, [2, 1]);

        Votes(a, options[0], 2); // A: 8 → 2, 9 → 1
        Votes(a, options[1], 1);
        Votes(b, options[1], 2); // B: 9 → 2, 8 → 1
        Votes(b, options[0], 1);

        var standings = PerClassBallots.Standings(_event.FindPoll(_poll)!);
        Assert.Equal([(options[0].Id, 3, 1), (options[1].Id, 3, 1), (options[2].Id, 0, 3)], standings.Select(s => (s.OptionId, s.Points, s.Place)));
    }

    [Fact]
    public void APerClassPoll_ListsTeams_KeepsItsVotesSecret_AndChecksItsPoints()
    {
        Rejected.With("poll.option.team", () => _event.CreatePoll(_poll, "Prijs", [new PollOption(Guid.NewGuid(), "Ja"), Option(4)], false, PollMode.PerClass));
        Rejected.With("poll.option.team", () => _event.CreatePoll(_poll, "Prijs", [Option(4), Option(4)], false, PollMode.PerClass));
        Rejected.With("poll.per-class.live", () => _event.CreatePoll(_poll, "Prijs", Options(4, 5), true, PollMode.PerClass));
        Rejected.With("poll.points.invalid", () => _event.CreatePoll(_poll, "Prijs", Options(4, 5), false, PollMode.PerClass, [10, 10]));
        Rejected.With("poll.points.invalid", () => _event.CreatePoll(_poll, "Prijs", Options(4, 5), false, PollMode.PerClass, []));
        Rejected.With("poll.points.invalid", () => _event.CreatePoll(_poll, "Prijs", Options(4, 5), false, PollMode.Open, [3, 2, 1]));

        var poll = _event.Then(_event.CreatePoll(_poll, "Prijs", Options(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), false, PollMode.PerClass)).FindPoll(_poll)!;
        Assert.Equal((PollMode.PerClass, false), (poll.Mode, poll.ResultsVisible));
        Assert.Equal([12, 10, 8, 7, 6, 5, 4, 3, 2, 1], poll.Points);
    }

    [Fact]
    public void TeacherLinks_AndClassCodes_AreKeptAsHashes_AndFoundByThem()
    {
        var token = TeacherLinks.Generate();
        var link = _event.IssueTeacherLink(_schoolA, token);
        _event = _event.Then(link);
        var code = SignInCodes.Generate();
        var klas = Guid.NewGuid();
        var added = _event.AddClass(klas, _schoolA, " 2B ", 28, code);
        _event = _event.Then(added);

        Assert.DoesNotContain(token, link.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(code, added.CodeHash, StringComparison.Ordinal);
        Assert.Equal(_schoolA, _event.SchoolOfTeacherLink(SignInCodes.Hash(token))!.Id);
        Assert.Equal(("2B", 28), (_event.ClassWithCodeHash(SignInCodes.Hash(code))!.Name, _event.FindClass(klas)!.Pupils));
        Rejected.With("class.name.duplicate", () => _event.AddClass(Guid.NewGuid(), _schoolA, "2b", null, SignInCodes.Generate()));
        Rejected.With("class.pupils.invalid", () => _event.AddClass(Guid.NewGuid(), _schoolA, "2C", 0, SignInCodes.Generate()));
        Rejected.With("class.code.duplicate", () => _event.AddClass(Guid.NewGuid(), _schoolB, "2B", null, code));
        Rejected.With("class.unknown", () => _event.IssueClassCode(klas, _schoolB, SignInCodes.Generate()));

        // A new code ends the old one; a new teacher link the old link.
        var fresh = SignInCodes.Generate();
        _event = _event.Then(_event.IssueClassCode(klas, _schoolA, fresh));
        _event = _event.Then(_event.IssueTeacherLink(_schoolA, TeacherLinks.Generate()));
        Assert.Null(_event.ClassWithCodeHash(SignInCodes.Hash(code)));
        Assert.Equal(klas, _event.ClassWithCodeHash(SignInCodes.Hash(fresh))!.Id);
        Assert.Null(_event.SchoolOfTeacherLink(SignInCodes.Hash(token)));
    }
}
