using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The event's company speeddate (issue 14 item 5): the companies with their meeting links and company links, the
/// classes taking part, the rotation, the shared clock's start and stop, the classes' prepared questions and their
/// ratings of the meetings. Empty for an event without a speeddate.
/// </summary>
public sealed record SpeeddatePart
{
    public static SpeeddatePart Empty { get; } = new();

    public ImmutableList<SpeeddateCompany> Companies { get; private init; } = [];

    /// <summary>The classes taking part (ids of the Roster part's classes), in the order they were added.</summary>
    public ImmutableList<Guid> ClassIds { get; private init; } = [];

    /// <summary>The rotation, once built (dropped when a company or class is added or removed).</summary>
    public SpeeddatePlan? Plan { get; private init; }

    public DateTimeOffset? StartedAt { get; private init; }

    public DateTimeOffset? StoppedAt { get; private init; }

    public ImmutableList<SpeeddateQuestion> Questions { get; private init; } = [];

    public ImmutableDictionary<(Guid ClassId, Guid CompanyId), SpeeddateRating> Ratings { get; private init; } =
        ImmutableDictionary<(Guid ClassId, Guid CompanyId), SpeeddateRating>.Empty;

    public bool HasStarted => StartedAt is not null;

    public SpeeddateCompany? FindCompany(Guid companyId) => Companies.Find(c => c.Id == companyId);

    /// <summary>The shared clock at <paramref name="now"/> (the server's time).</summary>
    public SpeeddateClock ClockAt(DateTimeOffset now) => SpeeddateClock.At(Plan, StartedAt, StoppedAt, now);

    /// <summary>
    /// Companies are adults taking part for their company, named on the class pages: no purge blanks them; their
    /// link's hash goes with the roster purge, like teacher links. Questions and comments are pupils' text, blanked by
    /// the chat purge (the summary keeps the stars).
    /// </summary>
    internal static void Register(PartRegistration<SpeeddatePart> part) => part
        .On<SpeeddateCompanyAdded>(
            (p, e, _) => p with { Companies = p.Companies.Add(new SpeeddateCompany(e.CompanyId, e.Name, e.Intro, e.Person, e.MeetingUrl, e.Hash.Length == 0 ? null : e.Hash)), Plan = null },
            new EraseRoster<SpeeddateCompanyAdded>(e => e.Hash.Length == 0 ? null : e with { Hash = string.Empty }),
            new Logged<SpeeddateCompanyAdded>((_, e) => new AuditLine(AuditTrail.Moderation, "speeddate-company-added", e.Name)))
        .On<SpeeddateCompanyRemoved>(
            (p, e, _) => p with { Companies = p.Companies.RemoveAll(c => c.Id == e.CompanyId), Plan = null },
            FactPrivacy.NoPersonalData,
            new Logged<SpeeddateCompanyRemoved>((s, e) => new AuditLine(AuditTrail.Moderation, "speeddate-company-removed", s.Speeddate.FindCompany(e.CompanyId)?.Name ?? string.Empty)))
        .On<SpeeddateCompanyLinkIssued>(
            (p, e, _) => p with { Companies = p.Companies.ReplaceWhere(c => c.Id == e.CompanyId, c => c with { LinkHash = e.Hash.Length == 0 ? null : e.Hash }) },
            new EraseRoster<SpeeddateCompanyLinkIssued>(e => e.Hash.Length == 0 ? null : e with { Hash = string.Empty }),
            new Logged<SpeeddateCompanyLinkIssued>((s, e) => new AuditLine(AuditTrail.Moderation, "speeddate-company-link-issued", s.Speeddate.FindCompany(e.CompanyId)?.Name ?? string.Empty)))
        .On<SpeeddateClassAdded>((p, e, _) => p with { ClassIds = p.ClassIds.Add(e.ClassId), Plan = null }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SpeeddateClassRemoved>((p, e, _) => p with { ClassIds = p.ClassIds.Remove(e.ClassId), Plan = null }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SpeeddateRotationBuilt>((p, e, _) => p with { Plan = new SpeeddatePlan(e.RoundSeconds, e.MeetingsPerClass, e.Rounds, [.. e.Meetings]) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SpeeddateStarted>(
            (p, e, _) => p with { StartedAt = e.At, StoppedAt = null },
            FactPrivacy.NoPersonalData,
            new Logged<SpeeddateStarted>((_, _) => new AuditLine(AuditTrail.Moderation, "speeddate-started")))
        .On<SpeeddateStopped>(
            (p, e, _) => p with { StoppedAt = e.At },
            FactPrivacy.NoPersonalData,
            new Logged<SpeeddateStopped>((_, _) => new AuditLine(AuditTrail.Moderation, "speeddate-stopped")))
        .On<SpeeddateQuestionPrepared>(
            (p, e, _) => p with { Questions = p.Questions.Add(new SpeeddateQuestion(e.QuestionId, e.ClassId, e.CompanyId, e.Text)) },
            new Erase<SpeeddateQuestionPrepared>(e => e.Text.Length == 0 ? null : e with { Text = string.Empty }),
            FactAudit.NotAudited)
        .On<SpeeddateMeetingRated>(
            (p, e, _) => p with { Ratings = p.Ratings.SetItem((e.ClassId, e.CompanyId), new SpeeddateRating(e.ClassId, e.CompanyId, e.Stars, e.Comment)) },
            new Erase<SpeeddateMeetingRated>(e => e.Comment.Length == 0 ? null : e with { Comment = string.Empty }),
            FactAudit.NotAudited);

    /// <summary>The roster purge ran: no company link works any more.</summary>
    internal SpeeddatePart WithoutLinks() => Companies.IsEmpty ? this : this with { Companies = Companies.ConvertAll(c => c with { LinkHash = null }) };

    /// <summary>The chat purge ran: prepared questions and comments are gone from the projection too.</summary>
    internal SpeeddatePart Erase() => Questions.IsEmpty && Ratings.IsEmpty ? this : this with
    {
        Questions = Questions.ConvertAll(q => q with { Text = string.Empty }),
        Ratings = Ratings.ToImmutableDictionary(r => r.Key, r => r.Value with { Comment = string.Empty }),
    };
}
