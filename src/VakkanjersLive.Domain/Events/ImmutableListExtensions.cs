using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

internal static class ImmutableListExtensions
{
    /// <summary>The list with the first item that matches changed; the same list when none matches.</summary>
    public static ImmutableList<T> ReplaceWhere<T>(this ImmutableList<T> list, Predicate<T> match, Func<T, T> change)
    {
        var index = list.FindIndex(match);
        return index < 0 ? list : list.SetItem(index, change(list[index]));
    }
}
