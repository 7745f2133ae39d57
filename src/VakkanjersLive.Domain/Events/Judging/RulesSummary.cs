using System.Globalization;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Domain.Events;

/// <summary>A one-line summary of declared rules for the judging audit trail, in the rules file's own words.</summary>
internal static class RulesSummary
{
    public static string Of(ScoringRules rules)
    {
        var parts = new List<string>
        {
            $"method={RulesJson.Name(rules.Panel.Method)}",
            $"dropHighest={rules.Panel.DropHighest}",
            $"dropLowest={rules.Panel.DropLowest}",
            $"trim={RulesJson.Name(rules.Panel.Trim)}",
            $"minJudges={rules.Panel.MinJudges}",
            $"scale={RulesJson.Name(rules.Scale)}",
        };
        if (rules.Performances.Count != 1)
        {
            parts.Add($"performances={rules.Performances.Count.ToString(CultureInfo.InvariantCulture)} {RulesJson.Name(rules.Performances.Combine)}");
        }

        parts.Add(rules.Rounding is { } r
            ? $"rounding={r.Decimals.ToString(CultureInfo.InvariantCulture)} {RulesJson.Name(r.Mode)} at {string.Join('+', r.At.Select(RulesJson.Name))}"
            : "rounding=none");
        if (rules.Ranks is { } ranks)
        {
            parts.Add($"ranks={string.Join('-', ranks.Points.Select(ScoresCsv.Number))}");
        }

        var steps = rules.Criteria.Where(c => c.Step != 1m).Select(c => $"{c.Id}:{ScoresCsv.Number(c.Step)}").ToList();
        if (steps.Count > 0)
        {
            parts.Add($"step={string.Join(',', steps)}");
        }

        if (rules.Panels is { } panels)
        {
            // "panels=weighted jury 0.8, public 0.2 votes"
            parts.Add($"panels={RulesJson.Name(panels.Combine)} " + string.Join(", ", panels.List.Select(p =>
                p.Id + (panels.Combine == PanelBlend.Weighted ? " " + p.Weight.ToString(CultureInfo.InvariantCulture) : string.Empty) + (p.Votes ? " votes" : string.Empty))));
        }

        return string.Join("; ", parts);
    }
}
