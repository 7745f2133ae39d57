using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>
/// The company speeddate (issue 14 item 5): the rotation (no pairing twice, balanced, nobody double-booked, byes for
/// odd numbers, K below the number of companies, invalid input refused) and the one shared clock, driven by a fake
/// <see cref="TimeProvider"/>; questions before a meeting, ratings after it.
/// </summary>
public sealed class SpeeddateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 30, 0, TimeSpan.Zero);

    private static List<Guid> Ids(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];

    public static TheoryData<int, int, int> Sizes() => new()
    {
        { 4, 3, 3 }, { 4, 3, 2 }, { 3, 4, 2 }, { 5, 3, 3 }, { 7, 5, 3 }, { 1, 1, 1 }, { 2, 5, 5 }, { 9, 2, 2 },
        { 10, 4, 3 }, { 6, 6, 6 }, { 13, 7, 4 }, { 40, 20, 20 }, { 40, 3, 1 }, { 3, 20, 7 }, { 11, 13, 9 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void TheRotation_MeetsEveryRule(int classCount, int companyCount, int k)
    {
        var (classes, companies) = (Ids(classCount), Ids(companyCount));
        var meetings = SpeeddateRotation.Build(classes, companies, k);
        var each = Math.Min(k, companyCount);

        // Every class meets min(K, companies) companies, never one twice.
        foreach (var cls in classes)
        {
            var met = meetings.Where(m => m.ClassId == cls).Select(m => m.CompanyId).ToList();
            Assert.Equal(each, met.Count);
            Assert.Equal(met.Count, met.Distinct().Count());
        }

        // Balanced: the companies' numbers of meetings differ by at most one.
        var loads = companies.Select(c => meetings.Count(m => m.CompanyId == c)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(",", loads)}");

        // Nobody is double-booked in a round.
        foreach (var round in meetings.GroupBy(m => m.Round))
        {
            Assert.Equal(round.Count(), round.Select(m => m.ClassId).Distinct().Count());
            Assert.Equal(round.Count(), round.Select(m => m.CompanyId).Distinct().Count());
        }

        // The fewest rounds possible: the busiest class or company has a meeting in every round.
        Assert.Equal(Math.Max(each, loads.Max()), SpeeddateRotation.RoundsOf(meetings));
        Assert.Equal(Enumerable.Range(0, SpeeddateRotation.RoundsOf(meetings)), meetings.Select(m => m.Round).Distinct().Order());
    }

    [Fact]
    public void FourClassesThreeCompanies_FourRounds_OneClassHasAByeInEachRound()
    {
        var (classes, companies) = (Ids(4), Ids(3));
        var meetings = SpeeddateRotation.Build(classes, companies, 3);

        Assert.Equal(4, SpeeddateRotation.RoundsOf(meetings));
        Assert.Equal(12, meetings.Count);
        foreach (var round in Enumerable.Range(0, 4))
        {
            Assert.Equal(3, meetings.Count(m => m.Round == round));
        }
    }

    [Fact]
    public void TheRotation_IsDeterministic()
    {
        var (classes, companies) = (Ids(7), Ids(5));
        Assert.Equal(SpeeddateRotation.Build(classes, companies, 3), SpeeddateRotation.Build(classes, companies, 3));
    }

    [Fact]
    public void InvalidInput_IsRefused()
    {
        var (classes, companies) = (Ids(3), Ids(2));
        Rejected.With("speeddate.classes.none", () => SpeeddateRotation.Build([], companies, 1));
        Rejected.With("speeddate.companies.none", () => SpeeddateRotation.Build(classes, [], 1));
        Rejected.With("speeddate.meetings.out-of-range", () => SpeeddateRotation.Build(classes, companies, 0));
        Rejected.With("speeddate.meetings.out-of-range", () => SpeeddateRotation.Build(classes, companies, 21));
        Rejected.With("speeddate.duplicate", () => SpeeddateRotation.Build([classes[0], classes[0]], companies, 1));
        Rejected.With("speeddate.too-many", () => SpeeddateRotation.Build(Ids(41), companies, 1));
    }

    [Fact]
    public void TheSharedClock_FollowsTheServersTime_WithWisselAtEveryChange()
    {
        var time = new FakeTimeProvider(Start);
        var speeddate = Speeddate(out var classes, out var companies, roundSeconds: 300);
        var plan = speeddate.Speeddate.Plan!;
        Assert.Equal(SpeeddatePhase.NotStarted, speeddate.Speeddate.ClockAt(time.GetUtcNow()).Phase);

        speeddate = speeddate.Then(speeddate.StartSpeeddate(time.GetUtcNow()));
        var clock = speeddate.Speeddate.ClockAt(time.GetUtcNow());
        Assert.Equal((SpeeddatePhase.Running, 0, TimeSpan.FromMinutes(5), false), (clock.Phase, clock.Round, clock.Remaining, clock.Change));

        time.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(TimeSpan.FromSeconds(200), speeddate.Speeddate.ClockAt(time.GetUtcNow()).Remaining);

        // The change: round 2, "wissel!" for the first 15 s, then not.
        time.Advance(TimeSpan.FromSeconds(200));
        clock = speeddate.Speeddate.ClockAt(time.GetUtcNow());
        Assert.Equal((1, true), (clock.Round, clock.Change));
        time.Advance(TimeSpan.FromSeconds(14));
        Assert.True(speeddate.Speeddate.ClockAt(time.GetUtcNow()).Change);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(speeddate.Speeddate.ClockAt(time.GetUtcNow()).Change);

        // Past the last round: finished.
        time.Advance(TimeSpan.FromSeconds(300 * plan.Rounds));
        Assert.Equal(SpeeddatePhase.Finished, speeddate.Speeddate.ClockAt(time.GetUtcNow()).Phase);
        Rejected.With("speeddate.finished", () => speeddate.StopSpeeddate(time.GetUtcNow()));
        Assert.NotEmpty(classes);
        Assert.NotEmpty(companies);
    }

    [Fact]
    public void AStop_EndsTheClock_AndOpensTheRatings()
    {
        var time = new FakeTimeProvider(Start);
        var speeddate = Speeddate(out var classes, out _, roundSeconds: 60);
        Rejected.With("speeddate.not-started", () => speeddate.StopSpeeddate(time.GetUtcNow()));
        speeddate = speeddate.Then(speeddate.StartSpeeddate(time.GetUtcNow()));
        Rejected.With("speeddate.started", () => speeddate.StartSpeeddate(time.GetUtcNow()));
        Rejected.With("speeddate.started", () => speeddate.AddSpeeddateClass(classes[0]));
        var meeting = speeddate.Speeddate.Plan!.OfClass(classes[0]).Last();
        Rejected.With("speeddate.rating.too-early", () => speeddate.RateSpeeddateMeeting(meeting.ClassId, meeting.CompanyId, 4, null, time.GetUtcNow()));

        time.Advance(TimeSpan.FromSeconds(30));
        speeddate = speeddate.Then(speeddate.StopSpeeddate(time.GetUtcNow()));
        Assert.Equal(SpeeddatePhase.Finished, speeddate.Speeddate.ClockAt(time.GetUtcNow()).Phase);

        // Stopped half-way through the first round: the meetings of later rounds never took place, so no ratings.
        Assert.True(meeting.Round > 0);
        Rejected.With("speeddate.rating.not-held", () => speeddate.RateSpeeddateMeeting(meeting.ClassId, meeting.CompanyId, 4, null, time.GetUtcNow()));
        meeting = speeddate.Speeddate.Plan!.OfClass(classes[0]).First(m => m.Round == 0);
        var rated = speeddate.RateSpeeddateMeeting(meeting.ClassId, meeting.CompanyId, 4, " Heel leuk ", time.GetUtcNow());
        Assert.Equal("Heel leuk", rated.Comment);
        speeddate = speeddate.Then(rated).Then(speeddate.RateSpeeddateMeeting(meeting.ClassId, meeting.CompanyId, 5, null, time.GetUtcNow()));
        Assert.Equal(5, speeddate.Speeddate.Ratings[(meeting.ClassId, meeting.CompanyId)].Stars);
        Rejected.With("speeddate.rating.stars", () => speeddate.RateSpeeddateMeeting(meeting.ClassId, meeting.CompanyId, 6, null, time.GetUtcNow()));
        Rejected.With("speeddate.question.too-late", () => speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), meeting.ClassId, meeting.CompanyId, "Hoe?", time.GetUtcNow()));
    }

    [Fact]
    public void Questions_ArePreparedBeforeTheMeeting_ForACompanyTheClassMeets()
    {
        var time = new FakeTimeProvider(Start);
        var speeddate = Speeddate(out var classes, out var companies, roundSeconds: 60);
        var first = speeddate.Speeddate.Plan!.OfClass(classes[0])[0];
        var asked = speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), first.ClassId, first.CompanyId, " Wat doet een ingenieur? ", time.GetUtcNow());
        Assert.Equal("Wat doet een ingenieur?", asked.Text);
        speeddate = speeddate.Then(asked);
        Rejected.With("speeddate.question.required", () => speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), first.ClassId, first.CompanyId, "  ", time.GetUtcNow()));
        Rejected.With("speeddate.question.too-long", () => speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), first.ClassId, first.CompanyId, new string('a', 201), time.GetUtcNow()));
        Rejected.With("speeddate.meeting.unknown", () => speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), first.ClassId, Guid.NewGuid(), "Hoe?", time.GetUtcNow()));

        // During the meeting still fine; once its round is over, too late.
        speeddate = speeddate.Then(speeddate.StartSpeeddate(time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(30));
        speeddate = speeddate.Then(speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), first.ClassId, first.CompanyId, "Nog een", time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(60 * (first.Round + 1)));
        Rejected.With("speeddate.question.too-late", () => speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), first.ClassId, first.CompanyId, "Te laat", time.GetUtcNow()));
        Assert.Equal(2, speeddate.Speeddate.Questions.Count);
        Assert.NotEmpty(companies);
    }

    [Fact]
    public void Companies_AreChecked_AndChangesDropTheRotation()
    {
        var time = new FakeTimeProvider(Start);
        var speeddate = Speeddate(out var classes, out _, roundSeconds: 60);
        Assert.NotNull(speeddate.Speeddate.Plan);

        Rejected.With("speeddate.company.meeting-url.invalid", () => speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Océ", "", "Eva", "http://meet.example.org/oce", TeacherLinks.Generate()));
        Rejected.With("speeddate.company.meeting-url.invalid", () => speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Océ", "", "Eva", "https://user:pw@meet.example.org/oce", TeacherLinks.Generate()));
        Rejected.With("speeddate.company.meeting-url.invalid", () => speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Océ", "", "Eva", "javascript:alert(1)", TeacherLinks.Generate()));
        Rejected.With("speeddate.company.name.duplicate", () => speeddate.AddSpeeddateCompany(Guid.NewGuid(), "asml", "", "Eva", "https://meet.example.org/x", TeacherLinks.Generate()));
        Rejected.With("speeddate.company.person.required", () => speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Océ", "", " ", "https://meet.example.org/x", TeacherLinks.Generate()));
        Rejected.With("speeddate.company.link.invalid", () => speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Océ", "", "Eva", "https://meet.example.org/x", "short"));
        Rejected.With("speeddate.class.unknown", () => speeddate.RemoveSpeeddateClass(Guid.NewGuid()));
        Rejected.With("class.unknown", () => speeddate.AddSpeeddateClass(Guid.NewGuid()));
        Rejected.With("speeddate.class.duplicate", () => speeddate.AddSpeeddateClass(classes[0]));
        Rejected.With("speeddate.round.out-of-range", () => speeddate.BuildSpeeddateRotation(9, 2));
        Rejected.With("speeddate.round.out-of-range", () => speeddate.BuildSpeeddateRotation(3601, 2));

        var token = TeacherLinks.Generate();
        speeddate = speeddate.Then(speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Océ", "Printers", "Eva de Wit", "https://meet.example.org/oce", token));
        Assert.Null(speeddate.Speeddate.Plan);
        Assert.Equal("Océ", speeddate.CompanyWithLinkHash(SignInCodes.Hash(token))!.Name);
        Rejected.With("speeddate.company.link.duplicate", () => speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Vanderlande", "", "Eva", "https://meet.example.org/x", token));
        Rejected.With("speeddate.rotation.none", () => speeddate.StartSpeeddate(time.GetUtcNow()));
    }

    [Fact]
    public void ThePurges_BlankQuestionsComments_AndCompanyLinks()
    {
        var time = new FakeTimeProvider(Start);
        var speeddate = Speeddate(out var classes, out _, roundSeconds: 60);
        var first = speeddate.Speeddate.Plan!.OfClass(classes[0])[0];
        var asked = speeddate.PrepareSpeeddateQuestion(Guid.NewGuid(), first.ClassId, first.CompanyId, "Wat verdien je?", time.GetUtcNow());
        Assert.Equal(string.Empty, ((SpeeddateQuestionPrepared)FactCatalog.Redact(asked)!).Text);
        var added = speeddate.AddSpeeddateCompany(Guid.NewGuid(), "Océ", "", "Eva", "https://meet.example.org/x", TeacherLinks.Generate());
        Assert.Equal(string.Empty, ((SpeeddateCompanyAdded)FactCatalog.Redact(added, PrivacyPurge.Roster)!).Hash);
        Assert.Equal("Eva", ((SpeeddateCompanyAdded)FactCatalog.Redact(added, PrivacyPurge.Roster)!).Person);
    }

    /// <summary>An event with four classes (two schools) and three companies, the rotation built (3 meetings each).</summary>
    private static LiveEvent Speeddate(out List<Guid> classes, out List<Guid> companies, int roundSeconds)
    {
        var state = Scenario.NewEvent();
        var (schoolA, schoolB) = (Guid.NewGuid(), Guid.NewGuid());
        state = state.Then(state.AddSchool(schoolA, "Het Baken", string.Empty));
        state = state.Then(state.AddSchool(schoolB, "De Wilg", string.Empty));
        classes = [];
        foreach (var (school, name) in new[] { (schoolA, "2A"), (schoolA, "2B"), (schoolB, "3A"), (schoolB, "3B") })
        {
            var id = Guid.NewGuid();
            state = state.Then(state.AddClass(id, school, name, null, SignInCodes.Generate()));
            state = state.Then(state.AddSpeeddateClass(id));
            classes.Add(id);
        }

        companies = [];
        foreach (var name in new[] { "ASML", "Philips", "VDL" })
        {
            var id = Guid.NewGuid();
            state = state.Then(state.AddSpeeddateCompany(id, name, "Wij maken machines.", "Sanne Jansen", $"https://meet.example.org/{name}", TeacherLinks.Generate()));
            companies.Add(id);
        }

        return state.Then(state.BuildSpeeddateRotation(roundSeconds, 3));
    }
}
