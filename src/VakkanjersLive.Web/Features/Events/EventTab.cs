using Microsoft.AspNetCore.Components;
using MudBlazor;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Features.Events;

/// <summary>
/// Base of the event setup tabs: runs a domain decision through the journal (<see cref="StaffComponent.RunAsync"/>:
/// the command id sticks to the form's command until it is stored or refused) and shows a refusal next to the form.
/// </summary>
public abstract class EventTab : StaffComponent
{
    /// <summary>The event being set up (a fresh snapshot on every change).</summary>
    [Parameter, EditorRequired]
    public LiveEvent Event { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    protected override Guid CommandEventId => Event.Id;

    protected override bool ErrorsInline => true;

    /// <summary>Page sizes of the long lists (teams, schools): a finale has 140 teams, so 50 a page, or all of them.</summary>
    protected static readonly int[] PageSizes = [25, 50, 100, int.MaxValue];

    /// <summary>The long lists' rows per page, 50 until the moderator picks another size.</summary>
    protected int RowsPerPage { get; set; } = 50;

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
