using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// The Content-Security-Policy (Features/Security) breaks nothing: every kind of page does its work in Chromium
/// with no violation reported, neither a `securitypolicyviolation` event nor a CSP message on the console.
/// </summary>
public sealed class CspTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<string> _violations = new();

    [Fact]
    public async Task StaffAndPublicPages_RunUnderThePolicy_WithoutAViolation()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        // A YouTube stream: the phones frame the no-cookie player (frame-src).
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStream("https://www.youtube.com/watch?v=dQw4w9WgXcQ")));

        var moderator = await PageAsync(phone: false);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}/live");
        await Assertions.Expect(moderator.Locator(".console-qr svg")).ToBeVisibleAsync();
        await moderator.GotoAsync($"/events/{finale.Id}/judging");
        await StaffPages.WaitInteractiveAsync(moderator);
        await moderator.GotoAsync($"/events/{finale.Id}/results/print");
        await Assertions.Expect(moderator.Locator("button[data-page-action='print']")).ToBeVisibleAsync();

        var judge = await PageAsync(phone: false);
        await StaffPages.SignInJudgeAsync(judge, TestData.CodeOf(finale.Judges[0]));

        var phone = await PageAsync(phone: true);
        await phone.GotoAsync($"/live/{finale.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(phone.Locator("#stream iframe")).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");

        foreach (var path in new[] { "screen", "overlay" })
        {
            var page = await PageAsync(phone: false);
            await page.GotoAsync(await TestData.ScreenPathAsync(_app, path, finale.JoinCode));
            await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        }

        // Violations are reported asynchronously: give the last ones a moment to arrive.
        await Task.Delay(500);
        Assert.Empty(_violations);
    }

    private async Task<IPage> PageAsync(bool phone)
    {
        var page = phone ? await browser.NewPhoneAsync(_app, _contexts) : await browser.NewPageAsync(_app, _contexts);
        await page.ExposeFunctionAsync("__cspViolation", (string text) => _violations.Enqueue(text));
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', (e) =>
              window.__cspViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
            """);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _app.Dispose();
    }
}
