using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Components.Shared;

/// <summary>
/// Base of every staff component that changes an event: runs a domain decision through the journal as the signed-in
/// staff member and reports the outcome. The command id sticks until the command succeeds, is refused, or another
/// command is run (<see cref="CommandKey"/>), so a double click or a retry after a dropped connection or a journal
/// failure stores one change: the journal de-duplicates the id.
/// </summary>
public abstract class StaffComponent : ComponentBase
{
    // The circuit's language, taken when the renderer made the component (on the circuit). A change that arrives on a
    // journal writer's thread carries that writer's culture (the culture of whoever started it, or none), so a render
    // it asks for is run in these (InvokeInCircuitCultureAsync): dates and numbers stay Dutch on a Dutch page.
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private Guid _commandId = Guid.NewGuid();
    private CommandKey? _commandKey;

    [Inject]
    protected CommandExecutor Commands { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    /// <summary>Who is signed in; the journal's actor is taken from it (<see cref="StaffActor"/>).</summary>
    [CascadingParameter]
    protected Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The last refusal, localised (<c>Error.{code}</c>); null after a success.</summary>
    protected string? Error { get; set; }

    /// <summary>Forgets the last refusal: the form it was about has changed since (bind a field's <c>:after</c> to it).</summary>
    protected void ClearError() => Error = null;

    /// <summary>A command is on its way.</summary>
    protected bool Busy { get; private set; }

    /// <summary>The event commands go to.</summary>
    protected abstract Guid CommandEventId { get; }

    /// <summary>Whether a refusal is only shown next to the form (<see cref="Error"/>) rather than in a snackbar.</summary>
    protected virtual bool ErrorsInline => false;

    /// <summary>Runs <paramref name="work"/> on the renderer in the circuit's culture, whatever thread asks (see above).</summary>
    protected Task InvokeInCircuitCultureAsync(Action work) => InvokeAsync(() =>
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        work();
    });

    /// <summary>
    /// Runs the decision and reports it: a refusal in <see cref="Error"/> (and in a snackbar unless
    /// <see cref="ErrorsInline"/>), a success as <paramref name="successText"/> in a snackbar when given.
    /// </summary>
    protected Task<bool> RunAsync(Func<LiveEvent, ILiveEventFact> decide, string? successText = null) =>
        ReportAsync(ExecuteAsync(decide), successText);

    /// <summary>As <see cref="RunAsync"/>, for a decision on the broadcast series (the series stream).</summary>
    protected Task<bool> RunSeriesAsync(Func<SeriesCatalog, ISeriesFact> decide, string? successText = null) =>
        ReportAsync(ExecuteAsync(CommandKey.Of(decide), (id, actor) => Commands.ForSeriesAsync(id, actor, decide)), successText);

    private async Task<bool> ReportAsync(Task<CommandResult> command, string? successText)
    {
        var result = await command;
        if (!result.Succeeded)
        {
            if (!ErrorsInline)
            {
                Snackbar.Add(Error!, Severity.Error);
            }

            return false;
        }

        if (successText is not null)
        {
            Snackbar.Add(successText, Severity.Success);
        }

        return true;
    }

    /// <summary>Runs the decision with the sticky command id; sets <see cref="Busy"/> and <see cref="Error"/>, shows nothing.</summary>
    protected Task<CommandResult> ExecuteAsync(Func<LiveEvent, ILiveEventFact> decide) =>
        ExecuteAsync(CommandKey.Of(decide), (id, actor) => Commands.ForEventAsync(CommandEventId, id, actor, decide));

    private async Task<CommandResult> ExecuteAsync(CommandKey key, Func<Guid, string, Task<CommandResult>> run)
    {
        if (!key.Equals(_commandKey))
        {
            (_commandId, _commandKey) = (Guid.NewGuid(), key);
        }

        Busy = true;
        Error = null;
        try
        {
            var actor = StaffActor.Of((await AuthenticationState).User);
            var result = await run(_commandId, actor);
            if (!result.Succeeded)
            {
                Error = Localizer.Error(result);
            }

            // Only a journal failure may have stored the fact after all: keep the id for a retry of the same command.
            if (result.Succeeded || result.ErrorCode != "journal.unavailable")
            {
                (_commandId, _commandKey) = (Guid.NewGuid(), null);
            }

            return result;
        }
        finally
        {
            Busy = false;
        }
    }
}
