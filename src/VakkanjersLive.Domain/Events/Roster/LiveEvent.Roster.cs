using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>Roster and rubric: categories, schools, teams, the rubric, judges and their codes, rounds.</summary>
public sealed partial record LiveEvent
{
    public const int MaxMembersPerTeam = 8;

    public ImmutableList<Category> Categories => Roster.Categories;

    public ImmutableList<School> Schools => Roster.Schools;

    public ImmutableList<Team> Teams => Roster.Teams;

    public ImmutableList<Criterion> Rubric => Roster.Rubric;

    public ImmutableList<Judge> Judges => Roster.Judges;

    public ImmutableList<Round> Rounds => Roster.Rounds;

    public decimal TotalWeight => Rubric.Sum(c => c.Weight);

    public Category? FindCategory(Guid id) => Categories.Find(c => c.Id == id);

    public School? FindSchool(Guid id) => Schools.Find(s => s.Id == id);

    public Team? FindTeam(Guid id) => Teams.Find(t => t.Id == id);

    public Judge? FindJudge(Guid id) => Judges.Find(j => j.Id == id);

    public Criterion? FindCriterion(Guid id) => Rubric.Find(c => c.Id == id);

    // ---- decisions -------------------------------------------------------------------------------------------

    public CategoryAdded AddCategory(Guid categoryId, string? name, string? description)
    {
        EnsureExists();
        EnsureNewId(categoryId, Categories.Exists(c => c.Id == categoryId));
        var checkedName = Guard.Text(name, "category.name", 60);
        EnsureUnique(Categories.Exists(c => SameName(c.Name, checkedName)), "category.name.duplicate", checkedName);
        return new CategoryAdded(categoryId, checkedName, Guard.Text(description, "category.description", 300, required: false));
    }

    public CategoryChanged ChangeCategory(Guid categoryId, string? name, string? description)
    {
        var existing = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        var checkedName = Guard.Text(name, "category.name", 60);
        EnsureUnique(Categories.Exists(c => c.Id != existing.Id && SameName(c.Name, checkedName)), "category.name.duplicate", checkedName);
        return new CategoryChanged(categoryId, checkedName, Guard.Text(description, "category.description", 300, required: false));
    }

    public CategoryRemoved RemoveCategory(Guid categoryId)
    {
        var existing = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (Teams.Exists(t => t.CategoryId == categoryId) || Judges.Exists(j => j.CategoryId == categoryId))
        {
            throw new DomainException("category.in-use", existing.Name);
        }

        return new CategoryRemoved(categoryId);
    }

    public SchoolAdded AddSchool(Guid schoolId, string? name, string? city)
    {
        EnsureExists();
        EnsureNewId(schoolId, Schools.Exists(s => s.Id == schoolId));
        var checkedName = Guard.Text(name, "school.name", 120);
        EnsureUnique(Schools.Exists(s => SameName(s.Name, checkedName)), "school.name.duplicate", checkedName);
        return new SchoolAdded(schoolId, checkedName, Guard.Text(city, "school.city", 60, required: false));
    }

    public SchoolChanged ChangeSchool(Guid schoolId, string? name, string? city)
    {
        var existing = FindSchool(schoolId) ?? throw new DomainException("school.unknown");
        var checkedName = Guard.Text(name, "school.name", 120);
        EnsureUnique(Schools.Exists(s => s.Id != existing.Id && SameName(s.Name, checkedName)), "school.name.duplicate", checkedName);
        return new SchoolChanged(schoolId, checkedName, Guard.Text(city, "school.city", 60, required: false));
    }

    public SchoolRemoved RemoveSchool(Guid schoolId)
    {
        var existing = FindSchool(schoolId) ?? throw new DomainException("school.unknown");
        if (Teams.Exists(t => t.SchoolId == schoolId) || Judges.Exists(j => j.SchoolId == schoolId))
        {
            throw new DomainException("school.in-use", existing.Name);
        }

        return new SchoolRemoved(schoolId);
    }

