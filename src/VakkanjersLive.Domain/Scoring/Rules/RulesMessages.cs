using System.Collections.Frozen;
using System.Globalization;

namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>
/// English reasons for the rules and marks codes, for the command-line tool and for file errors. The web app
/// localises the same codes from its resources (<c>Error.{code}</c>).
/// </summary>
public static class RulesMessages
{
    /// <summary>Every code the rules model uses, with its English message ({0}, {1}… are the arguments).</summary>
    public static FrozenDictionary<string, string> English { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rules.incomplete"] = "the rules are incomplete",
        ["rules.criteria.required"] = "scores need at least one criterion",
        ["rules.criterion.id.required"] = "a criterion needs an id",
        ["rules.criterion.duplicate"] = "criterion '{0}' is listed twice",
        ["rules.criterion.range"] = "criterion '{0}': max ({2}) must be greater than min ({1})",
        ["rules.criterion.step"] = "criterion '{0}': the step {1} must be greater than 0 and divide max - min ({2})",
        ["rules.criterion.weight"] = "criterion '{0}': the weight {1} must not be negative",
        ["rules.weights.zero"] = "relative weights must not all be 0",
        ["rules.value.unknown"] = "unknown value for {0}",
        ["rules.panel.drop"] = "the number of values to drop ({0}) must not be negative",
        ["rules.panel.min-judges"] = "minJudges ({0}) must be at least 1",
        ["rules.performances.count"] = "count ({0}) must be from 1 to {1}",
        ["rules.panel.zscore-drop"] = "zscore does not drop values: set dropHighest and dropLowest to 0",
        ["rules.panel.zscore-cards"] = "zscore works on scored cards only (trim per-card, no ranked ballots)",
        ["rules.panel.trim-ranked"] = "ranked ballots are trimmed per card",
        ["rules.rounding.decimals"] = "decimals ({0}) must be between 0 and {1}",
        ["rules.rounding.at"] = "rounding.at lists the stages panel, criterion, performance, total, each at most once",
        ["rules.ranks.points"] = "the points table needs at least one value, not negative and never rising",
        ["rules.panels.required"] = "panels need at least one panel",
        ["rules.panel.id.required"] = "a panel needs an id",
        ["rules.panel.duplicate"] = "panel '{0}' is listed twice",
        ["rules.panel.weight"] = "panel '{0}': the weight {1} must be greater than 0",
        ["rules.panels.weights-sum"] = "the panel weights add up to {0}, not 1",
        ["rules.tie-break.unknown-criterion"] = "tie-break on unknown criterion '{0}'",
        ["rules.tie-break.unknown-panel"] = "tie-break on unknown panel '{0}'",
        ["rules.tie-break.criterion-ranked"] = "ranked ballots have no criteria to break a tie with",
        ["rules.tie-break.duplicate"] = "a tie-break is listed twice",
        ["rules.team.duplicate"] = "a team is listed twice",
        ["rules.mark.team.required"] = "the team is empty",
        ["rules.mark.judge.required"] = "the judge is empty",
        ["rules.mark.unknown-team"] = "unknown team '{0}'",
        ["rules.mark.unknown-panel"] = "unknown panel '{0}'",
        ["rules.mark.panel-undeclared"] = "panel '{0}' is not declared in the rules (no panels are)",
        ["rules.mark.factor"] = "the factor {0} must be greater than 0",
        ["rules.mark.factor-differs"] = "team '{0}', performance '{1}' already has factor {2}",
        ["rules.mark.unknown-criterion"] = "unknown criterion '{0}'",
        ["rules.mark.range"] = "criterion '{0}': {1} is outside {2}..{3}",
        ["rules.mark.step"] = "criterion '{0}': {1} is not on the step {2}",
        ["rules.mark.rank-criterion"] = "a ranked ballot has no criterion (got '{0}')",
        ["rules.mark.votes-criterion"] = "panel '{0}' counts audience votes and has no criterion (got '{1}')",
        ["rules.mark.votes-value"] = "the votes or points {0} must be 0 or more",
        ["rules.mark.rank"] = "the rank {0} must be a whole number of 1 or more",
        ["rules.mark.rank-duplicate"] = "judge '{0}' gives rank {1} twice",
        ["rules.mark.duplicate"] = "judge '{0}' already gave team '{1}' a value for '{2}'",
        ["rules.mark.missing-criterion"] = "judge '{0}' gave team '{1}' no value for criterion '{2}'",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The English message for a code with its arguments filled in; the code itself when it is unknown.</summary>
    public static string Describe(string code, IReadOnlyList<object> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return English.TryGetValue(code, out var format)
            ? string.Format(CultureInfo.InvariantCulture, format, [.. arguments])
            : code;
    }
}
