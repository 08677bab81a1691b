using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>Save for later: saved.js saves from the story page in place, and /saved lists the story and removes it in place.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SavedTests(FolioSite site)
{
    [BrowserFact]
    public async Task AStorySavedFromItsPageWithoutAReloadIsOnSavedAndCanBeRemovedThere()
    {
        var storyUrl = await Steps.PublishStoryAsync(site);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAsync();

        await page.GotoAsync("/saved");
        await Expect(page.Locator(".empty-state")).ToContainTextAsync("Nothing saved yet");
        await PageQuality.CheckAsync(page, "/saved with nothing saved", "saved-empty");
        await DarkShotsAsync(page, "saved-empty");

        await page.GotoAsync(storyUrl);
        var title = (await page.Locator("h1").TextContentAsync())!.Trim();
        await page.EvaluateAsync("() => { window.stillThisPage = true; }");
        var save = page.Locator("#save button");
        await Expect(save).ToHaveAccessibleNameAsync("Save for later");
        await save.ClickAsync();

        await Expect(save).ToHaveAttributeAsync("data-saved", "true");
        await Expect(save).ToHaveAccessibleNameAsync("Saved – remove from your saved stories");
        await Expect(page.Locator("#save [role=status]")).ToContainTextAsync("Saved");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisPage === true"), "saving reloaded the page");

        await page.Locator(".account-menu summary").ClickAsync(); // Saved lives in the header's account menu
        await page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Saved", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/saved");
        await Expect(page.Locator(".saved-item__title a")).ToHaveTextAsync(title);
        await PageQuality.CheckAsync(page, "/saved with a story", "saved-list");
        await DarkShotsAsync(page, "saved-list");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(page.Locator(".empty-state")).ToContainTextAsync("Nothing saved yet");
        await page.GotoAsync(storyUrl);
        await Expect(page.Locator("#save button")).ToHaveAttributeAsync("data-saved", "false");
    }

    /// <summary>The page in dark mode at 1280 and 390 px, beside PageQuality's light ones, for a person to look at.</summary>
    private static async Task DarkShotsAsync(IPage page, string shot)
    {
        var size = page.ViewportSize!;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(PageQuality.Shots, $"{shot}-{width}-dark.png"), FullPage = true });
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
