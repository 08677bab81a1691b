using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// Screenshots of the pages people spend their time on, for a person to look at (they are not compared to anything),
/// written to /tmp/folio-shots. Each page must also fit its viewport without scrolling sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisualReviewTests(FolioSite site)
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "folio-shots");

    [BrowserFact]
    public async Task KeyPagesAreCapturedForVisualReview()
    {
        Directory.CreateDirectory(Shots);
        var community = await site.AddCommunityAsync();
        var moderator = await site.AddUserAsync("moderator");
        var storyUrl = await Steps.PublishStoryAsync(site);

        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignUpAsync();
            await page.GotoAsync("/write");
            await CaptureAsync(page, "editor-empty");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Expect(page.Locator(".field-error:not(:empty)").First).ToBeVisibleAsync();
            await CaptureAsync(page, "editor-validation-error");

            await page.WriteStoryAsync(community, "A draft about lighthouses", "Only the first paragraph so far.");
            await page.WriteStoryAsync(community, "The harbour at dawn", StoryText.Long, button: "Submit for review");
            await page.GotoAsync("/me/stories");
            await CaptureAsync(page, "my-stories");
        }

        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignInFromScratchAsync(moderator);
            await page.GotoAsync("/moderation");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "The harbour at dawn" })).ToBeVisibleAsync();
            await CaptureAsync(page, "moderation-queue");
        }

        await using (var context = await site.NewContextAsync(390, 844))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(storyUrl);
            await CaptureAsync(page, "story-390");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await CaptureAsync(page, "story-390-dark");
        }

        await using (var context = await site.NewContextAsync(1280, 900))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(storyUrl);
            await CaptureAsync(page, "story-1280");
        }
    }

    private static async Task CaptureAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}.png"), FullPage = true });
        var (scrollWidth, viewport) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), page.ViewportSize!.Width);
        Assert.True(scrollWidth <= viewport, $"{name} scrolls sideways: {scrollWidth} px of content in a {viewport} px window");
    }
}
