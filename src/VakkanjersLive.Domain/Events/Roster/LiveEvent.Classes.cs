namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Teacher links and classes (issue 11, the per-class publieksprijs): a lead moderator issues a teacher link per
/// school; through it a teacher adds the school's classes, each with a class code that pupils join with.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxClassNameLength = 20;
    public const int MaxClassPupils = 60;
    public const int MaxClassesPerSchool = 40;

    public System.Collections.Immutable.ImmutableList<SchoolClass> Classes => Roster.Classes;

    public SchoolClass? FindClass(Guid classId) => Classes.Find(c => c.Id == classId);

    public bool HasTeacherLink(Guid schoolId) => Roster.TeacherLinks.ContainsKey(schoolId);

    /// <summary>The school whose teacher link has this hash, if any.</summary>
    public School? SchoolOfTeacherLink(string hash) =>
        Roster.TeacherLinks.FirstOrDefault(l => string.Equals(l.Value, hash, StringComparison.Ordinal)) is { Key: var id } && id != Guid.Empty ? FindSchool(id) : null;

    /// <summary>The class whose code has this hash, if any.</summary>
    public SchoolClass? ClassWithCodeHash(string hash) => Classes.Find(c => string.Equals(c.CodeHash, hash, StringComparison.Ordinal));

    /// <summary>A (new) teacher link for a school; the token comes from the caller, which shows it once.</summary>
    public TeacherLinkIssued IssueTeacherLink(Guid schoolId, string token)
    {
        EnsureExists();
        _ = FindSchool(schoolId) ?? throw new DomainException("school.unknown");
        return TeacherLinks.IsWellFormed(token) ? new TeacherLinkIssued(schoolId, SignInCodes.Hash(token)) : throw new DomainException("teacher-link.invalid");
    }

    /// <summary>
    /// A class of the school: a name of up to 20 characters, unique in the school, and optionally its number of
    /// pupils (1–60). <paramref name="code"/> comes from the caller (unique across events), shown once.
    /// </summary>
    public ClassAdded AddClass(Guid classId, Guid schoolId, string? name, int? pupils, string code)
    {
        EnsureExists();
        EnsureNewId(classId, Classes.Exists(c => c.Id == classId));
        _ = FindSchool(schoolId) ?? throw new DomainException("school.unknown");
        var checkedName = Guard.Text(name, "class.name", MaxClassNameLength);
        if (pupils is < 1 or > MaxClassPupils)
        {
            throw new DomainException("class.pupils.invalid", 1, MaxClassPupils);
        }

        var ofSchool = Classes.Where(c => c.SchoolId == schoolId).ToList();
        EnsureUnique(ofSchool.Exists(c => SameName(c.Name, checkedName)), "class.name.duplicate", checkedName);
        if (ofSchool.Count >= MaxClassesPerSchool)
        {
            throw new DomainException("class.too-many", MaxClassesPerSchool);
        }

        return new ClassAdded(classId, schoolId, checkedName, pupils, CodeHash(code));
    }

    /// <summary>A new code for a class of <paramref name="schoolId"/> (the teacher's own school only).</summary>
    public ClassCodeIssued IssueClassCode(Guid classId, Guid schoolId, string code)
    {
        EnsureExists();
        var found = FindClass(classId);
        return found is null || found.SchoolId != schoolId ? throw new DomainException("class.unknown") : new ClassCodeIssued(classId, CodeHash(code));
    }

    private string CodeHash(string code)
    {
        if (!SignInCodes.IsWellFormed(code))
        {
            throw new DomainException("class.code.invalid");
        }

        var hash = SignInCodes.Hash(code);
        return ClassWithCodeHash(hash) is null ? hash : throw new DomainException("class.code.duplicate");
    }
}
