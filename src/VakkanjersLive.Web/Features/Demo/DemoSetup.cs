namespace VakkanjersLive.Web.Features.Demo;

public static class DemoSetup
{
    public static void AddDemoSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo").ValidateOnStart();
        builder.Services.AddHostedService<DemoSeeder>();
    }
}
