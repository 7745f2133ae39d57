namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>
/// The outcome of a command. On success the entry is durable and this node's projection includes it.
/// On failure <see cref="ErrorCode"/> is a domain error code (see resources "Error.*") and nothing was stored.
/// </summary>
public sealed record CommandResult(bool Succeeded, long Position, bool WasDuplicate, string? ErrorCode, IReadOnlyList<object> ErrorArguments)
{
    public static CommandResult Ok(long position, bool duplicate) => new(true, position, duplicate, null, []);

    public static CommandResult Failed(string code, IReadOnlyList<object>? arguments = null) => new(false, 0, false, code, arguments ?? []);
}
