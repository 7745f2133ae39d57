using Microsoft.Extensions.Options;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>A security setting that could widen the policy or weaken a gate stops the app at start-up.</summary>
public sealed class SecuritySettingsTests
{
    [Theory]
    [InlineData("Security:FrameSources:0", "https://player.example; script-src *")]
    [InlineData("Security:MediaSources:0", "'unsafe-inline'")]
    [InlineData("Security:OverlayFrameAncestors:0", "*")]
    [InlineData("Security:FrameSources:0", "https://player.example/embed")]
    [InlineData("Metrics:Token", "short")]
    [InlineData("Metrics:AllowedNetworks:0", "everyone")]
    [InlineData("Public:BaseUrl", "https://live.example.nl/?x=1")]
    public void InvalidSettings_StopTheAppAtStartUp(string key, string value)
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { [key] = value });
        Assert.ThrowsAny<OptionsValidationException>(() => app.Services);
    }

    [Theory]
    [InlineData("https://player.twitch.tv")]
    [InlineData("https://*.cdn.example")]
    [InlineData("http://10.0.0.5:8081")]
    public void Origins_AreAccepted(string source) => Assert.True(Features.Security.SecurityOptions.IsOrigin(source));
}
