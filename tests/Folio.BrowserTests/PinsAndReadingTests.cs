using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// The reading choices page and the pin controls (on the story page as its author, and on /me/stories, pinned, and
/// refused a fourth) keep the quality bar (axe, 360 px) in light and dark.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PinsAndReadingTests(FolioSite site)
{
    private static ILocator PinButton(IPage page, string title) =>
        page.Locator(".dashboard-item", new() { HasText = title }).Locator("button[data-pin=profile]");

    [BrowserFact]
    public async Task TheReadingChoicesPageKeepsTheQualityBar()
    {
        var reader = await site.AddUserAsync("reader");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(reader);

        await page.GotoAsync("/settings/reading");
        await page.GetByLabel("Self-harm").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reading choices" }).ClickAsync();
        await Expect(page.GetByLabel("Self-harm")).ToBeCheckedAsync();

        await PageQuality.CheckAsync(page, "the reading choices", "settings-reading");
    }

    [BrowserFact]
    public async Task ThePinControlsOnTheStoryPageAndMyStoriesKeepTheQualityBar()
    {
        var community = await site.AddCommunityAsync();
        var author = await site.AddUserAsync("trusted", "Ada Pinwright");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(author);
        var titles = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            titles.Add($"Pinned tale {i} {FolioSite.Unique("")}");
            await page.WriteStoryAsync(community, titles[^1], StoryText.Long, button: "Publish");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "View live story" }).ClickAsync();
        await Expect(page.Locator("#pins")).ToBeVisibleAsync();
        await PageQuality.CheckAsync(page, "a story page with its author's pin controls", "story-pin-controls");
        await page.Locator("#pins button[data-pin=profile]").ClickAsync();
        await Expect(page.Locator("#pins button[data-pin=profile]")).ToHaveAttributeAsync("data-pinned", "true");

        await page.GotoAsync("/me/stories");
        await PageQuality.CheckAsync(page, "my stories with pin buttons", "my-stories-pins");
        foreach (var title in titles.Take(2))
        {
            await PinButton(page, title).ClickAsync();
            await Expect(page.Locator("[data-status-message]")).ToContainTextAsync("is pinned to your profile");
        }

        await PinButton(page, titles[2]).ClickAsync();
        await Expect(page.Locator("[data-status-message]")).ToContainTextAsync("the most it can have");
        await Expect(page.Locator("[data-pinned-mark]")).ToHaveCountAsync(3);
        await PageQuality.CheckAsync(page, "my stories refusing a fourth pin", "my-stories-pin-refused");
    }
}
