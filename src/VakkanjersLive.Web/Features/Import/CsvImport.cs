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
        return PlanRows(rows, errors, liveEvent, (row, state) =>
        {
            var category = FindCategory(state, row.Get(CategoryColumn));
            var (schoolId, newSchool) = ResolveSchool(state, row.Get(SchoolColumn), row.Get(CityColumn));
            var withSchool = newSchool is null ? state : state.Apply(newSchool);
            var team = withSchool.RegisterTeam(Guid.NewGuid(), row.Get(TeamColumn), schoolId, category, row.Get(ProjectColumn), MemberList.Split(row.Get(MembersColumn)));
            return (team, newSchool);
        }, (schools, teams) => new FinalistsImported(schools, teams));
    }

    public static ImportPlan<JuryImported> PlanJury(string? text, LiveEvent liveEvent)
    {
        var errors = new List<ImportRowError>();
        var rows = Read(text, [NameColumn, CategoryColumn], [SchoolColumn, ChairColumn], errors);
        return PlanRows(rows, errors, liveEvent, (row, state) =>
        {
            var category = FindCategory(state, row.Get(CategoryColumn));
            (Guid? schoolId, SchoolAdded? newSchool) = (null, null);
            if (!string.IsNullOrWhiteSpace(row.Get(SchoolColumn)))
            {
                (schoolId, newSchool) = ResolveSchool(state, row.Get(SchoolColumn), null);
            }

            var withSchool = newSchool is null ? state : state.Apply(newSchool);
            var judge = withSchool.AppointJudge(Guid.NewGuid(), row.Get(NameColumn), category, schoolId, ParseYes(row.Get(ChairColumn)));
            return (judge, newSchool);
        }, (schools, judges) => new JuryImported(schools, judges));
    }

    /// <summary>
    /// Checks row after row against the state as it would be after the rows before it (so duplicates inside the
    /// file are caught), collecting one error per bad row.
    /// </summary>
    private static ImportPlan<TFact> PlanRows<TItem, TFact>(
        List<Row> rows,
        List<ImportRowError> errors,
        LiveEvent liveEvent,
        Func<Row, LiveEvent, (TItem Item, SchoolAdded? NewSchool)> planRow,
        Func<List<SchoolAdded>, List<TItem>, TFact> build)
        where TItem : ILiveEventFact
        where TFact : class
    {
        var schools = new List<SchoolAdded>();
        var items = new List<TItem>();
        var working = liveEvent;
        foreach (var row in rows)
        {
            try
            {
                var (item, newSchool) = planRow(row, working);
                if (newSchool is not null)
                {
                    working = working.Apply(newSchool);
                    schools.Add(newSchool);
                }

                working = working.Apply(item);
                items.Add(item);
            }
            catch (DomainException ex)
            {
                errors.Add(new ImportRowError(row.Number, ex.Code, ex.Arguments));
            }
        }

        return Finish(errors, rows.Count, () => build(schools, items));
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
