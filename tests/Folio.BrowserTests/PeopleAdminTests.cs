using Deque.AxeCore.Playwright;
using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// An admin finds an account on /admin/people and suspends it with a reason; both people pages pass axe in light and
/// dark and fit a 360 px phone. Screenshots of both, at 1280 and 390 px, go to the temporary folio-shots folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeopleAdminTests(FolioSite site)
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "folio-shots");

    [BrowserFact]
    public async Task AnAdminFindsAnAccountAndSuspendsItWithAReason()
    {
        var admin = await site.AddUserAsync("admin");
        var target = await site.AddUserAsync("creator", "Spammy Sam");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(admin);

        await page.GotoAsync("/admin/people");
        await page.GetByLabel("Name, username or email").FillAsync(target.UserName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator(".people-item")).ToHaveCountAsync(1);
        await QualityAsync(page, "the people list", "admin-people");

        await page.GetByRole(AriaRole.Link, new() { Name = "Spammy Sam" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Spammy Sam");
        await page.GetByLabel("7 days").CheckAsync();
        await page.GetByLabel("Reason (the person sees it)").First.FillAsync("Posting the same link under every story.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();

        await Expect(page.Locator(".notice--success")).ToContainTextAsync($"@{target.UserName} is suspended until");
        await Expect(page.Locator(".person-reason")).ToContainTextAsync("Posting the same link under every story.");
        await QualityAsync(page, "an account's page", "admin-person");
    }

    private static async Task QualityAsync(IPage page, string what, string shot)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{shot}-1280.png"), FullPage = true });
        var desktop = page.ViewportSize!;
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
