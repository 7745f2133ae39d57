namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Marks a class whose <c>public const string</c>s are part of the protocol the browser speaks (hub error codes and
/// the like): they are exported for the browser's scripts, so a value here is a wire value and must not change.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BrowserProtocolAttribute : Attribute;
