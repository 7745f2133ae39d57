using System.Globalization;
using CsvHelper;
using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Features.Import;

/// <summary>A problem with one row of an import (row 1 is the header); <see cref="Code"/> is a domain error code.</summary>
public sealed record ImportRowError(int Row, string Code, IReadOnlyList<object> Arguments);

/// <summary>
/// The result of checking a whole file. <see cref="Fact"/> is set only when every row is valid: an import is all or
/// nothing.
/// </summary>
public sealed record ImportPlan<TFact>(TFact? Fact, IReadOnlyList<ImportRowError> Errors, int RowCount)
    where TFact : class
{
    public bool CanImport => Fact is not null && Errors.Count == 0;
}

/// <summary>
/// Reads finalists and jury CSV files (comma or semicolon separated, as Excel writes them in Dutch locales) and checks
/// each row with the same domain rules as the forms. Headers may be Dutch or English.
/// </summary>
public static class CsvImport
{
    public const int MaxBytes = 1_000_000;
    public const int MaxRows = 2_000;

    private static readonly string[] TeamColumn = ["team", "teamnaam", "naam team", "team name"];
    private static readonly string[] SchoolColumn = ["school", "schoolnaam", "school name"];
    private static readonly string[] CityColumn = ["plaats", "woonplaats", "city", "town"];
    private static readonly string[] CategoryColumn = ["categorie", "category"];
    private static readonly string[] ProjectColumn = ["project", "projecttitel", "project title", "titel"];
    private static readonly string[] MembersColumn = ["leden", "teamleden", "members", "voornamen"];
    private static readonly string[] NameColumn = ["naam", "name", "jurylid", "judge"];
    private static readonly string[] ChairColumn = ["voorzitter", "chair", "juryvoorzitter"];

    public static ImportPlan<FinalistsImported> PlanFinalists(string? text, LiveEvent liveEvent)
    {
        var errors = new List<ImportRowError>();
        var rows = Read(text, [TeamColumn, SchoolColumn, CategoryColumn, ProjectColumn, MembersColumn], [CityColumn], errors);
        return PlanRows(rows, errors, liveEvent, (row, state, refused) =>
        {
            var (probe, category) = Checked(refused, state, s => (s, FindCategory(s, row.Get(CategoryColumn))), StandInCategory);
            (probe, var school) = Checked(refused, probe, s => WithSchool(s, row.Get(SchoolColumn), row.Get(CityColumn)), StandInSchool);
            var team = new TeamFields(row.Get(TeamColumn), row.Get(ProjectColumn), MemberList.Split(row.Get(MembersColumn)));
            bool IsValidMember(string member) => Passes(() => probe.RegisterTeam(Guid.NewGuid(), StandInUnique(), school.Id, category, StandInName, [member]));
            var registered = EveryError(refused, team, t => probe.RegisterTeam(Guid.NewGuid(), t.Name, school.Id, category, t.Project, t.Members), (t, code) => t.WithStandIn(code, IsValidMember));
            return (registered!, school.New);
        }, (schools, teams) => new FinalistsImported(schools, teams));
    }

    public static ImportPlan<JuryImported> PlanJury(string? text, LiveEvent liveEvent)
    {
        var errors = new List<ImportRowError>();
        var rows = Read(text, [NameColumn, CategoryColumn], [SchoolColumn, ChairColumn], errors);
        return PlanRows(rows, errors, liveEvent, (row, state, refused) =>
        {
            var (probe, category) = Checked(refused, state, s => (s, FindCategory(s, row.Get(CategoryColumn))), StandInCategory);
            (Guid? Id, SchoolAdded? New) school = (null, null);
            if (!string.IsNullOrWhiteSpace(row.Get(SchoolColumn)))
            {
                (probe, var resolved) = Checked(refused, probe, s => WithSchool(s, row.Get(SchoolColumn), null), StandInSchool);
                school = (resolved.Id, resolved.New);
            }

            var judge = new JudgeFields(row.Get(NameColumn), ParseYes(row.Get(ChairColumn)));
            var appointed = EveryError(refused, judge, j => probe.AppointJudge(Guid.NewGuid(), j.Name, category, school.Id, j.IsChair), (j, code) => j.WithStandIn(code));
            return (appointed!, school.New);
        }, (schools, judges) => new JuryImported(schools, judges));
    }

