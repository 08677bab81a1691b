using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>The creator's dashboard, /me/stories, keeps the quality bar with a draft, a published story and its numbers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MyStoriesTests(FolioSite site)
{
    [BrowserFact]
    public async Task TheDashboardWithADraftAPublishedStoryAndASubscriberKeepsTheQualityBar()
    {
        var community = await site.AddCommunityAsync();
        var author = await site.AddUserAsync("trusted", "Ines Duarte");
        var reader = await site.AddUserAsync("reader");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInFromScratchAsync(reader);
        await page.SubscribeToAsync(author);
        await context.ClearCookiesAsync();

        await page.SignInFromScratchAsync(author);
        await page.WriteStoryAsync(community, $"A harbour at first light {FolioSite.Unique("")}", StoryText.Long, button: "Publish");
        await page.WriteStoryAsync(community, $"Notes for a later story {FolioSite.Unique("")}", StoryText.Long);
        await page.GotoAsync("/me/stories");

        await Expect(page.Locator("#section-Published")).ToContainTextAsync("(1)");
        await Expect(page.Locator("#section-Draft")).ToContainTextAsync("(1)");
        await PageQuality.CheckAsync(page, "my stories", "my-stories");
    }
}
