namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Marks a fact field that says something about a viewer (an id, a nickname, a text they wrote). A fact with such a
/// field must be blanked by the privacy purge (its part registers <see cref="Erase{TFact}"/>); a test checks it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ViewerDataAttribute : Attribute;
