using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>Sign-in steps shared by the browser tests; each waits for the circuit before returning.</summary>
internal static partial class StaffPages
{
    public static async Task<IPage> NewPageAsync(this BrowserFixture browser, TestApp app, List<IBrowserContext> contexts)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "nl-NL" });
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A phone: 390×844, touch, Dutch.</summary>
    public static async Task<IPage> NewPhoneAsync(this BrowserFixture browser, TestApp app, List<IBrowserContext> contexts)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    public static async Task SignInModeratorAsync(IPage page, string returnUrl = "/events")
    {
        await page.GotoAsync($"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Gebruikersnaam").FillAsync(TestApp.AdminUser);
        await page.GetByLabel("Wachtwoord").FillAsync(TestApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen als moderator" }).ClickAsync();
        await WaitInteractiveAsync(page);
    }

    public static async Task SignInJudgeAsync(IPage page, string code)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Inlogcode").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen als jurylid" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(JuryUrl());
        await WaitInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the page is interactive and Blazor's FocusOnNavigate has moved focus to the page's h1 (it adds
    /// tabindex="-1" when it does). The focus move runs after the first interactive render, so a keyboard walk that
    /// starts before it would see focus jump to the heading mid-walk (a CI failure on a fast box).
    /// </summary>
    public static async Task WaitInteractiveAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#app-root")).ToHaveAttributeAsync("data-interactive", "yes");
        await page.WaitForFunctionAsync(FocusMoved);
    }

    private const string FocusMoved = """
        () => {
          const heading = document.querySelector('h1');
          return !heading || (heading.getAttribute('tabindex') === '-1' && document.activeElement !== document.body);
        }
        """;

    [GeneratedRegex("/jury$")]
    private static partial Regex JuryUrl();
}