    public TeamRegistered RegisterTeam(Guid teamId, string? name, Guid schoolId, Guid categoryId, string? projectTitle, IEnumerable<string?> memberFirstNames)
    {
        EnsureExists();
        EnsureNewId(teamId, Teams.Exists(t => t.Id == teamId));
        var team = CheckTeam(teamId, name, schoolId, categoryId, projectTitle, memberFirstNames);
        return new TeamRegistered(team.Id, team.Name, team.SchoolId, team.CategoryId, team.ProjectTitle, team.MemberFirstNames);
    }

    public TeamChanged ChangeTeam(Guid teamId, string? name, Guid schoolId, Guid categoryId, string? projectTitle, IEnumerable<string?> memberFirstNames)
    {
        _ = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        var team = CheckTeam(teamId, name, schoolId, categoryId, projectTitle, memberFirstNames);
        return new TeamChanged(team.Id, team.Name, team.SchoolId, team.CategoryId, team.ProjectTitle, team.MemberFirstNames);
    }

    public TeamWithdrawn WithdrawTeam(Guid teamId)
    {
        _ = FindTeam(teamId) ?? throw new DomainException("team.unknown");
        return new TeamWithdrawn(teamId);
    }

    public CriterionAdded AddCriterion(Guid criterionId, string? name, decimal weight, int scaleMin, int scaleMax, string? helpText)
    {
        EnsureExists();
        EnsureRubricEditable();
        EnsureNewId(criterionId, Rubric.Exists(c => c.Id == criterionId));
        var c = CheckCriterion(criterionId, name, weight, scaleMin, scaleMax, helpText);
        return new CriterionAdded(c.Id, c.Name, c.Weight, c.ScaleMin, c.ScaleMax, c.HelpText);
    }

    public CriterionChanged ChangeCriterion(Guid criterionId, string? name, decimal weight, int scaleMin, int scaleMax, string? helpText)
    {
        _ = FindCriterion(criterionId) ?? throw new DomainException("criterion.unknown");
        EnsureRubricEditable();
        var c = CheckCriterion(criterionId, name, weight, scaleMin, scaleMax, helpText);
        return new CriterionChanged(c.Id, c.Name, c.Weight, c.ScaleMin, c.ScaleMax, c.HelpText);
    }

    public CriterionRemoved RemoveCriterion(Guid criterionId)
    {
        var criterion = FindCriterion(criterionId) ?? throw new DomainException("criterion.unknown");
        EnsureRubricEditable();
        if (TieBreaks.Exists(t => t.CriterionId == criterionId))
        {
            throw new DomainException("criterion.in-tie-break", criterion.Name);
        }

        return new CriterionRemoved(criterionId);
    }

    public JudgeAppointed AppointJudge(Guid judgeId, string? name, Guid categoryId, Guid? schoolId, bool isChair)
    {
        EnsureExists();
        EnsureNewId(judgeId, Judges.Exists(j => j.Id == judgeId));
        var judge = CheckJudge(judgeId, name, categoryId, schoolId, isChair);
        return new JudgeAppointed(judge.Id, judge.Name, judge.CategoryId, judge.SchoolId, judge.IsChair);
    }

    public JudgeChanged ChangeJudge(Guid judgeId, string? name, Guid categoryId, Guid? schoolId, bool isChair)
    {
        _ = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        var judge = CheckJudge(judgeId, name, categoryId, schoolId, isChair);
        return new JudgeChanged(judge.Id, judge.Name, judge.CategoryId, judge.SchoolId, judge.IsChair);
    }

    public JudgeRemoved RemoveJudge(Guid judgeId)
    {
        _ = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        return new JudgeRemoved(judgeId);
    }

