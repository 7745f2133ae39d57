namespace VakkanjersLive.Domain;

/// <summary>
/// A rule was broken. <see cref="Code"/> is a stable key (e.g. "team.name.required") that the UI turns into a
/// localised message; <see cref="Arguments"/> fill its placeholders.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, params object[] arguments)
        : base(code + (arguments.Length > 0 ? " (" + string.Join(", ", arguments) + ")" : string.Empty))
    {
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }
}
