using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>
/// The README's run command (<c>dotnet run --project src/VakkanjersLive.Web</c>, its launch profile) runs the app in
/// Production: an unhandled error shows the friendly page, never the developer exception page with a stack trace and
/// the request's headers.
/// </summary>
public sealed class FriendlyErrorTests : IDisposable
{
    private TestApp? _app;

    [Fact]
    public void TheRunCommandsLaunchProfile_IsProduction()
    {
        Assert.Equal("Production", RunCommandEnvironment());
    }

    [Fact]
    public async Task InTheRunCommandsEnvironment_AnUnhandledError_ShowsTheFriendlyPage_WithoutAStackTrace()
    {
        _app = new TestApp(environment: RunCommandEnvironment(), services: s => s.AddSingleton<IStartupFilter, ThrowAtTheEnd>());
        var client = _app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Secret-Header", "zie-mij-niet");

        var response = await client.GetAsync(ThrowAtTheEnd.Path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Er ging iets mis", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at VakkanjersLive", body, StringComparison.Ordinal);
        Assert.DoesNotContain("zie-mij-niet", body, StringComparison.Ordinal);
        Assert.DoesNotContain("een fout voor de test", body, StringComparison.Ordinal);
    }

    public void Dispose() => _app?.Dispose();

    /// <summary>The environment of the first launch profile, the one <c>dotnet run</c> uses.</summary>
    private static string RunCommandEnvironment()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "VakkanjersLive.Web", "Properties", "launchSettings.json")));
        var profile = settings.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        return profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString()!;
    }

    /// <summary>A request nothing in the app answers ends here and throws: an unhandled error inside the app's pipeline.</summary>
    private sealed class ThrowAtTheEnd : IStartupFilter
    {
        public const string Path = "/a-path-that-throws";

        // After the app's own pipeline (its exception handler is outside this), reached when no endpoint matched.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path == Path)
                {
                    throw new InvalidOperationException("een fout voor de test");
                }

                await nextMiddleware(context);
            });
        };
    }
}
