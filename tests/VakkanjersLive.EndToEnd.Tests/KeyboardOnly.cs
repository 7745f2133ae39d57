using Microsoft.Playwright;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Moves through a page the way a keyboard user does (Tab, arrows, Space, Enter) and checks at every stop that the
/// focused element shows where focus is (WCAG 2.4.7): an outline or a box shadow, on the element itself or, for an
/// input drawn through its label (the jury's score tiles, the poll choices), on that label.
/// </summary>
internal static class KeyboardOnly
{
    private const string FocusProblem = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return 'nothing has focus';
          const shows = e => {
            const s = getComputedStyle(e);
            return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
          };
          const box = el.getBoundingClientRect();
          const drawn = box.width > 2 && box.height > 2 && getComputedStyle(el).opacity !== '0';
          const shown = drawn ? [el] : [...(el.labels ?? []), el.closest('label')].filter(Boolean);
          return shown.some(shows) ? null : `no visible focus on ${el.outerHTML.slice(0, 160)}`;
        }
        """;

    /// <summary>Presses Tab until <paramref name="target"/> has focus, checking the focus indicator at every stop.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 120)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{target} was not reached with {maxPresses} presses of Tab.");
    }

    /// <summary>From the first radio of a group (where Tab lands when none is checked), checks the option at <paramref name="index"/>.</summary>
    public static async Task ChooseWithArrowsAsync(this IPage page, int index)
    {
        if (index == 0)
        {
            await page.Keyboard.PressAsync("Space");
        }

        for (var i = 0; i < index; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await AssertFocusVisibleAsync(page);
    }

    public static async Task AssertFocusVisibleAsync(IPage page)
    {
        var problem = await page.EvaluateAsync<string?>(FocusProblem);
        Assert.True(problem is null, $"On {page.Url}: {problem}");
    }
}
