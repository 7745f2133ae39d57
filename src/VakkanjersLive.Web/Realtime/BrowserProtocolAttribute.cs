namespace VakkanjersLive.Web.Realtime;

[AttributeUsage(AttributeTargets.Class)]
public sealed class BrowserProtocolAttribute : Attribute;
