using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace VakkanjersLive.Tests.Shared;

/// <summary>
/// One app node for tests, on its own SQLite file in a temp folder (kept across <see cref="Restart"/> to prove
/// durability). Settings are plain configuration keys, as an operator would set them.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string AdminUser = "chef";
    public const string AdminPassword = "correct horse battery staple";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _kestrel;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <param name="services">Replaces services after the app's own registrations (a fake clock, say); kept on <see cref="Restart"/>.</param>
    public TestApp(string? dataDirectory = null, IDictionary<string, string?>? settings = null, bool kestrel = false, int port = 0, Action<IServiceCollection>? services = null, string environment = "Testing")
    {
        _environment = environment;
        _services = services;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "vkl-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _kestrel = kestrel;
        _settings = new Dictionary<string, string?>
        {
            ["Journal:SqlitePath"] = Path.Combine(DataDirectory, "journal.db"),
            ["Journal:SweepInterval"] = "00:00:01",
            ["Demo:Seed"] = "false",
            ["Demo:CredentialsFile"] = Path.Combine(DataDirectory, "demo-credentials.txt"),
            ["Admin:UserName"] = AdminUser,
            ["Admin:Password"] = AdminPassword,
            ["DataProtection:KeysDirectory"] = Path.Combine(DataDirectory, "keys"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (_kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            StartServer();
        }
    }

    public string DataDirectory { get; }

    /// <summary>The real address when hosted on Kestrel.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A new node on the same data folder and settings: what a process restart looks like.</summary>
    public TestApp Restart(IDictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var port = _kestrel ? BaseAddress.Port : 0;
        Dispose();
        return new TestApp(DataDirectory, settings, _kestrel, port, _services, _environment);
    }

    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);

        // Outside Development the framework and MudBlazor assets come from the build's static web assets manifest.
        builder.UseStaticWebAssets();
        // A null value means "not set": the key is left out, as an operator would leave it out.
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
