using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;

namespace VakkanjersLive.Web.Components.Shared;

/// <summary>
/// Which command a decision is: the lambda (its method) and the values it captured, so "approve message A" and
/// "approve message B" are two commands and a retry of either is the same one. Captured sequences compare by their
/// items. Fields the lambda reads from its component at decision time are not part of it (a retry after a journal
/// failure with an edited text field is the same command; the page shows what was stored).
/// </summary>
public sealed class CommandKey : IEquatable<CommandKey>
{
    private const int MaxDepth = 4;
    private const int MaxItems = 1000;

    private readonly MethodInfo _method;
    private readonly List<object?> _values;

    private CommandKey(MethodInfo method, List<object?> values) => (_method, _values) = (method, values);

    public static CommandKey Of(Delegate decide)
    {
        var values = new List<object?>();
        Collect(decide.Target, values, 0);
        return new CommandKey(decide.Method, values);
    }

    public bool Equals(CommandKey? other) =>
        other is not null && _method.Equals(other._method) && _values.SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as CommandKey);

    public override int GetHashCode() => _method.GetHashCode();

    private static void Collect(object? value, List<object?> values, int depth)
    {
        switch (value)
        {
            case null or IComponent:
                // The component itself: what the lambda reads from it is read when it decides.
                return;
            case Delegate inner:
                values.Add(inner.Method);
                Collect(inner.Target, values, depth + 1);
                return;
            case string:
                values.Add(value);
                return;
            case IEnumerable sequence:
                values.Add(value.GetType());
                values.AddRange(sequence.Cast<object?>().Take(MaxItems));
                return;
        }

        var type = value.GetType();
        if (depth > MaxDepth || !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
        {
            values.Add(value);
            return;
        }

        // A closure: its fields are the captured variables (and outer closures).
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Collect(field.GetValue(value), values, depth + 1);
        }
    }
}
