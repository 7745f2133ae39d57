namespace VakkanjersLive.Web.Features.Events;

public static class EventsSetup
{
    /// <summary>Event set-up: judge codes are issued here (the demo seeder uses the same issuer).</summary>
    public static void AddEvents(this WebApplicationBuilder builder) => builder.Services.AddSingleton<JudgeCodeIssuer>();
}
