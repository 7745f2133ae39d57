using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The state of one live event, folded from its journal stream. Immutable: <see cref="Apply"/> returns a new
/// instance, so readers on other threads always see a consistent snapshot. Decision methods check the rules and
/// return the fact to append; they never change state themselves.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxMembersPerTeam = 8;

    private LiveEvent()
    {
    }

    public Guid Id { get; private init; }

    public EventKind Kind { get; private init; }

    public string Name { get; private init; } = string.Empty;

    public DateOnly Date { get; private init; }

    public string Venue { get; private init; } = string.Empty;

    public string Theme { get; private init; } = string.Empty;

    /// <summary>The code the audience types to join.</summary>
    public string JoinCode { get; private init; } = string.Empty;

    /// <summary>The stream position this state reflects.</summary>
    public long Version { get; private init; }

    public ImmutableList<Category> Categories { get; private init; } = [];

    public ImmutableList<School> Schools { get; private init; } = [];

    public ImmutableList<Team> Teams { get; private init; } = [];

    public ImmutableList<Criterion> Rubric { get; private init; } = [];

    public ImmutableList<Judge> Judges { get; private init; } = [];

    public ImmutableList<Round> Rounds { get; private init; } = [];

    /// <summary>The state before the first fact; only <see cref="Create"/> may be decided on it.</summary>
    public static LiveEvent Empty { get; } = new();

    public bool Exists => Id != Guid.Empty;

    public decimal TotalWeight => Rubric.Sum(c => c.Weight);

    public Category? FindCategory(Guid id) => Categories.Find(c => c.Id == id);

    public School? FindSchool(Guid id) => Schools.Find(s => s.Id == id);

    public Team? FindTeam(Guid id) => Teams.Find(t => t.Id == id);

    public Judge? FindJudge(Guid id) => Judges.Find(j => j.Id == id);

    public Criterion? FindCriterion(Guid id) => Rubric.Find(c => c.Id == id);

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>Opens a new event; only valid on <see cref="Empty"/>.</summary>
    public EventCreated Create(Guid eventId, EventKind kind, string? name, DateOnly date, string? venue, string? theme, string joinCode)
    {
        if (Exists)
        {
            throw new DomainException("event.exists");
        }

        if (eventId == Guid.Empty)
        {
            throw new DomainException("event.id.required");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("event.kind.invalid");
        }

        if (!JoinCodes.IsWellFormed(joinCode))
        {
            throw new DomainException("event.join-code.invalid");
        }

        return new EventCreated(
            eventId,
            kind,
            Guard.Text(name, "event.name", 120),
            CheckDate(date),
            Guard.Text(venue, "event.venue", 120, required: false),
            Guard.Text(theme, "event.theme", 120, required: false),
            joinCode);
    }

    public EventDetailsChanged ChangeDetails(string? name, DateOnly date, string? venue, string? theme)
    {
        EnsureExists();
        return new EventDetailsChanged(
            Guard.Text(name, "event.name", 120),
            CheckDate(date),
            Guard.Text(venue, "event.venue", 120, required: false),
            Guard.Text(theme, "event.theme", 120, required: false));
    }

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
    public JudgeCodesIssued IssueJudgeCodes(IReadOnlyList<JudgeCode> codes)
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

        var reissued = codes.Select(c => c.JudgeId).ToHashSet();
        var kept = Judges.Where(j => !reissued.Contains(j.Id) && j.Code is not null).Select(j => j.Code!);
        var all = kept.Concat(codes.Select(c => c.Code)).ToList();
        if (all.Count != all.Distinct(StringComparer.Ordinal).Count() || codes.Select(c => c.JudgeId).Distinct().Count() != codes.Count)
        {
            throw new DomainException("judge-code.duplicate");
        }

        return new JudgeCodesIssued(codes);
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

    /// <summary>Checks a whole import against the current state and returns it as one fact.</summary>
    public FinalistsImported ImportFinalists(IReadOnlyList<SchoolAdded> newSchools, IReadOnlyList<TeamRegistered> teams)
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

        return new FinalistsImported(schools, checkedTeams);
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

    // ---- folding ---------------------------------------------------------------------------------------------

    /// <summary>Returns the state after <paramref name="fact"/>, at stream position <paramref name="position"/>.</summary>
    public LiveEvent Apply(ILiveEventFact fact, long position) => ApplyAt(fact, position) with { Version = position };

    /// <summary>Returns the state after <paramref name="fact"/> without moving the version (used for what-if checks).</summary>
    public LiveEvent Apply(ILiveEventFact fact) => ApplyAt(fact, Version);

    private LiveEvent ApplyAt(ILiveEventFact fact, long position) => fact switch
    {
        EventCreated e => this with
        {
            Id = e.EventId,
            Kind = e.Kind,
            Name = e.Name,
            Date = e.Date,
            Venue = e.Venue,
            Theme = e.Theme,
            JoinCode = e.JoinCode,
        },
        EventDetailsChanged e => this with { Name = e.Name, Date = e.Date, Venue = e.Venue, Theme = e.Theme },
        CategoryAdded e => this with { Categories = Categories.Add(new Category(e.CategoryId, e.Name, e.Description)) },
        CategoryChanged e => this with { Categories = Replace(Categories, c => c.Id == e.CategoryId, c => c with { Name = e.Name, Description = e.Description }) },
        CategoryRemoved e => this with { Categories = Categories.RemoveAll(c => c.Id == e.CategoryId) },
        SchoolAdded e => this with { Schools = Schools.Add(new School(e.SchoolId, e.Name, e.City)) },
        SchoolChanged e => this with { Schools = Replace(Schools, s => s.Id == e.SchoolId, s => s with { Name = e.Name, City = e.City }) },
        SchoolRemoved e => this with { Schools = Schools.RemoveAll(s => s.Id == e.SchoolId) },
        TeamRegistered e => this with { Teams = Teams.Add(new Team(e.TeamId, e.Name, e.SchoolId, e.CategoryId, e.ProjectTitle, e.MemberFirstNames)) },
        TeamChanged e => this with
        {
            Teams = Replace(Teams, t => t.Id == e.TeamId, t => t with
            {
                Name = e.Name,
                SchoolId = e.SchoolId,
                CategoryId = e.CategoryId,
                ProjectTitle = e.ProjectTitle,
                MemberFirstNames = e.MemberFirstNames,
            }),
        },
        TeamWithdrawn e => this with
        {
            Teams = Teams.RemoveAll(t => t.Id == e.TeamId),
            Stage = Stage.RemoveRange(Stage.Where(s => s.Value == e.TeamId).Select(s => s.Key)),
            Awards = Awards.RemoveAll(a => a.TeamId == e.TeamId),
        },
        CriterionAdded e => this with { Rubric = Rubric.Add(new Criterion(e.CriterionId, e.Name, e.Weight, e.ScaleMin, e.ScaleMax, e.HelpText)) },
        CriterionChanged e => this with
        {
            Rubric = Replace(Rubric, c => c.Id == e.CriterionId, c => c with
            {
                Name = e.Name,
                Weight = e.Weight,
                ScaleMin = e.ScaleMin,
                ScaleMax = e.ScaleMax,
                HelpText = e.HelpText,
            }),
        },
        CriterionRemoved e => this with { Rubric = Rubric.RemoveAll(c => c.Id == e.CriterionId) },
        JudgeAppointed e => this with { Judges = Judges.Add(new Judge(e.JudgeId, e.Name, e.CategoryId, e.SchoolId, e.IsChair, null)) },
        JudgeChanged e => this with
        {
            Judges = Replace(Judges, j => j.Id == e.JudgeId, j => j with { Name = e.Name, CategoryId = e.CategoryId, SchoolId = e.SchoolId, IsChair = e.IsChair }),
        },
        JudgeRemoved e => this with { Judges = Judges.RemoveAll(j => j.Id == e.JudgeId) },
        JudgeCodesIssued e => this with
        {
            Judges = e.Codes.Aggregate(Judges, (judges, code) => Replace(judges, j => j.Id == code.JudgeId, j => j with { Code = code.Code })),
        },
        FinalistsImported e => e.Teams.Aggregate(e.Schools.Aggregate(this, (s, f) => s.Apply(f)), (s, f) => s.Apply(f)),
        JuryImported e => e.Judges.Aggregate(e.Schools.Aggregate(this, (s, f) => s.Apply(f)), (s, f) => s.Apply(f)),
        RoundAdded e => this with { Rounds = Rounds.Add(new Round(e.RoundId, e.Name)) },
        RoundRenamed e => this with { Rounds = Replace(Rounds, r => r.Id == e.RoundId, r => r with { Name = e.Name }) },
        StageSet or JudgingOpened or JudgingClosed or ScoreSubmitted or ConflictDeclared or RoundLocked or ScoringRulesSet or AwardGranted or AwardWithdrawn => ApplyJudging(fact),
        _ => ApplyAudience(fact, position),
    };

    // ---- rules -----------------------------------------------------------------------------------------------

    private static DateOnly CheckDate(DateOnly date) =>
        date.Year is < 2000 or > 2100 ? throw new DomainException("event.date.invalid") : date;

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

    private void EnsureExists()
    {
        if (!Exists)
        {
            throw new DomainException("event.unknown");
        }
    }

    /// <summary>Once a scorecard exists the rubric is frozen, so every total is computed on the same rubric.</summary>
    private void EnsureRubricEditable()
    {
        if (!Scorecards.IsEmpty)
        {
            throw new DomainException("criterion.scoring-started");
        }
    }

    private static void EnsureNewId(Guid id, bool taken)
    {
        if (id == Guid.Empty || taken)
        {
            throw new DomainException("id.invalid");
        }
    }

    private static void EnsureUnique(bool clash, string code, string name)
    {
        if (clash)
        {
            throw new DomainException(code, name);
        }
    }

    // Invariant, so whether two names clash never depends on the server's culture settings.
    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.InvariantCultureIgnoreCase);

    private static ImmutableList<T> Replace<T>(ImmutableList<T> list, Predicate<T> match, Func<T, T> change)
    {
        var index = list.FindIndex(match);
        return index < 0 ? list : list.SetItem(index, change(list[index]));
    }
}
