namespace VakkanjersLive.Web.Features.Moderation;

public static class ModerationSetup
{
    public static void AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration("Privacy").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ChatPurge>();
        builder.Services.AddSingleton<RosterPurge>();
        builder.Services.AddSingleton<ModerationLog>();
        builder.Services.AddSingleton<AutomaticChatPurge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AutomaticChatPurge>());
    }
}
