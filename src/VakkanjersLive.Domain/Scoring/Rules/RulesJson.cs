using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>One problem in a rules or scores file: where it is and why it is refused.</summary>
/// <param name="Line">1-based line; 0 when the file as a whole is meant.</param>
/// <param name="Location">The JSON path (<c>$.criteria[1].step</c>) or the CSV column; empty when none applies.</param>
/// <param name="Reason">English reason.</param>
public sealed record FileError(int Line, string Location, string Reason)
{
    /// <summary><c>file:line: location: reason</c>, the form compilers use, so editors can jump to the line.</summary>
    public string Format(string file) =>
        $"{file}:{Line}: {(Location.Length > 0 ? Location + ": " : string.Empty)}{Reason}";
}

/// <summary>A rules or scores file was refused; <see cref="Errors"/> lists every problem found.</summary>
public sealed class RulesFileException(IReadOnlyList<FileError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.Format("file"))))
{
    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<FileError> Errors { get; } = errors;
}

/// <summary>
/// Reads and writes <see cref="ScoringRules"/> as JSON with the keys of the rules model (<c>criteria</c>,
/// <c>weights</c>, <c>panel</c>, <c>scale</c>, <c>performances</c>, <c>rounding</c>, <c>ranks</c>, <c>panels</c>,
/// <c>tieBreaks</c>). The schema is in <c>docs/scoring.md</c>. Unknown keys are refused, so a typo cannot silently fall
/// back to a default.
/// </summary>
public static class RulesJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The enum value as it is written in JSON: <c>PerCard</c> → <c>per-card</c>, <c>HalfUp</c> → <c>half-up</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Writes the rules with every key, indented.</summary>
    public static string Write(ScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("criteria");
            foreach (var c in rules.Criteria)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id);
                json.WriteNumber("min", c.Min);
                json.WriteNumber("max", c.Max);
                json.WriteNumber("step", c.Step);
                json.WriteNumber("weight", c.Weight);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("weights", Name(rules.Weights));
            json.WriteStartObject("panel");
            json.WriteString("method", Name(rules.Panel.Method));
            json.WriteNumber("dropHighest", rules.Panel.DropHighest);
            json.WriteNumber("dropLowest", rules.Panel.DropLowest);
            json.WriteString("trim", Name(rules.Panel.Trim));
            json.WriteNumber("minJudges", rules.Panel.MinJudges);
            json.WriteEndObject();
            json.WriteString("scale", Name(rules.Scale));
            json.WriteStartObject("performances");
            json.WriteString("combine", Name(rules.Performances.Combine));
            if (rules.Performances.Count != 1)
            {
                // Only when declared, so files written before the count keep their exact text.
                json.WriteNumber("count", rules.Performances.Count);
            }

            json.WriteEndObject();
            if (rules.Rounding is { } rounding)
            {
                json.WriteStartObject("rounding");
                json.WriteNumber("decimals", rounding.Decimals);
                json.WriteString("mode", Name(rounding.Mode));
                json.WriteStartArray("at");
                foreach (var stage in rounding.At)
                {
                    json.WriteStringValue(Name(stage));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            if (rules.Ranks is { } ranks)
            {
                json.WriteStartObject("ranks");
                json.WriteStartArray("points");
                foreach (var points in ranks.Points)
                {
                    json.WriteNumberValue(points);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            if (rules.Panels is { } panels)
            {
                json.WriteStartObject("panels");
                json.WriteString("combine", Name(panels.Combine));
                json.WriteStartArray("list");
                foreach (var panel in panels.List)
                {
                    json.WriteStartObject();
                    json.WriteString("id", panel.Id);
                    json.WriteNumber("weight", panel.Weight);
                    if (panel.Votes)
                    {
                        json.WriteBoolean("votes", true);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteStartArray("tieBreaks");
            foreach (var rule in rules.TieBreaks)
            {
                json.WriteStartObject();
                switch (rule.Kind)
                {
                    case RulesTieBreakKind.Criterion:
                        json.WriteString("criterion", rule.Target);
                        break;
                    case RulesTieBreakKind.Panel:
                        json.WriteString("panel", rule.Target);
                        break;
                    default:
                        json.WriteBoolean("mostFirstPlaces", true);
                        break;
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Reads rules from JSON text and validates them. Missing optional keys take the defaults of the schema.
    /// </summary>
    /// <exception cref="RulesFileException">Invalid JSON, a wrong type, an unknown key or value, or invalid rules; every problem with its line and JSON path.</exception>
    public static ScoringRules Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new RulesFileException([new FileError((int)(e.LineNumber ?? 0) + 1, e.Path ?? string.Empty, "not valid JSON: " + FirstSentence(e.Message))]);
        }

        using (document)
        {
            var reader = new Reader(LineMap(bytes));
            var rules = reader.Rules(document.RootElement);
            // Rules problems too, except in an object that already has a type error (its defaults could mislead).
            var broken = reader.Errors.Select(e => Parent(e.Location)).ToHashSet(StringComparer.Ordinal);
            foreach (var problem in rules.Problems())
            {
                var path = "$" + (problem.Path.Length > 0 ? "." + problem.Path : string.Empty);
                if (!broken.Contains(Parent(path)) && !broken.Contains(path))
                {
                    reader.Error(path, problem.Reason);
                }
            }

            if (reader.Errors.Count > 0)
            {
                throw new RulesFileException([.. reader.Errors.OrderBy(e => e.Line)]);
            }

            return rules;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "$";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>JSON path → 1-based line of the property or array element, from a token walk over the bytes.</summary>
    private static Dictionary<string, int> LineMap(byte[] bytes)
    {
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int LineOf(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var map = new Dictionary<string, int>(StringComparer.Ordinal) { ["$"] = 1 };
        var stack = new List<(bool IsArray, int Index, string Property)>();
        string PathOf(int depth)
        {
            var path = new StringBuilder("$");
            for (var i = 0; i < depth; i++)
            {
                path.Append(stack[i].IsArray ? $"[{stack[i].Index}]" : "." + stack[i].Property);
            }

            return path.ToString();
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (reader.Read())
        {
            var line = LineOf(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    stack[^1] = (false, 0, reader.GetString()!);
                    map.TryAdd(PathOf(stack.Count), line);
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    continue;
            }

            if (stack.Count > 0 && stack[^1].IsArray)
            {
                // Array frames start at index -1: each element moves it on before its path is recorded.
                stack[^1] = (true, stack[^1].Index + 1, string.Empty);
                map.TryAdd(PathOf(stack.Count), line);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Add((reader.TokenType == JsonTokenType.StartArray, -1, string.Empty));
            }
        }

        return map;
    }

    /// <summary>Walks the document, collecting every problem instead of stopping at the first.</summary>
    private sealed class Reader(Dictionary<string, int> lines)
    {
        public List<FileError> Errors { get; } = [];

        public void Error(string path, string reason)
        {
            // A defaulted key has no line of its own: use the nearest enclosing one that is in the file.
            var at = path;
            int line;
            while (!lines.TryGetValue(at, out line))
            {
                var cut = Math.Max(at.LastIndexOf('.'), at.LastIndexOf('['));
                at = cut > 0 ? at[..cut] : "$";
            }

            Errors.Add(new FileError(line, path, reason));
        }

        public ScoringRules Rules(JsonElement root)
        {
            if (!Object(root, "$", "$schema", "criteria", "weights", "panel", "scale", "performances", "rounding", "ranks", "panels", "tieBreaks"))
            {
                return RulesPresets.VakkanjersDefault([]);
            }

            var criteria = new List<RulesCriterion>();
            if (Get(root, "criteria", out var list) && Array(list, "$.criteria"))
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var at = $"$.criteria[{i++}]";
                    if (Object(item, at, "id", "min", "max", "step", "weight"))
                    {
                        criteria.Add(new RulesCriterion(
                            String(item, "id", at, required: true) ?? string.Empty,
                            Number(item, "min", at, null) ?? 0m,
                            Number(item, "max", at, null) ?? 0m,
                            Number(item, "step", at, 1m) ?? 1m,
                            Number(item, "weight", at, 1m) ?? 1m));
                    }
                }
            }

            var panel = new PanelRules();
            if (Get(root, "panel", out var p) && Object(p, "$.panel", "method", "dropHighest", "dropLowest", "trim", "minJudges"))
            {
                panel = new PanelRules(
                    Enum(p, "method", "$.panel", PanelMethod.Mean),
                    Integer(p, "dropHighest", "$.panel", 0),
                    Integer(p, "dropLowest", "$.panel", 0),
                    Enum(p, "trim", "$.panel", TrimMode.PerCard),
                    Integer(p, "minJudges", "$.panel", 1));
            }

            var performances = new PerformanceRules();
            if (Get(root, "performances", out var perf) && Object(perf, "$.performances", "combine", "count"))
            {
                performances = new PerformanceRules(Enum(perf, "combine", "$.performances", PerformanceCombine.Sum), Integer(perf, "count", "$.performances", 1));
            }

            RoundingRules? rounding = null;
            if (Get(root, "rounding", out var r) && Object(r, "$.rounding", "decimals", "mode", "at"))
            {
                var at = new List<RoundingStage>();
                if (Get(r, "at", out var stages) && Array(stages, "$.rounding.at"))
                {
                    var i = 0;
                    foreach (var stage in stages.EnumerateArray())
                    {
                        if (EnumValue<RoundingStage>(stage, $"$.rounding.at[{i++}]") is { } s)
                        {
                            at.Add(s);
                        }
                    }
                }
                else if (!r.TryGetProperty("at", out _))
                {
                    at.Add(RoundingStage.Total);
                }

                rounding = new RoundingRules(Integer(r, "decimals", "$.rounding", 2), Enum(r, "mode", "$.rounding", RoundingMode.HalfUp), at);
            }

            RankRules? ranks = null;
            if (Get(root, "ranks", out var k) && Object(k, "$.ranks", "points"))
            {
                var points = new List<decimal>();
                if (Get(k, "points", out var table) && Array(table, "$.ranks.points"))
                {
                    var i = 0;
                    foreach (var value in table.EnumerateArray())
                    {
                        points.Add(NumberValue(value, $"$.ranks.points[{i++}]") ?? 0m);
                    }
                }
                else if (!k.TryGetProperty("points", out _))
                {
                    points.AddRange(RankRules.DefaultPoints);
                }

                ranks = new RankRules(points);
            }

            PanelsRules? panels = null;
            if (Get(root, "panels", out var ps) && Object(ps, "$.panels", "combine", "list"))
            {
                var definitions = new List<PanelDefinition>();
                if (Get(ps, "list", out var items) && Array(items, "$.panels.list"))
                {
                    var i = 0;
                    foreach (var item in items.EnumerateArray())
                    {
                        var at = $"$.panels.list[{i++}]";
                        if (Object(item, at, "id", "weight", "votes"))
                        {
                            definitions.Add(new PanelDefinition(String(item, "id", at, required: true) ?? string.Empty, Number(item, "weight", at, 1m) ?? 1m, Boolean(item, "votes", at)));
                        }
                    }
                }

                panels = new PanelsRules(Enum(ps, "combine", "$.panels", PanelBlend.Sum), definitions);
            }

            var tieBreaks = new List<RulesTieBreak>();
            if (Get(root, "tieBreaks", out var tbs) && Array(tbs, "$.tieBreaks"))
            {
                var i = 0;
                foreach (var item in tbs.EnumerateArray())
                {
                    var at = $"$.tieBreaks[{i++}]";
                    if (!Object(item, at, "criterion", "panel", "mostFirstPlaces"))
                    {
                        continue;
                    }

                    var keys = item.EnumerateObject().Select(x => x.Name).ToList();
                    if (keys.Count != 1)
                    {
                        Error(at, "a tie-break has exactly one of criterion, panel, mostFirstPlaces");
                    }
                    else if (keys[0] == "mostFirstPlaces")
                    {
                        if (item.GetProperty("mostFirstPlaces").ValueKind != JsonValueKind.True)
                        {
                            Error(at + ".mostFirstPlaces", "expected true");
                        }

                        tieBreaks.Add(new RulesTieBreak(RulesTieBreakKind.MostFirstPlaces));
                    }
                    else
                    {
                        var kind = keys[0] == "panel" ? RulesTieBreakKind.Panel : RulesTieBreakKind.Criterion;
                        tieBreaks.Add(new RulesTieBreak(kind, String(item, keys[0], at, required: true)));
                    }
                }
            }

            return new ScoringRules(
                criteria,
                Enum(root, "weights", "$", WeightMode.Relative),
                panel,
                Enum(root, "scale", "$", ScoreScale.Percent),
                performances,
                rounding,
                ranks,
                panels,
                tieBreaks);
        }

        private bool Object(JsonElement element, string at, params string[] keys)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(at, "expected an object");
                return false;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!keys.Contains(property.Name, StringComparer.Ordinal))
                {
                    Error($"{at}.{property.Name}", $"unknown key (expected one of {string.Join(", ", keys.Where(k => k != "$schema"))})");
                }
            }

            return true;
        }

        private bool Array(JsonElement element, string at)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                return true;
            }

            Error(at, "expected an array");
            return false;
        }

        /// <summary>True when the key is present and not null.</summary>
        private static bool Get(JsonElement parent, string key, out JsonElement value) =>
            parent.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null;

        private string? String(JsonElement parent, string key, string at, bool required)
        {
            if (!Get(parent, key, out var value))
            {
                if (required)
                {
                    Error($"{at}.{key}", "required");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Error($"{at}.{key}", "expected a string");
                return null;
            }

            return value.GetString();
        }

        private decimal? Number(JsonElement parent, string key, string at, decimal? fallback)
        {
            if (!Get(parent, key, out var value))
            {
                if (fallback is null)
                {
                    Error($"{at}.{key}", "required");
                }

                return fallback;
            }

            return NumberValue(value, $"{at}.{key}");
        }

        private decimal? NumberValue(JsonElement value, string at)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            Error(at, "expected a number");
            return null;
        }

        private bool Boolean(JsonElement parent, string key, string at)
        {
            if (!Get(parent, key, out var value))
            {
                return false;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Error($"{at}.{key}", "expected true or false");
            return false;
        }

        private int Integer(JsonElement parent, string key, string at, int fallback)
        {
            if (!Get(parent, key, out var value))
            {
                return fallback;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Error($"{at}.{key}", "expected a whole number");
            return fallback;
        }

        private T Enum<T>(JsonElement parent, string key, string at, T fallback)
            where T : struct, System.Enum =>
            Get(parent, key, out var value) ? EnumValue<T>(value, $"{at}.{key}") ?? fallback : fallback;

        private T? EnumValue<T>(JsonElement value, string at)
            where T : struct, System.Enum
        {
            var names = System.Enum.GetValues<T>().ToDictionary(v => Name(v), v => v, StringComparer.Ordinal);
            if (value.ValueKind == JsonValueKind.String && names.TryGetValue(value.GetString()!, out var parsed))
            {
                return parsed;
            }

            Error(at, $"expected one of {string.Join(", ", names.Keys.Select(n => '"' + n + '"'))}");
            return null;
        }
    }
}
