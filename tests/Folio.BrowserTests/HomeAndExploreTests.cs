using System.Globalization;
using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>Home and Explore, with cards with and without pictures: the quality bar, and a grid of one column on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeAndExploreTests(FolioSite site)
{
    [BrowserFact]
    public async Task HomeAndExploreKeepTheQualityBarAndTheirCardGridsFitTheScreen()
    {
        await ImportStoriesAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var (path, shot) in new[] { ("/", "home"), ("/explore", "explore") })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main .story-card--compact").First).ToBeVisibleAsync();
            await Expect(page.Locator("main .story-card:not(.story-card--compact)").First).ToBeVisibleAsync();
            await PageQuality.CheckAsync(page, path, shot);

            await page.SetViewportSizeAsync(390, 844);
            Assert.Equal(1, await ColumnsAsync(page));
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await page.ScreenshotAsync(new() { Path = Path.Combine(PageQuality.Shots, $"{shot}-390-dark.png"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(PageQuality.Shots, $"{shot}-1280-dark.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            Assert.Equal(3, await ColumnsAsync(page));
        }
    }

    private static Task<int> ColumnsAsync(IPage page) =>
        page.EvaluateAsync<int>("() => getComputedStyle(document.querySelector('main .story-grid')).gridTemplateColumns.split(' ').length");

    /// <summary>Seven stories in a new community, every other one with a picture, through `import markdown`; dated seconds ago, so they are the newest.</summary>
    private async Task ImportStoriesAsync()
    {
        var community = await site.AddCommunityAsync("Harbour Walks", "Stories from the water’s edge.");
        var author = await site.AddUserAsync("creator");
        var folder = Directory.CreateTempSubdirectory("folio-home-");
        try
        {
            for (var i = 1; i <= 7; i++)
            {
                var hero = i % 2 == 1 ? "hero: /demo/images/b-harbour-row-hero.svg\n" : "";
                var date = DateTime.UtcNow.AddSeconds(-2 * i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"walk-{i}.md"), $"""
                    ---
                    title: Harbour walk number {i} {FolioSite.Unique("")}
                    subtitle: What the tide left on the steps, morning {i}.
                    community: {community}
                    author: {author.UserName}
                    date: {date}
                    {hero}---

                    {StoryText.Long}
                    """);
            }

            var run = await site.Server.RunAsync("import", "markdown", folder.FullName);
            Assert.True(run.ExitCode == 0 && run.ToString().Contains("7 imported"), $"`import markdown` failed: {run}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
