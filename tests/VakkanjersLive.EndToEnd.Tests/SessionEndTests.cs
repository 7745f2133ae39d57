using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// A session ended elsewhere ends an open staff page too: its Blazor circuit re-checks the session
/// (<c>SignIn:SessionRecheck</c>, one second here) and sends the user to the sign-in page.
/// </summary>
public sealed partial class SessionEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly TestApp _app = new(settings: new Dictionary<string, string?> { ["SignIn:SessionRecheck"] = "00:00:01" }, kestrel: true);

    [Fact]
    public async Task ASignOutOnAnotherLaptop_EndsTheOpenModerationConsole()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var open = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(open, $"/events/{finale.Id}/moderation");
        await Assertions.Expect(open.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        // The same account on another laptop signs out: that ends every session of the account.
        var other = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(other);
        await other.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Assertions.Expect(other).ToHaveURLAsync(SignInUrl());

        // The open console follows without a reload or a click.
        await Assertions.Expect(open).ToHaveURLAsync(SignInUrl(), new() { Timeout = 15_000 });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _app.Dispose();
    }

    [GeneratedRegex("/account/signin")]
    private static partial Regex SignInUrl();
}
