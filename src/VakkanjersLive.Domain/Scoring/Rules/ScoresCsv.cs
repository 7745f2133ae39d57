using System.Globalization;
using System.Text;

namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>Marks read from a scores file, each with the line it came from.</summary>
/// <param name="Marks">The marks in file order.</param>
/// <param name="Lines">For each mark, its 1-based line in the file.</param>
public sealed record ScoresFile(IReadOnlyList<Mark> Marks, IReadOnlyList<int> Lines);

/// <summary>
/// The long scores format shared by the export and the import: one row per judge × team × criterion, semicolon
/// separated, a header row with English column names (any order, case-insensitive):
/// <c>team;performance;factor;panel;judge;criterion;value</c>. <c>performance</c>, <c>factor</c> and <c>panel</c> may be
/// empty or absent; <c>criterion</c> is empty for ranked ballots. Values and factors accept <c>.</c> or <c>,</c> as
/// decimal separator (Dutch Excel writes commas); thousands separators and exponents are refused. Fields may be quoted
/// with <c>"</c>. Blank lines are skipped. See <c>docs/scoring.md</c>.
/// </summary>
public static class ScoresCsv
{
    /// <summary>The columns in the order <see cref="Write"/> writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["team", "performance", "factor", "panel", "judge", "criterion", "value"];

    private static readonly string[] Required = ["team", "judge", "criterion", "value"];

    /// <summary>Writes the marks with a header, values with a decimal point.</summary>
    public static string Write(IEnumerable<Mark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var text = new StringBuilder(string.Join(';', Columns)).Append('\n');
        foreach (var m in marks)
        {
            text.AppendJoin(';', Quote(m.Team), Quote(m.Performance ?? string.Empty), m.Factor is { } f ? Number(f) : string.Empty,
                Quote(m.Panel ?? string.Empty), Quote(m.Judge), Quote(m.Criterion ?? string.Empty), Number(m.Value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads a scores file. With <paramref name="rules"/> every mark is also checked against them
    /// (<see cref="RulesEngine.Check"/>: criterion, range, step, panel, duplicates…), so one pass reports everything.
    /// </summary>
    /// <exception cref="RulesFileException">Every problem, with its line: all problems of a row, not just the first.</exception>
    public static ScoresFile Read(string text, ScoringRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<FileError>();
        var rows = Rows(text.TrimStart('\uFEFF'), errors);
        if (rows.Count == 0)
        {
            errors.Add(new FileError(errors.Count > 0 ? errors[0].Line : 1, string.Empty, "the file has no header row"));
            throw new RulesFileException(errors);
        }

        var (headerLine, header) = rows[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!Columns.Contains(name))
            {
                errors.Add(new FileError(headerLine, header[i], $"unknown column (expected {string.Join(", ", Columns)})"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new FileError(headerLine, name, "column appears twice"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new FileError(headerLine, missing, "required column is missing"));
        }

        if (errors.Count > 0)
        {
            throw new RulesFileException(errors);
        }

        var marks = new List<Mark>();
        var lines = new List<int>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            var before = errors.Count;
            if (fields.Count != header.Count)
            {
                errors.Add(new FileError(line, string.Empty, $"{fields.Count} fields, the header has {header.Count}"));
            }

            string Field(string column) =>
                columns.TryGetValue(column, out var index) && index < fields.Count ? fields[index].Trim() : string.Empty;

            decimal? Parse(string column, bool required)
            {
                var raw = Field(column);
                if (raw.Length == 0)
                {
                    if (required)
                    {
                        errors.Add(new FileError(line, column, "required"));
                    }

                    return null;
                }

                if (TryParseNumber(raw, out var number))
                {
                    return number;
                }

                errors.Add(new FileError(line, column, $"'{raw}' is not a number (use 7.5 or 7,5)"));
                return null;
            }

            var team = Field("team");
            var judge = Field("judge");
            if (team.Length == 0)
            {
                errors.Add(new FileError(line, "team", "required"));
            }

            if (judge.Length == 0)
            {
                errors.Add(new FileError(line, "judge", "required"));
            }

            var factor = Parse("factor", required: false);
            var value = Parse("value", required: true);
            if (errors.Count == before)
            {
                marks.Add(new Mark(team, judge, Field("criterion"), value!.Value, Field("performance"), factor, Field("panel")));
                lines.Add(line);
            }
        }

        if (rules is not null)
        {
            foreach (var problem in RulesEngine.Check(rules, marks))
            {
                errors.Add(new FileError(lines[problem.Index], ColumnOf(problem.Code), problem.Reason));
            }
        }

        if (errors.Count > 0)
        {
            throw new RulesFileException([.. errors.OrderBy(e => e.Line)]);
        }

        return new ScoresFile(marks.AsReadOnly(), lines.AsReadOnly());
    }

    /// <summary>
    /// A number with <c>.</c> or <c>,</c> as decimal separator and an optional leading minus: <c>7.5</c>, <c>7,5</c>,
    /// <c>-1</c>. Refused: both separators, two separators, thousands groups, exponents, currency.
    /// </summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Trim();
        if (normalised.Count(c => c is '.' or ',') > 1)
        {
            value = 0m;
            return false;
        }

        return decimal.TryParse(
            normalised.Replace(',', '.'),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out value);
    }

    /// <summary>A decimal as written to files: invariant, no trailing zeros (7.50 → 7.5).</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string ColumnOf(string code) => code switch
    {
        "rules.mark.team.required" or "rules.mark.unknown-team" => "team",
        "rules.mark.judge.required" or "rules.mark.rank-duplicate" => "judge",
        "rules.mark.unknown-panel" or "rules.mark.panel-undeclared" => "panel",
        "rules.mark.factor" or "rules.mark.factor-differs" => "factor",
        "rules.mark.unknown-criterion" or "rules.mark.rank-criterion" or "rules.mark.votes-criterion" or "rules.mark.missing-criterion" or "rules.mark.duplicate" => "criterion",
        _ => "value",
    };

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? '"' + field.Replace("\"", "\"\"", StringComparison.Ordinal) + '"' : field;

    /// <summary>Splits the text into rows of fields with the line each row starts on; skips blank lines.</summary>
    private static List<(int Line, List<string> Fields)> Rows(string text, List<FileError> errors)
    {
        var rows = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var quoteLine = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (quoted && !end)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            if (quoted)
            {
                errors.Add(new FileError(quoteLine, string.Empty, "a quoted field is not closed"));
                quoted = false;
            }

            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    quoteLine = line;
                    break;
                case ';':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Trim().Length > 0)
                    {
                        rows.Add((rowLine, fields));
                    }

                    fields = [];
                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        return rows;
    }
}