    /// <summary>
    /// Checks row after row against the state as it would be after the rows before it (so duplicates inside the
    /// file are caught), collecting every error of every bad row.
    /// </summary>
    private static ImportPlan<TFact> PlanRows<TItem, TFact>(
        List<Row> rows,
        List<ImportRowError> errors,
        LiveEvent liveEvent,
        Func<Row, LiveEvent, List<DomainException>, (TItem Item, SchoolAdded? NewSchool)> planRow,
        Func<List<SchoolAdded>, List<TItem>, TFact> build)
        where TItem : ILiveEventFact
        where TFact : class
    {
        var schools = new List<SchoolAdded>();
        var items = new List<TItem>();
        var working = liveEvent;
        foreach (var row in rows)
        {
            var refused = new List<DomainException>();
            var (item, newSchool) = planRow(row, working, refused);
            if (refused.Count > 0)
            {
                errors.AddRange(refused.Select(ex => new ImportRowError(row.Number, ex.Code, ex.Arguments)));
                continue;
            }

            if (newSchool is not null)
            {
                working = working.Apply(newSchool);
                schools.Add(newSchool);
            }

            working = working.Apply(item);
            items.Add(item);
        }

        return Finish(errors, rows.Count, () => build(schools, items));
    }

    /// <summary>
    /// Runs one check of a row. If the domain refuses it, the refusal is recorded and the rest of the row is checked
    /// against a stand-in (a probe state with a valid category or school in its place), so that one row reports
    /// every error it has, not only the first.
    /// </summary>
    private static (LiveEvent Probe, T Value) Checked<T>(List<DomainException> refused, LiveEvent probe, Func<LiveEvent, (LiveEvent, T)> check, Func<LiveEvent, (LiveEvent, T)> standIn)
    {
        try
        {
            return check(probe);
        }
        catch (DomainException ex)
        {
            refused.Add(ex);
            return standIn(probe);
        }
    }

    /// <summary>
    /// Runs a domain decision on a row's fields until it passes: each refusal is recorded and the refused field is
    /// replaced by a valid stand-in, so the decision goes on to check the next field. Gives up (with what it has)
    /// when a refusal names no field it can stand in for. Returns the decision's fact only if nothing was refused.
    /// </summary>
    private static TResult? EveryError<TFields, TResult>(List<DomainException> refused, TFields fields, Func<TFields, TResult> decide, Func<TFields, string, TFields?> standIn)
        where TFields : class
        where TResult : class
    {
        var before = refused.Count;
        for (var attempt = 0; attempt < 3 + LiveEvent.MaxMembersPerTeam * 2; attempt++)
        {
            try
            {
                var result = decide(fields);
                return refused.Count == before ? result : null;
            }
            catch (DomainException ex)
            {
                refused.Add(ex);
                if (standIn(fields, ex.Code) is not { } next)
                {
                    return null;
                }

                fields = next;
            }
        }

        return null;
    }

    // Stand-ins only ever live in a probe state, which is thrown away after the row: they are never imported.
    private const string StandInName = "Standin";

    private static string StandInUnique() => $"{StandInName} {Guid.NewGuid():N}";

    private static (LiveEvent, Guid) StandInCategory(LiveEvent state)
    {
        var id = Guid.NewGuid();
        return (state.Apply(new CategoryAdded(id, StandInUnique(), string.Empty)), id);
    }

    private static (LiveEvent, (Guid Id, SchoolAdded? New)) StandInSchool(LiveEvent state)
    {
        var id = Guid.NewGuid();
        return (state.Apply(new SchoolAdded(id, StandInUnique(), string.Empty)), (id, null));
    }

    /// <summary>The row's school (found, or added to the probe state if it is new) and the fact that adds it.</summary>
    private static (LiveEvent, (Guid Id, SchoolAdded? New)) WithSchool(LiveEvent state, string? name, string? city)
    {
        var (id, added) = ResolveSchool(state, name, city);
        return (added is null ? state : state.Apply(added), (id, added));
    }