    /// <summary>
    /// Issues codes for the given judges. <paramref name="codes"/> come from the caller (who owns randomness and
    /// checks uniqueness across events); they must be well formed and unique within this event.
    /// </summary>
    public JudgeCodeHashesIssued IssueJudgeCodes(IReadOnlyList<JudgeCode> codes)
    {
        EnsureExists();
        if (codes.Count == 0)
        {
            throw new DomainException("judge-code.none");
        }

        foreach (var code in codes)
        {
            _ = FindJudge(code.JudgeId) ?? throw new DomainException("judge.unknown");
            if (!SignInCodes.IsWellFormed(code.Code))
            {
                throw new DomainException("judge-code.invalid");
            }
        }

        var hashes = codes.Select(c => new JudgeCodeHash(c.JudgeId, SignInCodes.Hash(c.Code))).ToList();
        var reissued = codes.Select(c => c.JudgeId).ToHashSet();
        var kept = Judges.Where(j => !reissued.Contains(j.Id) && j.HasCode).Select(j => j.CodeHash!);
        var all = kept.Concat(hashes.Select(c => c.Hash)).ToList();
        if (all.Count != all.Distinct(StringComparer.Ordinal).Count() || reissued.Count != codes.Count)
        {
            throw new DomainException("judge-code.duplicate");
        }

        return new JudgeCodeHashesIssued(hashes);
    }

    /// <summary>Ends every session of the judge (their sign-out); the code stays valid.</summary>
    public JudgeSignedOut SignOutJudge(Guid judgeId)
    {
        EnsureExists();
        _ = FindJudge(judgeId) ?? throw new DomainException("judge.unknown");
        return new JudgeSignedOut(judgeId);
    }

    public RoundAdded AddRound(Guid roundId, string? name)
    {
        EnsureExists();
        EnsureNewId(roundId, Rounds.Exists(r => r.Id == roundId));
        var checkedName = Guard.Text(name, "round.name", 60);
        EnsureUnique(Rounds.Exists(r => SameName(r.Name, checkedName)), "round.name.duplicate", checkedName);
        return new RoundAdded(roundId, checkedName);
    }

    public RoundRenamed RenameRound(Guid roundId, string? name)
    {
        _ = Rounds.Find(r => r.Id == roundId) ?? throw new DomainException("round.unknown");
        var checkedName = Guard.Text(name, "round.name", 60);
        EnsureUnique(Rounds.Exists(r => r.Id != roundId && SameName(r.Name, checkedName)), "round.name.duplicate", checkedName);
        return new RoundRenamed(roundId, checkedName);
    }

    /// <summary>
    /// Checks a whole import against the current state and returns it as one fact. <paramref name="programme"/>: slots
    /// for imported teams (from the CSV's day/start/slot columns), added to their categories' running orders by day
    /// and start (the running-order rules apply to the result).
    /// </summary>
    public FinalistsImported ImportFinalists(IReadOnlyList<SchoolAdded> newSchools, IReadOnlyList<TeamRegistered> teams, IReadOnlyList<ProgrammeSlot>? programme = null)
    {
        EnsureExists();
        if (teams.Count == 0)
        {
            throw new DomainException("import.empty");
        }

        var (state, schools) = AddSchools(newSchools);
        var checkedTeams = new List<TeamRegistered>(teams.Count);
        foreach (var team in teams)
        {
            var fact = state.RegisterTeam(team.TeamId, team.Name, team.SchoolId, team.CategoryId, team.ProjectTitle, team.MemberFirstNames);
            checkedTeams.Add(fact);
            state = state.Apply(fact);
        }

        var orders = new List<RunningOrderSet>();
        foreach (var slots in (programme ?? []).GroupBy(p => checkedTeams.Find(t => t.TeamId == p.TeamId)?.CategoryId ?? throw new DomainException("running-order.team-unknown")))
        {
            var merged = state.RunningOrderOf(slots.Key).Concat(slots).OrderBy(p => p.Day).ThenBy(p => p.Start).ToList();
            orders.Add(state.SetRunningOrder(slots.Key, merged));
        }

        return new FinalistsImported(schools, checkedTeams, orders.Count > 0 ? orders : null);
    }

    /// <summary>Checks a whole jury import against the current state and returns it as one fact.</summary>
    public JuryImported ImportJury(IReadOnlyList<SchoolAdded> newSchools, IReadOnlyList<JudgeAppointed> judges)
    {
        EnsureExists();
        if (judges.Count == 0)
        {
            throw new DomainException("import.empty");
        }

        var (state, schools) = AddSchools(newSchools);
        var checkedJudges = new List<JudgeAppointed>(judges.Count);
        foreach (var judge in judges)
        {
            var fact = state.AppointJudge(judge.JudgeId, judge.Name, judge.CategoryId, judge.SchoolId, judge.IsChair);
            checkedJudges.Add(fact);
            state = state.Apply(fact);
        }

        return new JuryImported(schools, checkedJudges);
    }

