using Deque.AxeCore.Playwright;
using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// A reviewed creator's edit to a published story, through the pages a creator and a moderator use: the editor says the
/// changes wait, the review page shows what changes, and both pages pass axe in light and dark and fit a 360 px phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewedEditTests(FolioSite site)
{
    [BrowserFact]
    public async Task AnEditWaitsInTheEditorAndIsReadAsADiffBeforeItGoesLive()
    {
        var community = await site.AddCommunityAsync();
        var moderator = await site.AddUserAsync("moderator");
        await using var creatorContext = await site.NewContextAsync();
        await using var moderatorContext = await site.NewContextAsync();
        var creatorPage = await creatorContext.NewPageAsync();
        var moderatorPage = await moderatorContext.NewPageAsync();
        await creatorPage.SignUpAsync();
        var id = await creatorPage.WriteStoryAsync(community, "The ferry at first light", StoryText.Long, button: "Submit for review");
        await moderatorPage.SignInFromScratchAsync(moderator);
        await moderatorPage.GotoAsync($"/moderation/stories/{id}");
        await moderatorPage.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await moderatorPage.WaitForURLAsync("**/moderation");

        await creatorPage.GotoAsync($"/stories/{id}/edit");
        var editor = new EditorPage(creatorPage);
        await editor.Title.FillAsync("The ferry at first light (BUY CHEAP WATCHES)");
        await creatorPage.GetByRole(AriaRole.Button, new() { Name = "Submit changes for review" }).ClickAsync();
        await Expect(creatorPage.Locator(".notice--success")).ToContainTextAsync("Your changes are waiting for review.");
        await QualityAsync(creatorPage, "the editor with changes in review");

        await moderatorPage.GotoAsync("/moderation");
        // The site is shared with the other browser tests, so the queue may hold their stories too.
        var queued = moderatorPage.Locator(".queue-item", new() { HasText = "The ferry at first light (BUY CHEAP WATCHES)" });
        await Expect(queued).ToContainTextAsync("Changes to a published story");
        await moderatorPage.GotoAsync($"/moderation/stories/{id}");
        await Expect(moderatorPage.Locator(".review-diff ins").First).ToContainTextAsync("(BUY CHEAP WATCHES)");
        await QualityAsync(moderatorPage, "the review page of a revision");

        await moderatorPage.GetByRole(AriaRole.Button, new() { Name = "Approve the changes" }).ClickAsync();
        await moderatorPage.WaitForURLAsync("**/moderation");
        await creatorPage.GotoAsync($"/stories/{id}/edit");
        await creatorPage.GetByRole(AriaRole.Link, new() { Name = "View live story" }).ClickAsync();
        await Expect(creatorPage.Locator("h1")).ToHaveTextAsync("The ferry at first light (BUY CHEAP WATCHES)");
    }

    private static async Task QualityAsync(IPage page, string what)
    {
        var desktop = page.ViewportSize!;
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