    private static bool Passes(Action decide)
    {
        try
        {
            decide();
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private sealed record TeamFields(string? Name, string? Project, IReadOnlyList<string> Members)
    {
        public TeamFields? WithStandIn(string code, Func<string, bool> isValidMember)
        {
            if (code.StartsWith("team.name.", StringComparison.Ordinal))
            {
                return this with { Name = StandInUnique() };
            }

            if (code.StartsWith("team.project.", StringComparison.Ordinal))
            {
                return this with { Project = StandInName };
            }

            if (code == "team.members.too-many")
            {
                return this with { Members = [.. Members.Take(LiveEvent.MaxMembersPerTeam)] };
            }

            if (code == "team.members.required")
            {
                return this with { Members = [StandInName] };
            }

            if (code.StartsWith("team.member.", StringComparison.Ordinal))
            {
                // The domain checks members in order: the refused one is the first that fails on its own.
                var index = Members.ToList().FindIndex(m => !string.IsNullOrWhiteSpace(m) && !isValidMember(m));
                return index < 0 ? null : this with { Members = [.. Members.Select((m, i) => i == index ? StandInName : m)] };
            }

            return null;
        }
    }

    private sealed record JudgeFields(string? Name, bool IsChair)
    {
        public JudgeFields? WithStandIn(string code) => code switch
        {
            _ when code.StartsWith("judge.name.", StringComparison.Ordinal) => this with { Name = StandInUnique() },
            "judge.chair.taken" => this with { IsChair = false },
            _ => null,
        };
    }

    private static ImportPlan<T> Finish<T>(List<ImportRowError> errors, int rowCount, Func<T> fact)
        where T : class
    {
        if (errors.Count == 0 && rowCount == 0)
        {
            errors.Add(new ImportRowError(1, "import.empty", []));
        }

        return errors.Count == 0 ? new ImportPlan<T>(fact(), errors, rowCount) : new ImportPlan<T>(null, errors, rowCount);
    }

    private static Guid FindCategory(LiveEvent liveEvent, string? name) =>
        liveEvent.Categories.Find(c => string.Equals(c.Name, name?.Trim(), StringComparison.InvariantCultureIgnoreCase))?.Id
        ?? throw new DomainException("import.category.unknown", name ?? string.Empty);

    private static (Guid Id, SchoolAdded? New) ResolveSchool(LiveEvent liveEvent, string? name, string? city)
    {
        var existing = liveEvent.Schools.Find(s => string.Equals(s.Name, name?.Trim(), StringComparison.InvariantCultureIgnoreCase));
        if (existing is not null)
        {
            return (existing.Id, null);
        }

        var added = liveEvent.AddSchool(Guid.NewGuid(), name, city);
        return (added.SchoolId, added);
    }

    private static bool ParseYes(string? value) =>
        (value ?? string.Empty).Trim().ToLowerInvariant() is "ja" or "j" or "yes" or "y" or "x" or "1" or "true" or "waar";

    private static List<Row> Read(string? text, string[][] required, string[][] optional, List<ImportRowError> errors)
    {
        var rows = new List<Row>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ImportRowError(1, "import.empty", []));
            return rows;
        }

        if (text.Length > MaxBytes)
        {
            errors.Add(new ImportRowError(1, "import.too-large", [MaxBytes / 1000]));
            return rows;
        }

        var options = CsvReaderOptions.Default with
        {
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            IncludeValuesInExceptions = false,
        };
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        try
        {
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (header.Length == 0)
            {
                errors.Add(new ImportRowError(1, "import.empty", []));
                return rows;
            }

            var columns = new Dictionary<string[], int>();
            foreach (var aliases in required.Concat(optional))
            {
                var index = Array.FindIndex(header, h => aliases.Contains(h));
                if (index >= 0)
                {
                    columns[aliases] = index;
                }
                else if (required.Contains(aliases))
                {
                    errors.Add(new ImportRowError(1, "import.column.missing", [aliases[0]]));
                }
            }

            if (errors.Count > 0)
            {
                return rows;
            }

            while (reader.Read())
            {
                if (rows.Count == MaxRows)
                {
                    errors.Add(new ImportRowError((int)reader.LineNumber, "import.too-many-rows", [MaxRows]));
                    break;
                }

                var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? string.Empty).ToArray();
                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add(new Row((int)reader.LineNumber, columns.ToDictionary(c => c.Key, c => c.Value < fields.Length ? fields[c.Value] : string.Empty)));
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new ImportRowError(rows.Count + 2, "import.unreadable", []));
        }

        return rows;
    }

    private sealed record Row(int Number, Dictionary<string[], string> Values)
    {
        public string? Get(string[] column) => Values.GetValueOrDefault(column);
    }
}
