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

    public static string Error(this IStringLocalizer localizer, CommandResult result) =>
        localizer.Error(result.ErrorCode ?? "unexpected", result.ErrorArguments);
}
