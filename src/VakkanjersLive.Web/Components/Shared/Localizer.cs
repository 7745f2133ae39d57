using Microsoft.Extensions.Localization;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>The localised text of a domain error code (resource key "Error.{code}"), with its arguments filled in.</summary>
    public static string Error(this IStringLocalizer localizer, string code, IReadOnlyList<object>? arguments = null)
    {
        var text = localizer["Error." + code, arguments?.ToArray() ?? []];
        return text.ResourceNotFound ? localizer["Error.unexpected", code] : text;
    }

    /// <summary>An award as shown: a special mention by its own title, a place by its localised name.</summary>
    public static string Award(this IStringLocalizer localizer, Domain.Events.Award award) =>
        award.Kind == Domain.Events.AwardKind.SpecialMention ? award.Title : localizer[$"Award.{award.Kind}"];

    /// <summary>A reveal plan in one line ("Alleen de top 3, met een pauze voor de winnaar").</summary>
    public static string RevealPlan(this IStringLocalizer localizer, Domain.Events.RevealPlan plan)
    {
        var mode = plan.Mode switch
        {
            Domain.Events.RevealMode.TopOnly => localizer["Reveal.Summary.TopOnly", plan.TopCount],
            Domain.Events.RevealMode.MentionsThenTop => localizer["Reveal.Summary.MentionsThenTop", plan.Mentions, plan.TopCount],
            _ => localizer["Reveal.Summary.AllPlaces"],
        };
        return plan.PauseBeforeWinner ? localizer["Reveal.Summary.WithPause", mode] : mode;
    }

    /// <summary>An aggregation method by its localised name (resource key "Results.Method.{method}").</summary>
    public static string Method(this IStringLocalizer localizer, Domain.Scoring.AggregationMethod method) =>
        localizer[$"Results.Method.{method}"];

    /// <summary>A tie-break rule as shown: its localised name, with the deciding criterion's name where it has one.</summary>
    public static string TieBreak(this IStringLocalizer localizer, Domain.Scoring.TieBreakRule rule, Domain.Events.LiveEvent liveEvent) =>
        rule.Kind == Domain.Scoring.TieBreakKind.HighestCriterion
            ? localizer["Results.TieBreak.HighestCriterion", liveEvent.FindCriterion(rule.CriterionId ?? Guid.Empty)?.Name ?? "?"]
            : localizer[$"Results.TieBreak.{rule.Kind}"];

    /// <summary>A panel of the scoring rules by name: "jury" and "public" localised (resource "Panel.{id}"), any other id as declared.</summary>
    public static string Panel(this IStringLocalizer localizer, string panelId)
    {
        var text = localizer["Panel." + panelId];
        return text.ResourceNotFound ? panelId : text;
    }

    /// <summary>A percentage in the UI's culture, rounded half-up to at most two decimals ("56,25 %", "20 %").</summary>
    public static string Percent(this IStringLocalizer localizer, decimal value) =>
        localizer["Common.Percent", Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)];

    /// <summary>
    /// One panel's part of a team's result: its result in the rules' decimals, with its share in a weighted blend
    /// ("70,00 · 33,3 %"); "–" when the panel has nothing for the team.
    /// </summary>
    public static string PanelPart(this IStringLocalizer localizer, Domain.Scoring.Rules.TeamStanding standing, string panelId, Domain.Scoring.Rules.ScoringRules rules)
    {
        if (!standing.Panels.TryGetValue(panelId, out var value))
        {
            return "–";
        }

        var decimals = rules.Rounding?.Decimals ?? 2;
        var result = value.ToString("F" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.CurrentCulture);
        return standing.Shares.TryGetValue(panelId, out var share) ? $"{result} · {localizer.Percent(share)}" : result;
    }

    /// <summary>Every panel's result in one line, for a reveal or a summary: "jury 70 · publiek 20".</summary>
    public static string PanelParts(this IStringLocalizer localizer, IEnumerable<(string Panel, decimal Value)> parts) =>
        string.Join(" · ", parts.Select(p => $"{localizer.Panel(p.Panel)} {p.Value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)}"));

    public static string Error(this IStringLocalizer localizer, CommandResult result) =>
        localizer.Error(result.ErrorCode ?? "unexpected", result.ErrorArguments);
}
