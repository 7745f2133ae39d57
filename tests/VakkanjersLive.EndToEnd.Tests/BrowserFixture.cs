using Microsoft.Playwright;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no downloaded browser: `playwright install` cannot run here).
/// One browser per test class; each test makes its own contexts.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run tests/run-tests.sh, which installs Debian's chromium.");
        }

        // Conditions, not sleeps: on a 2-core CI box running every test project at once, a phone's first connect
        // (page, modules, WebSocket, a journaled nickname) was seen to take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
