using Deque.AxeCore.Playwright;

namespace Folio.BrowserTests.Infrastructure;

/// <summary>
/// DESIGN.md's quality bar for a page a test has open: 0 axe violations in light and dark, nothing wider than a 360 px
/// phone. Screenshots at 1280 and 390 px go to the temporary folio-shots folder, for a person to look at.
/// </summary>
public static class PageQuality
{
    public static readonly string Shots = Path.Combine(Path.GetTempPath(), "folio-shots");

    public static async Task CheckAsync(IPage page, string what, string shot)
    {
        Directory.CreateDirectory(Shots);
        var desktop = page.ViewportSize!;
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{shot}-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{shot}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(360, 800);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var violations = (await page.RunAxe()).Violations;
            Assert.True(violations.Length == 0,
                $"axe ({scheme}) on {what}: " + string.Join("; ", violations.Select(v => $"{v.Id} ({v.Nodes.Length}): {v.Help}")));
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 360, $"{what} scrolls sideways at 360 px: {scrollWidth} px of content");
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
    }
}
