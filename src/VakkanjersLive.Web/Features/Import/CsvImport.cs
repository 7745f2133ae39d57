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

    // The programme (optional): a file with any of these columns plans the categories' running orders too.
    private static readonly string[] DayColumn = ["dag", "day", "datum", "date"];
    private static readonly string[] StartColumn = ["start", "aanvang", "begintijd", "starttijd", "start time"];
    private static readonly string[] SlotColumn = ["volgorde", "slot", "running order"];
    private static readonly string[] PresentationColumn = ["presentatie", "presentatie (min)", "presentation", "presentation (min)"];
    private static readonly string[] QuestionsColumn = ["vragen", "vragen (min)", "questions", "questions (min)"];
    private static readonly string[][] ProgrammeColumns = [DayColumn, StartColumn, SlotColumn, PresentationColumn, QuestionsColumn];

    /// <summary>A pitch's lengths when the file plans the programme without them.</summary>
    public const int DefaultPresentationSeconds = 300;

    public const int DefaultQuestionSeconds = 180;

    /// <summary>
    /// Plans a finalists import. With programme columns (day, start, slot, presentation and questions minutes) each
    /// row is also a slot: the fact then carries the categories' new running orders, checked with every other error.
    /// </summary>
    public static ImportPlan<FinalistsImported> PlanFinalists(string? text, LiveEvent liveEvent)
    {
        var errors = new List<ImportRowError>();
        var rows = Read(text, [TeamColumn, SchoolColumn, CategoryColumn, ProjectColumn, MembersColumn], [CityColumn, .. ProgrammeColumns], errors);
        var programme = rows.Count > 0 && ProgrammeColumns.Any(rows[0].Has) ? new List<PlannedSlot>() : null;
        var plan = PlanRows(rows, errors, liveEvent, (row, state, refused) =>
        {
            var (probe, category) = Checked(refused, state, s => (s, FindCategory(s, row.Get(CategoryColumn))), StandInCategory);
            (probe, var school) = Checked(refused, probe, s => WithSchool(s, row.Get(SchoolColumn), row.Get(CityColumn)), StandInSchool);
            var team = new TeamFields(row.Get(TeamColumn), row.Get(ProjectColumn), MemberList.Split(row.Get(MembersColumn)));
            bool IsValidMember(string member) => Passes(() => probe.RegisterTeam(Guid.NewGuid(), StandInUnique(), school.Id, category, StandInName, [member]));
            var registered = EveryError(refused, team, t => probe.RegisterTeam(Guid.NewGuid(), t.Name, school.Id, category, t.Project, t.Members), (t, code) => t.WithStandIn(code, IsValidMember));
            if (programme is not null && PlanSlot(row, liveEvent, registered?.TeamId ?? Guid.Empty, row.Get(TeamColumn) ?? string.Empty, refused) is { } slot)
            {
                programme.Add(new PlannedSlot(row.Number, category, liveEvent.FindCategory(category) is not null, row.Get(TeamColumn)?.Trim() ?? string.Empty, slot.Slot, slot.Number));
            }

            return (registered!, school.New);
        }, (schools, teams) => liveEvent.ImportFinalists(schools, teams, programme?.Select(p => p.Slot).ToList()));
        return programme is null ? plan : WithProgrammeChecked(plan, programme, liveEvent);
    }

    /// <summary>The slots added to their categories' orders by day, slot number and start, each overlap reported at its row.</summary>
    private static ImportPlan<FinalistsImported> WithProgrammeChecked(ImportPlan<FinalistsImported> plan, List<PlannedSlot> programme, LiveEvent liveEvent)
    {
        var errors = plan.Errors.ToList();
        foreach (var category in programme.Where(p => p.KnownCategory).GroupBy(p => p.CategoryId))
        {
            var existing = liveEvent.RunningOrderOf(category.Key).Select(s => new PlannedSlot(0, category.Key, true, liveEvent.FindTeam(s.TeamId)?.Name ?? string.Empty, s, null));
            List<PlannedSlot> ordered = [.. existing.Concat(category).OrderBy(p => p.Slot.Day).ThenBy(p => p.Slot.Start).ThenBy(p => p.Row)];
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, slot) = (ordered[i - 1], ordered[i]);
                if (slot.Slot.Day == before.Slot.Day && slot.Slot.Start < before.Slot.End)
                {
                    var reported = slot.Row > 0 ? slot : before;
                    errors.Add(new ImportRowError(reported.Row, "running-order.overlap", [reported.Team]));
                }
            }

            // A slot number is a check on the times: within a day, a later start has a higher number.
            foreach (var day in category.Where(p => p.Number is not null).GroupBy(p => p.Slot.Day))
            {
                var byStart = day.OrderBy(p => p.Slot.Start).ThenBy(p => p.Row).ToList();
                for (var i = 1; i < byStart.Count; i++)
                {
                    if (byStart[i].Number <= byStart[i - 1].Number)
                    {
                        errors.Add(new ImportRowError(byStart[i].Row, "import.slot.out-of-order", [byStart[i].Number!.Value, byStart[i - 1].Team]));
                    }
                }
            }
        }

        if (errors.Count == plan.Errors.Count)
        {
            return plan;
        }

        return new ImportPlan<FinalistsImported>(null, [.. errors.OrderBy(e => e.Row)], plan.RowCount);
    }

    /// <summary>One row's slot: day (empty: the event's date; 1, 2: its first or second day; or a date), start, lengths, slot number.</summary>
    private static (ProgrammeSlot Slot, int? Number)? PlanSlot(Row row, LiveEvent liveEvent, Guid teamId, string team, List<DomainException> refused)
    {
        var before = refused.Count;
        var day = Parsed(refused, row.Get(DayColumn), liveEvent.Date, text => ParseDay(text, liveEvent.Date), "import.day.invalid");
        TimeOnly start = default;
        if (string.IsNullOrWhiteSpace(row.Get(StartColumn)))
        {
            refused.Add(new DomainException("import.start.required"));
        }
        else
        {
            start = Parsed(refused, row.Get(StartColumn), default, ParseStart, "import.start.invalid");
        }

        var presentation = Parsed(refused, row.Get(PresentationColumn), DefaultPresentationSeconds, ParseLength, "import.length.invalid");
        var questions = Parsed(refused, row.Get(QuestionsColumn), DefaultQuestionSeconds, ParseLength, "import.length.invalid");
        var number = Parsed(refused, row.Get(SlotColumn), 0, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null, "import.slot.invalid");
        if (refused.Count == before && (presentation is < ProgrammeSlot.MinPresentationSeconds or > ProgrammeSlot.MaxPhaseSeconds || questions > ProgrammeSlot.MaxPhaseSeconds))
        {
            refused.Add(new DomainException("running-order.length.out-of-range", team.Trim(), ProgrammeSlot.MaxPhaseSeconds / 60));
        }

        if (refused.Count == before && start.ToTimeSpan() + TimeSpan.FromSeconds(presentation + questions) > TimeSpan.FromDays(1))
        {
            refused.Add(new DomainException("running-order.past-midnight"));
        }

        return refused.Count == before ? (new ProgrammeSlot(teamId, day, start, presentation, questions), number > 0 ? number : null) : null;
    }

    /// <summary>The value of an optional cell: empty gives <paramref name="empty"/>, unreadable is refused with <paramref name="code"/>.</summary>
    private static T Parsed<T>(List<DomainException> refused, string? text, T empty, Func<string, T?> parse, string code)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return empty;
        }

        if (parse(text.Trim()) is not { } value)
        {
            refused.Add(new DomainException(code, text.Trim()));
            return empty;
        }

        return value;
    }

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "d.M.yyyy"];

    private static DateOnly? ParseDay(string text, DateOnly first)
    {
        var number = text.ToLowerInvariant().Replace("dag", string.Empty, StringComparison.Ordinal).Replace("day", string.Empty, StringComparison.Ordinal).Trim();
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 7)
        {
            return first.AddDays(n - 1);
        }

        return DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100 ? day : null;
    }

    private static readonly string[] StartFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "H:mm:ss", "HH:mm:ss"];

    private static TimeOnly? ParseStart(string text) =>
        TimeOnly.TryParseExact(text, StartFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null;

    /// <summary>Minutes ("5", "4,5", "4.5") or minutes:seconds ("4:30") as seconds.</summary>
    public static int? ParseLength(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && parts[1].Length == 2
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sec) && sec < 60 && m <= 24 * 60)
        {
            return m * 60 + sec;
        }

        return parts.Length == 1 && decimal.TryParse(parts[0].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes) && minutes <= 24 * 60
            ? (int)Math.Round(minutes * 60, MidpointRounding.AwayFromZero)
            : null;
    }

    /// <summary>A row's slot as planned; <see cref="Row"/> 0 is a slot already in the order.</summary>
    private sealed record PlannedSlot(int Row, Guid CategoryId, bool KnownCategory, string Team, ProgrammeSlot Slot, int? Number);

    /// <summary>The slots of the imported teams (what <see cref="LiveEvent.ImportFinalists"/> takes back).</summary>
    public static IReadOnlyList<ProgrammeSlot>? ImportedSlots(FinalistsImported fact) =>
        fact.RunningOrders?.SelectMany(o => o.Slots).Where(s => fact.Teams.Any(t => t.TeamId == s.TeamId)).ToList();

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

        public bool Has(string[] column) => Values.ContainsKey(column);
    }
}
