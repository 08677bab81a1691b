using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// The end of a story: Share, More from the creator and Read next keep the quality bar (axe, 360 px) in light and
/// dark, copying the link and the Mastodon form work, and screenshots of the end of a story are kept for review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoryEndTests(FolioSite site)
{
    [BrowserFact]
    public async Task TheEndOfAStoryKeepsTheQualityBarAndItsShareBlockWorks()
    {
        var community = await site.AddCommunityAsync();
        var elsewhere = await site.AddCommunityAsync("Early Birds", "Stories written at dawn.");
        var author = await site.AddUserAsync("trusted", "Ada Lumen");
        await using var context = await site.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(author);
        await page.WriteStoryAsync(community, $"The ferryman's bell {FolioSite.Unique("")}", StoryText.Long, button: "Publish");
        await page.WriteStoryAsync(elsewhere, $"Gulls at first light {FolioSite.Unique("")}", StoryText.Long, button: "Publish");
        await page.WriteStoryAsync(community, $"The lamplighter's last round {FolioSite.Unique("")}", StoryText.Long, button: "Publish");
        var storyUrl = await page.GetByRole(AriaRole.Link, new() { Name = "View live story" }).GetAttributeAsync("href");

        await page.GotoAsync(storyUrl!);
        await Expect(page.Locator(".read-next .next-card")).ToHaveCountAsync(1);
        await Expect(page.Locator(".read-next")).ToContainTextAsync("The ferryman's bell");
        await Expect(page.Locator(".more-from .story-link")).ToHaveCountAsync(1);
        await Expect(page.Locator(".more-from")).ToContainTextAsync("Gulls at first light");
        await PageQuality.CheckAsync(page, "the end of a story", "story-end-page");
        await CaptureEndAsync(page, "story-end");

        // Copy link, where the clipboard may be used.
        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy link" });
        await copy.ClickAsync();
        await Expect(page.Locator("[data-share-status]")).ToHaveTextAsync("Link copied.");
        Assert.EndsWith(storyUrl!, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // A server name that isn't one: the form again, with the message, keeping what was typed.
        var shared = await page.Locator("#share-link").InputValueAsync();
        var refused = await context.NewPageAsync();
        await refused.GotoAsync($"/share/mastodon?url={Uri.EscapeDataString(shared)}&text=Hi&instance={Uri.EscapeDataString("https://evil.example/x")}");
        await Expect(refused.Locator("#share-mastodon-server-error")).ToContainTextAsync("only the server's name");
        await Expect(refused.GetByLabel("Your Mastodon server")).ToHaveValueAsync("https://evil.example/x");
        await PageQuality.CheckAsync(refused, "Share on Mastodon with a mistake", "share-mastodon-refused");
    }

    /// <summary>From the Share block to the end of Read next, at 1280 and 390 px, light and dark.</summary>
    private static async Task CaptureEndAsync(IPage page, string shot)
    {
        Directory.CreateDirectory(PageQuality.Shots);
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await page.EmulateMediaAsync(new() { ColorScheme = scheme });
                var top = await page.Locator(".story-footer").BoundingBoxAsync();
                var bottom = await page.Locator(".read-next").BoundingBoxAsync();
                var scroll = await page.EvaluateAsync<double>("() => window.scrollY");
                var suffix = scheme == ColorScheme.Dark ? "-dark" : "";
                await page.ScreenshotAsync(new()
                {
                    Path = Path.Combine(PageQuality.Shots, $"{shot}-{width}{suffix}.png"),
                    FullPage = true,
                    Clip = new() { X = 0, Y = (float)(top!.Y + scroll - 16), Width = width, Height = (float)(bottom!.Y + bottom.Height - top.Y + 32) },
                });
            }
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(1280, 900);
    }
}
