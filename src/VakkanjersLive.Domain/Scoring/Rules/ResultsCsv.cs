using System.Text;

namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>
/// The ranking as CSV: <c>rank;team;score</c>, then a column <c>panel:{id}</c> per declared panel and a column
/// <c>performance:{id}</c> per performance (only when a performance is named). Incomplete teams have an empty rank.
/// Numbers use the declared rounding's decimals and mode; without declared rounding they are written in full.
/// </summary>
public static class ResultsCsv
{
    /// <summary>Writes the result with a header row.</summary>
    public static string Write(RulesResult result, ScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rules);
        var panels = rules.Panels is null ? [] : result.Panels;
        // Only named performances get a column: an audience panel's ballots have none next to the judges' "1" … "n".
        var performances = result.Performances.Where(p => p.Length > 0).ToList();
        var text = new StringBuilder();
        text.AppendJoin(';', new[] { "rank", "team", "score" }
            .Concat(panels.Select(p => Quote("panel:" + p)))
            .Concat(performances.Select(p => Quote("performance:" + p)))).Append('\n');
        foreach (var standing in result.Standings)
        {
            text.AppendJoin(';', new[] { standing.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Quote(standing.Team), Number(rules, standing.Total) }
                .Concat(panels.Select(p => Number(rules, standing.Panels.TryGetValue(p, out var v) ? v : null)))
                .Concat(performances.Select(p => Number(rules, standing.Performances.TryGetValue(p, out var v) ? v : null)))).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(ScoringRules rules, decimal? value) => value switch
    {
        null => string.Empty,
        { } v when rules.Rounding is { } r => Rounding.Round(v, r.Decimals, r.Mode).ToString("F" + r.Decimals, System.Globalization.CultureInfo.InvariantCulture),
        { } v => ScoresCsv.Number(v),
    };

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? '"' + field.Replace("\"", "\"\"", StringComparison.Ordinal) + '"' : field;
}
