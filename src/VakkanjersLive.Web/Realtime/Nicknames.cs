using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Realtime;

/// <summary>Friendly generated nicknames such as "Slimme Vos 42" (<see cref="GeneratedNicknames"/>; the hub journals them, unique per event).</summary>
public static class Nicknames
{
    public static string Generate() => GeneratedNicknames.Generate();
}
