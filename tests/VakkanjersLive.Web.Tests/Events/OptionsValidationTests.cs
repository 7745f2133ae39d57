using Microsoft.Extensions.Options;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Events;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Admin:Password", "short")]
    [InlineData("SignIn:MaxFailures", "0")]
    [InlineData("SignIn:AccountFreeFailures", "0")]
    [InlineData("SignIn:AccountFirstWait", "00:00:00")]
    [InlineData("SignIn:AccountFirstWait", "00:30:00")]
    [InlineData("Journal:SqlitePath", "")]
    public void InvalidSettings_StopTheAppAtStartUp(string key, string value)
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { [key] = value });
        Assert.ThrowsAny<OptionsValidationException>(() => app.Services);
    }
}
