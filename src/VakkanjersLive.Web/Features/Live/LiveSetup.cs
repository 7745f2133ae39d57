namespace VakkanjersLive.Web.Features.Live;

public static class LiveSetup
{
    /// <summary>The join link's base address (<c>Public:BaseUrl</c>), checked at start-up.</summary>
    public static void AddPublicLinks(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<PublicLinkOptions>().BindConfiguration("Public").ValidateDataAnnotations().ValidateOnStart();
}
