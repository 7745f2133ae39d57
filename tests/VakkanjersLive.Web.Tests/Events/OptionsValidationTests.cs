using Microsoft.Extensions.Options;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Events;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Admin:Password", "short")]
    [InlineData("SignIn:MaxFailures", "0")]
    [InlineData("Journal:SqlitePath", "")]
    public void InvalidSettings_StopTheAppAtStartUp(string key, string value)
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { [key] = value });
        Assert.ThrowsAny<OptionsValidationException>(() => app.Services);
    }
}
