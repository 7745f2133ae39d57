using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The company speeddate (issue 14 item 5): a producer adds companies and the classes taking part, builds the
/// rotation and starts one shared clock; classes prepare questions for their companies beforehand and rate each
/// meeting afterwards. Everything the clock decides is computed from the start fact and the server's time.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxCompanyNameLength = 80;
    public const int MaxCompanyIntroLength = 300;
    public const int MaxCompanyPersonLength = 80;
    public const int MaxMeetingUrlLength = 500;
    public const int MinRoundSeconds = 10;
    public const int MaxRoundSeconds = 3600;
    public const int MaxSpeeddateTextLength = 200;
    public const int MaxQuestionsPerMeeting = 10;

    /// <summary>The classes taking part, in the order they were added (a class purged from the roster is left out).</summary>
    public ImmutableList<SchoolClass> SpeeddateClasses => [.. Speeddate.ClassIds.Select(FindClass).OfType<SchoolClass>()];

    /// <summary>The company whose company link has this hash, if any.</summary>
    public SpeeddateCompany? CompanyWithLinkHash(string hash) =>
        Speeddate.Companies.Find(c => string.Equals(c.LinkHash, hash, StringComparison.Ordinal));

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// A company: name (unique), a short intro, the person taking part, and the https link of its own meeting room.
    /// <paramref name="linkToken"/> (a <see cref="TeacherLinks"/> token from the caller, shown once) opens its page.
    /// </summary>
    public SpeeddateCompanyAdded AddSpeeddateCompany(Guid companyId, string? name, string? intro, string? person, string? meetingUrl, string linkToken)
    {
        EnsureSpeeddateEditable();
        EnsureNewId(companyId, Speeddate.FindCompany(companyId) is not null);
        if (Speeddate.Companies.Count >= SpeeddateRotation.MaxCompanies)
        {
            throw new DomainException("speeddate.company.too-many", SpeeddateRotation.MaxCompanies);
        }

        var checkedName = Guard.Text(name, "speeddate.company.name", MaxCompanyNameLength);
        EnsureUnique(Speeddate.Companies.Exists(c => SameName(c.Name, checkedName)), "speeddate.company.name.duplicate", checkedName);
        var checkedIntro = Guard.Text(intro, "speeddate.company.intro", MaxCompanyIntroLength, required: false);
        var checkedPerson = Guard.Text(person, "speeddate.company.person", MaxCompanyPersonLength);
        return new SpeeddateCompanyAdded(companyId, checkedName, checkedIntro, checkedPerson, CheckMeetingUrl(meetingUrl), CompanyLinkHash(linkToken));
    }

    public SpeeddateCompanyRemoved RemoveSpeeddateCompany(Guid companyId)
    {
        EnsureSpeeddateEditable();
        return new SpeeddateCompanyRemoved(KnownCompany(companyId).Id);
    }

    /// <summary>A new company link (the old one stops working); allowed during and after the speeddate too.</summary>
    public SpeeddateCompanyLinkIssued IssueCompanyLink(Guid companyId, string linkToken)
    {
        EnsureExists();
        return new SpeeddateCompanyLinkIssued(KnownCompany(companyId).Id, CompanyLinkHash(linkToken));
    }

    /// <summary>A class of the event (added through its school's teacher link) takes part.</summary>
    public SpeeddateClassAdded AddSpeeddateClass(Guid classId)
    {
        EnsureSpeeddateEditable();
        _ = FindClass(classId) ?? throw new DomainException("class.unknown");
        if (Speeddate.ClassIds.Contains(classId))
        {
            throw new DomainException("speeddate.class.duplicate");
        }

        return Speeddate.ClassIds.Count >= SpeeddateRotation.MaxClasses
            ? throw new DomainException("speeddate.class.too-many", SpeeddateRotation.MaxClasses)
            : new SpeeddateClassAdded(classId);
    }

    public SpeeddateClassRemoved RemoveSpeeddateClass(Guid classId)
    {
        EnsureSpeeddateEditable();
        return Speeddate.ClassIds.Contains(classId) ? new SpeeddateClassRemoved(classId) : throw new DomainException("speeddate.class.unknown");
    }

    /// <summary>
    /// Builds the rotation from the companies and classes now: rounds of <paramref name="roundSeconds"/> (10 s–60 min),
    /// each class meeting up to <paramref name="meetingsPerClass"/> companies (<see cref="SpeeddateRotation"/>).
    /// </summary>
    public SpeeddateRotationBuilt BuildSpeeddateRotation(int roundSeconds, int meetingsPerClass)
    {
        EnsureSpeeddateEditable();
        if (roundSeconds is < MinRoundSeconds or > MaxRoundSeconds)
        {
            throw new DomainException("speeddate.round.out-of-range", MinRoundSeconds, MaxRoundSeconds / 60);
        }

        var meetings = SpeeddateRotation.Build([.. SpeeddateClasses.Select(c => c.Id)], [.. Speeddate.Companies.Select(c => c.Id)], meetingsPerClass);
        return new SpeeddateRotationBuilt(roundSeconds, meetingsPerClass, SpeeddateRotation.RoundsOf(meetings), meetings);
    }

    /// <summary>Starts the shared clock at <paramref name="now"/> (the server's time): round 1 begins.</summary>
    public SpeeddateStarted StartSpeeddate(DateTimeOffset now)
    {
        EnsureExists();
        if (Speeddate.HasStarted)
        {
            throw new DomainException("speeddate.started");
        }

        return Speeddate.Plan is null ? throw new DomainException("speeddate.rotation.none") : new SpeeddateStarted(now);
    }

    /// <summary>Ends the speeddate at <paramref name="now"/>; refused before the start and once it is over.</summary>
    public SpeeddateStopped StopSpeeddate(DateTimeOffset now)
    {
        EnsureExists();
        return Speeddate.ClockAt(now).Phase switch
        {
            SpeeddatePhase.NotStarted => throw new DomainException("speeddate.not-started"),
            SpeeddatePhase.Finished => throw new DomainException("speeddate.finished"),
            _ => new SpeeddateStopped(now),
        };
    }

    /// <summary>
    /// A question the class prepares for a company it meets in the rotation, until that meeting is over (up to ten per
    /// meeting). The text has passed the chat's filters in the caller (blocked words, contact details, links).
    /// </summary>
    public SpeeddateQuestionPrepared PrepareSpeeddateQuestion(Guid questionId, Guid classId, Guid companyId, string? text, DateTimeOffset now)
    {
        EnsureExists();
        EnsureNewId(questionId, Speeddate.Questions.Exists(q => q.Id == questionId));
        var meeting = KnownMeeting(classId, companyId);
        if (MeetingIsOver(meeting, now))
        {
            throw new DomainException("speeddate.question.too-late");
        }

        var checkedText = Guard.Text(text, "speeddate.question", MaxSpeeddateTextLength);
        return Speeddate.Questions.Count(q => q.ClassId == classId && q.CompanyId == companyId) >= MaxQuestionsPerMeeting
            ? throw new DomainException("speeddate.question.too-many", MaxQuestionsPerMeeting)
            : new SpeeddateQuestionPrepared(questionId, classId, companyId, checkedText);
    }

    /// <summary>The class rates a meeting once it is over: 1–5 stars and an optional comment (filtered by the caller).</summary>
    public SpeeddateMeetingRated RateSpeeddateMeeting(Guid classId, Guid companyId, int stars, string? comment, DateTimeOffset now)
    {
        EnsureExists();
        var meeting = KnownMeeting(classId, companyId);
        if (!MeetingIsOver(meeting, now))
        {
            throw new DomainException("speeddate.rating.too-early");
        }

        // Stopped early: the rounds after the one running at the stop never took place.
        if (Speeddate.StoppedAt is { } stopped && SpeeddateClock.At(Speeddate.Plan, Speeddate.StartedAt, null, stopped) is { Phase: SpeeddatePhase.Running } atStop && meeting.Round > atStop.Round)
        {
            throw new DomainException("speeddate.rating.not-held");
        }

        if (stars is < 1 or > 5)
        {
            throw new DomainException("speeddate.rating.stars", 1, 5);
        }

        return new SpeeddateMeetingRated(classId, companyId, stars, Guard.Text(comment, "speeddate.comment", MaxSpeeddateTextLength, required: false));
    }

    /// <summary>Whether the meeting's round is over at <paramref name="now"/> (or the speeddate was stopped or finished).</summary>
    public bool MeetingIsOver(SpeeddateMeeting meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var clock = Speeddate.ClockAt(now);
        return clock.Phase == SpeeddatePhase.Finished || (clock.Phase == SpeeddatePhase.Running && meeting.Round < clock.Round);
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    private void EnsureSpeeddateEditable()
    {
        EnsureExists();
        if (Speeddate.HasStarted)
        {
            throw new DomainException("speeddate.started");
        }
    }

    private SpeeddateCompany KnownCompany(Guid companyId) =>
        Speeddate.FindCompany(companyId) ?? throw new DomainException("speeddate.company.unknown");

    private SpeeddateMeeting KnownMeeting(Guid classId, Guid companyId) =>
        Speeddate.Plan?.Meetings.FirstOrDefault(m => m.ClassId == classId && m.CompanyId == companyId)
        ?? throw new DomainException("speeddate.meeting.unknown");

    private string CompanyLinkHash(string token)
    {
        if (!TeacherLinks.IsWellFormed(token))
        {
            throw new DomainException("speeddate.company.link.invalid");
        }

        var hash = SignInCodes.Hash(token);
        return CompanyWithLinkHash(hash) is null ? hash : throw new DomainException("speeddate.company.link.duplicate");
    }

    private static string CheckMeetingUrl(string? url)
    {
        var text = Guard.Text(url, "speeddate.company.meeting-url", MaxMeetingUrlLength);
        return !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo)
            ? throw new DomainException("speeddate.company.meeting-url.invalid")
            : uri.AbsoluteUri;
    }
}
