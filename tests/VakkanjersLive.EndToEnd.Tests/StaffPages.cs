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

    public static Task WaitInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("#app-root")).ToHaveAttributeAsync("data-interactive", "yes");

    [GeneratedRegex("/jury$")]
    private static partial Regex JuryUrl();
}