    /// <summary>Checks new schools one by one, so duplicates within one import are caught too.</summary>
    private (LiveEvent State, List<SchoolAdded> Schools) AddSchools(IReadOnlyList<SchoolAdded> newSchools)
    {
        var state = this;
        var schools = new List<SchoolAdded>(newSchools.Count);
        foreach (var school in newSchools)
        {
            var fact = state.AddSchool(school.SchoolId, school.Name, school.City);
            schools.Add(fact);
            state = state.Apply(fact);
        }

        return (state, schools);
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    private Team CheckTeam(Guid teamId, string? name, Guid schoolId, Guid categoryId, string? projectTitle, IEnumerable<string?> memberFirstNames)
    {
        var checkedName = Guard.Text(name, "team.name", 80);
        _ = FindSchool(schoolId) ?? throw new DomainException("team.school.unknown");
        _ = FindCategory(categoryId) ?? throw new DomainException("team.category.unknown");
        EnsureUnique(
            Teams.Exists(t => t.Id != teamId && t.CategoryId == categoryId && SameName(t.Name, checkedName)),
            "team.name.duplicate",
            checkedName);
        var members = memberFirstNames.Where(m => !string.IsNullOrWhiteSpace(m)).Select(CheckFirstName).ToList();
        if (members.Count == 0)
        {
            throw new DomainException("team.members.required");
        }

        if (members.Count > MaxMembersPerTeam)
        {
            throw new DomainException("team.members.too-many", MaxMembersPerTeam);
        }

        return new Team(teamId, checkedName, schoolId, categoryId, Guard.Text(projectTitle, "team.project", 160), members);
    }

    /// <summary>Pupils are minors: a member is a single first name (hyphenated names allowed), nothing more.</summary>
    private static string CheckFirstName(string? name)
    {
        var checkedName = Guard.Text(name, "team.member", 30);
        if (!checkedName.Any(char.IsLetter)
            || !checkedName.All(c => char.IsLetter(c) || c is '-' or '\'' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark))
        {
            throw new DomainException("team.member.first-name-only", checkedName);
        }

        return checkedName;
    }

    private static Criterion CheckCriterion(Guid criterionId, string? name, decimal weight, int scaleMin, int scaleMax, string? helpText)
    {
        var checkedName = Guard.Text(name, "criterion.name", 80);
        if (weight <= 0 || weight > 100)
        {
            throw new DomainException("criterion.weight.out-of-range", 0, 100);
        }

        if (scaleMin < 0 || scaleMax > 100 || scaleMin >= scaleMax)
        {
            throw new DomainException("criterion.scale.invalid", 0, 100);
        }

        return new Criterion(criterionId, checkedName, weight, scaleMin, scaleMax, Guard.Text(helpText, "criterion.help", 1000, required: false));
    }

    private Judge CheckJudge(Guid judgeId, string? name, Guid categoryId, Guid? schoolId, bool isChair)
    {
        var checkedName = Guard.Text(name, "judge.name", 80);
        _ = FindCategory(categoryId) ?? throw new DomainException("judge.category.unknown");
        if (schoolId is { } school && FindSchool(school) is null)
        {
            throw new DomainException("judge.school.unknown");
        }

        if (isChair && Judges.Exists(j => j.Id != judgeId && j.CategoryId == categoryId && j.IsChair))
        {
            throw new DomainException("judge.chair.taken");
        }

        return new Judge(judgeId, checkedName, categoryId, schoolId, isChair, null);
    }

    /// <summary>Once a scorecard exists the rubric is frozen, so every total is computed on the same rubric.</summary>
    private void EnsureRubricEditable()
    {
        if (!Scorecards.IsEmpty)
        {
            throw new DomainException("criterion.scoring-started");
        }
    }
}
