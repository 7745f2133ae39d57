using Microsoft.Extensions.Localization;
using MudBlazor;

namespace VakkanjersLive.Web.Components;

/// <summary>
/// MudBlazor's own texts (pager and close buttons, date picker, tab scroll buttons, conversion errors) from our
/// resources, as <c>MudBlazor.{key}</c> in both languages. A key we do not have falls back to MudBlazor's English.
/// </summary>
public sealed class StaffMudLocalizer(IStringLocalizer<SharedResource> text) : MudLocalizer
{
    public const string Prefix = "MudBlazor.";

    public override LocalizedString this[string key] => Find(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Find(key, arguments);

    private LocalizedString Find(string key, object[] arguments)
    {
        var found = text[Prefix + key, arguments];
        return found.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, found.Value);
    }
}
