using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>The roster and rubric of an event: who takes part, in which category, judged on what, by whom.</summary>
public sealed record RosterPart
{
    public static RosterPart Empty { get; } = new();

    public ImmutableList<Category> Categories { get; private init; } = [];

    public ImmutableList<School> Schools { get; private init; } = [];

    public ImmutableList<Team> Teams { get; private init; } = [];

    public ImmutableList<Criterion> Rubric { get; private init; } = [];

    public ImmutableList<Judge> Judges { get; private init; } = [];

    public ImmutableList<Round> Rounds { get; private init; } = [];

    /// <summary>Each school's teacher link, as the hash of its token (issue 11).</summary>
    public ImmutableDictionary<Guid, string> TeacherLinks { get; private init; } = ImmutableDictionary<Guid, string>.Empty;

    /// <summary>The schools' classes, made through the teacher links, with their class codes' hashes.</summary>
    public ImmutableList<SchoolClass> Classes { get; private init; } = [];

    /// <summary>Venue screens and overlays allowed onto the hub, by their tokens' hashes (issue 11).</summary>
    public ImmutableList<ScreenAccess> Screens { get; private init; } = [];

    /// <summary>
    /// Set-up edits are not audited (the journal keeps who did what). Pupils' first names and judge codes are not
    /// viewer data (the chat purge leaves them) but are erased by the roster purge, later; the purge itself is on the
    /// moderation log.
    /// </summary>
    internal static void Register(PartRegistration<RosterPart> part) => part
        .On<CategoryAdded>((r, e, _) => r.With(e), FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<CategoryChanged>((r, e, _) => r with { Categories = r.Categories.ReplaceWhere(c => c.Id == e.CategoryId, c => c with { Name = e.Name, Description = e.Description }) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<CategoryRemoved>((r, e, _) => r with { Categories = r.Categories.RemoveAll(c => c.Id == e.CategoryId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SchoolAdded>((r, e, _) => r.With(e), FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SchoolChanged>((r, e, _) => r with { Schools = r.Schools.ReplaceWhere(s => s.Id == e.SchoolId, s => s with { Name = e.Name, City = e.City }) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SchoolRemoved>((r, e, _) => r with { Schools = r.Schools.RemoveAll(s => s.Id == e.SchoolId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<TeamRegistered>((r, e, _) => r.With(e), new EraseRoster<TeamRegistered>(e => e.MemberFirstNames.Count == 0 ? null : e with { MemberFirstNames = [] }), FactAudit.NotAudited)
        .On<TeamChanged>((r, e, _) => r with
        {
            Teams = r.Teams.ReplaceWhere(t => t.Id == e.TeamId, t => t with
            {
                Name = e.Name,
                SchoolId = e.SchoolId,
                CategoryId = e.CategoryId,
                ProjectTitle = e.ProjectTitle,
                MemberFirstNames = e.MemberFirstNames,
            }),
        }, new EraseRoster<TeamChanged>(e => e.MemberFirstNames.Count == 0 ? null : e with { MemberFirstNames = [] }), FactAudit.NotAudited)
        .On<TeamWithdrawn>((r, e, _) => r with { Teams = r.Teams.RemoveAll(t => t.Id == e.TeamId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<CriterionAdded>((r, e, _) => r with { Rubric = r.Rubric.Add(new Criterion(e.CriterionId, e.Name, e.Weight, e.ScaleMin, e.ScaleMax, e.HelpText)) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<CriterionChanged>((r, e, _) => r with
        {
            Rubric = r.Rubric.ReplaceWhere(c => c.Id == e.CriterionId, c => c with
            {
                Name = e.Name,
                Weight = e.Weight,
                ScaleMin = e.ScaleMin,
                ScaleMax = e.ScaleMax,
                HelpText = e.HelpText,
            }),
        }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<CriterionRemoved>((r, e, _) => r with { Rubric = r.Rubric.RemoveAll(c => c.Id == e.CriterionId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<JudgeAppointed>((r, e, _) => r.With(e), FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<JudgeChanged>((r, e, _) => r with
        {
            Judges = r.Judges.ReplaceWhere(j => j.Id == e.JudgeId, j => j with { Name = e.Name, CategoryId = e.CategoryId, SchoolId = e.SchoolId, IsChair = e.IsChair }),
        }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<JudgeRemoved>((r, e, _) => r with { Judges = r.Judges.RemoveAll(j => j.Id == e.JudgeId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<JudgeCodesIssued>(
            (r, e, _) => r.WithCodes(e.Codes.Select(c => (c.JudgeId, c.Code.Length == 0 ? null : SignInCodes.Hash(c.Code)))),
            new EraseRoster<JudgeCodesIssued>(e => e.Codes.All(c => c.Code.Length == 0) ? null : e with { Codes = [.. e.Codes.Select(c => c with { Code = string.Empty })] }),
            FactAudit.NotAudited)
        .On<JudgeCodeHashesIssued>(
            (r, e, _) => r.WithCodes(e.Codes.Select(c => (c.JudgeId, c.Hash.Length == 0 ? null : c.Hash))),
            new EraseRoster<JudgeCodeHashesIssued>(e => e.Codes.All(c => c.Hash.Length == 0) ? null : e with { Codes = [.. e.Codes.Select(c => c with { Hash = string.Empty })] }),
            FactAudit.NotAudited)
        .On<FinalistsImported>(
            (r, e, _) => e.Teams.Aggregate(e.Schools.Aggregate(r, (s, f) => s.With(f)), (s, f) => s.With(f)),
            new EraseRoster<FinalistsImported>(e => e.Teams.All(t => t.MemberFirstNames.Count == 0) ? null : e with { Teams = [.. e.Teams.Select(t => t with { MemberFirstNames = [] })] }),
            FactAudit.NotAudited)
        .On<JudgeSignedOut>((r, e, position) => r with { Judges = r.Judges.ReplaceWhere(j => j.Id == e.JudgeId, j => j with { SessionStamp = position }) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<JuryImported>((r, e, _) => e.Judges.Aggregate(e.Schools.Aggregate(r, (s, f) => s.With(f)), (s, f) => s.With(f)), FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<RoundAdded>((r, e, _) => r with { Rounds = r.Rounds.Add(new Round(e.RoundId, e.Name)) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<RoundRenamed>((r, e, _) => r with { Rounds = r.Rounds.ReplaceWhere(x => x.Id == e.RoundId, x => x with { Name = e.Name }) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<RosterPurged>(
            (r, _, _) => r with
            {
                Teams = r.Teams.Select(t => t with { MemberFirstNames = [] }).ToImmutableList(),
                Judges = r.Judges.Select(j => j with { CodeHash = null }).ToImmutableList(),
                TeacherLinks = ImmutableDictionary<Guid, string>.Empty,
                Classes = r.Classes.Select(c => c with { CodeHash = null }).ToImmutableList(),
                Screens = r.Screens.Select(s => s with { Hash = string.Empty }).ToImmutableList(),
            },
            FactPrivacy.RecordsPurge(PrivacyPurge.Roster),
            new Logged<RosterPurged>((_, e) => new AuditLine(AuditTrail.Moderation, "roster-purged", e.EntryCount.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        .On<TeacherLinkIssued>(
            (r, e, _) => r with { TeacherLinks = e.Hash.Length == 0 ? r.TeacherLinks.Remove(e.SchoolId) : r.TeacherLinks.SetItem(e.SchoolId, e.Hash) },
            new EraseRoster<TeacherLinkIssued>(e => e.Hash.Length == 0 ? null : e with { Hash = string.Empty }),
            new Logged<TeacherLinkIssued>((s, e) => new AuditLine(AuditTrail.Moderation, "teacher-link-issued", s.FindSchool(e.SchoolId)?.Name ?? string.Empty)))
        .On<ClassAdded>(
            (r, e, _) => r with { Classes = r.Classes.Add(new SchoolClass(e.ClassId, e.SchoolId, e.Name, e.Pupils, e.CodeHash.Length == 0 ? null : e.CodeHash)) },
            new EraseRoster<ClassAdded>(e => e.CodeHash.Length == 0 ? null : e with { CodeHash = string.Empty }),
            FactAudit.NotAudited)
        .On<ClassCodeIssued>(
            (r, e, _) => r with { Classes = r.Classes.ReplaceWhere(c => c.Id == e.ClassId, c => c with { CodeHash = e.CodeHash.Length == 0 ? null : e.CodeHash }) },
            new EraseRoster<ClassCodeIssued>(e => e.CodeHash.Length == 0 ? null : e with { CodeHash = string.Empty }),
            FactAudit.NotAudited)
        .On<ScreenTokenIssued>(
            (r, e, _) => r with { Screens = r.Screens.Add(new ScreenAccess(e.ScreenId, e.Name, e.Hash, false)) },
            new EraseRoster<ScreenTokenIssued>(e => e.Hash.Length == 0 ? null : e with { Hash = string.Empty }),
            new Logged<ScreenTokenIssued>((_, e) => new AuditLine(AuditTrail.Moderation, "screen-token-issued", e.Name)))
        .On<ScreenTokenRevoked>(
            (r, e, _) => r with { Screens = r.Screens.ReplaceWhere(s => s.Id == e.ScreenId, s => s with { Revoked = true }) },
            FactPrivacy.NoPersonalData,
            new Logged<ScreenTokenRevoked>((s, e) => new AuditLine(AuditTrail.Moderation, "screen-token-revoked", s.Screens.Find(x => x.Id == e.ScreenId)?.Name ?? string.Empty)));

    /// <summary>New code hashes for judges; a hash blanked by the roster purge (null) signs nobody in.</summary>
    private RosterPart WithCodes(IEnumerable<(Guid JudgeId, string? Hash)> codes) =>
        this with { Judges = codes.Aggregate(Judges, (judges, code) => judges.ReplaceWhere(j => j.Id == code.JudgeId, j => j with { CodeHash = code.Hash })) };

    private RosterPart With(CategoryAdded e) => this with { Categories = Categories.Add(new Category(e.CategoryId, e.Name, e.Description)) };

    private RosterPart With(SchoolAdded e) => this with { Schools = Schools.Add(new School(e.SchoolId, e.Name, e.City)) };

    private RosterPart With(TeamRegistered e) => this with { Teams = Teams.Add(new Team(e.TeamId, e.Name, e.SchoolId, e.CategoryId, e.ProjectTitle, e.MemberFirstNames)) };

    private RosterPart With(JudgeAppointed e) => this with { Judges = Judges.Add(new Judge(e.JudgeId, e.Name, e.CategoryId, e.SchoolId, e.IsChair, null)) };
}
