using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Features.Events;

/// <summary>
/// Base of the event setup tabs: runs a domain decision through the journal and reports the outcome. One command id
/// is kept per form until it succeeds, so a double click or a retry after a dropped connection stores one change.
/// </summary>
public abstract class EventTab : ComponentBase
{
    private Guid _commandId = Guid.NewGuid();

    /// <summary>The event being set up (a fresh snapshot on every change).</summary>
    [Parameter, EditorRequired]
    public LiveEvent Event { get; set; } = default!;

    /// <summary>Who acts, as written in the journal.</summary>
    [Parameter, EditorRequired]
    public string Actor { get; set; } = default!;

    [Inject]
    protected CommandExecutor Commands { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    /// <summary>The last error, shown next to the form (role="alert").</summary>
    protected string? Error { get; set; }

    protected bool Busy { get; private set; }

    protected async Task<bool> RunAsync(Func<LiveEvent, ILiveEventFact> decide, string successText)
    {
        Busy = true;
        Error = null;
        try
        {
            var result = await Commands.ForEventAsync(Event.Id, _commandId, Actor, decide);
            if (!result.Succeeded)
            {
                Error = Localizer.Error(result);
                return false;
            }

            _commandId = Guid.NewGuid();
            Snackbar.Add(successText, Severity.Success);
            return true;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Asks before a removal; true when the moderator confirmed.</summary>
    protected async Task<bool> ConfirmRemovalAsync(string what) =>
        await Dialogs.ShowMessageBoxAsync(
            Localizer["Common.ConfirmRemoveTitle"],
            Localizer["Common.ConfirmRemove", what],
            yesText: Localizer["Common.Remove"],
            cancelText: Localizer["Common.Cancel"]) == true;

    protected string CategoryName(Guid id) => Event.FindCategory(id)?.Name ?? "—";

    protected string SchoolName(Guid? id) => id is { } s ? Event.FindSchool(s)?.Name ?? "—" : "—";
}
