using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Speeddate;

/// <summary>
/// What a class writes on its speeddate page (a question for a company, a rating's comment) passes the chat's filters
/// first, like any audience text (blocked words, contact details, never a link), with codes that speak of the
/// speeddate; then the domain's own decision.
/// </summary>
public static class SpeeddateGuard
{
    public static GuardRules Rules { get; } = new("speeddate.text.blocked-word", "speeddate.text.contact-details", "speeddate.text.link", AlwaysBlockLinks: true);

    /// <summary>
    /// The command for <paramref name="decide"/> as the class's teacher, refused with the filter's code when
    /// <paramref name="text"/> breaks a chat rule of the event (an empty text passes: the decision checks it).
    /// </summary>
    public static Task<CommandResult> RunAsync(CommandExecutor commands, ChatGuard guard, LiveEvent liveEvent, SchoolClass schoolClass, string? text, Func<LiveEvent, ILiveEventFact> decide)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(liveEvent);
        ArgumentNullException.ThrowIfNull(schoolClass);
        return !string.IsNullOrWhiteSpace(text) && guard.Check(text, liveEvent, Rules) is { } refused
            ? Task.FromResult(CommandResult.Failed(refused))
            : commands.ForEventAsync(liveEvent.Id, Guid.NewGuid(), $"teacher:{schoolClass.SchoolId}", decide);
    }
}
