using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>A creator makes a series of two parts; the management page, the series page and a part keep the quality bar (axe, 360 px) in light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SeriesTests(FolioSite site)
{
    [BrowserFact]
    public async Task ACreatorsSeriesAndItsPartsKeepTheQualityBar()
    {
        var community = await site.AddCommunityAsync();
        var author = await site.AddUserAsync("trusted", "Priya Lumen");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(author);
        var first = $"The first crossing {FolioSite.Unique("")}";
        var second = $"The second crossing {FolioSite.Unique("")}";
        await page.WriteStoryAsync(community, first, StoryText.Long, button: "Publish");
        await page.WriteStoryAsync(community, second, StoryText.Long, button: "Publish");

        await page.GotoAsync("/me/series");
        await page.GetByLabel("Title").FillAsync($"Crossings {FolioSite.Unique("")}");
        await page.GetByLabel("Description").FillAsync("Two crossings of the same river, a year apart.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the series" }).ClickAsync();
        foreach (var title in new[] { first, second })
        {
            await page.GetByLabel("Add one of your stories").SelectOptionAsync(new SelectOptionValue { Label = title });
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to the series" }).ClickAsync();
            await Expect(page.Locator("[data-status-message]")).ToContainTextAsync("Added");
        }

        await PageQuality.CheckAsync(page, "a series' management page", "series-manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "View", Exact = true }).ClickAsync();
        await Expect(page.Locator(".series-parts-list .story-link")).ToHaveCountAsync(2);
        await PageQuality.CheckAsync(page, "a series' page", "series-page");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Part 2: {second}" }).ClickAsync();
        await Expect(page.Locator(".series-box__where")).ToContainTextAsync("Part 2 of 2 in Crossings");
        await page.Locator(".series-box__contents summary").ClickAsync();
        await PageQuality.CheckAsync(page, "a part of a series", "series-part");
    }
}
