using System.Runtime.CompilerServices;
using Bunit;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>
/// bUnit's waits give up after 1 second by default; on a loaded 2-core box (CI with the whole suite running, or other
/// work beside it) the renderer's dispatcher can be that late without anything being wrong. Waits still end as soon
/// as their condition holds: only a real failure takes the longer time.
/// </summary>
internal static class BunitDefaults
{
#pragma warning disable CA2255 // A test assembly's own setting, run once before any test.
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
#pragma warning restore CA2255
}
