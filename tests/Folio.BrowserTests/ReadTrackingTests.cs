using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>reads.js on a story page that is cached for everyone: each view fetches its own token when the read counts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadTrackingTests(FolioSite site)
{
    // Headless Chromium names itself in its User-Agent, and Folio counts no automated browser; a reader's Chrome doesn't.
    private const string DesktopChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    [BrowserFact]
    public async Task AReaderWhoStaysHalfAMinuteCountsOneReadWithATokenFetchedThen()
    {
        var community = await site.AddCommunityAsync();
        var author = await site.AddUserAsync("trusted");
        await using var authorContext = await site.NewContextAsync();
        var authorPage = await authorContext.NewPageAsync();
        await authorPage.SignInFromScratchAsync(author);
        var storyId = await authorPage.WriteStoryAsync(community, FolioSite.Unique("Counted once "), StoryText.Long, button: "Publish");
        var storyUrl = await authorPage.GetByRole(AriaRole.Link, new() { Name = "View live story" }).GetAttributeAsync("href");

        await using var readerContext = await site.NewContextAsync();
        await readerContext.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["User-Agent"] = DesktopChrome });
        var reader = await readerContext.NewPageAsync();
        var calls = new List<string>();
        reader.Request += (_, request) =>
        {
            if (request.Url.Contains($"/stories/{storyId}/read", StringComparison.Ordinal))
            {
                calls.Add(new Uri(request.Url).AbsolutePath);
            }
        };
        await reader.Clock.InstallAsync();
        await reader.GotoAsync(storyUrl!);
        await reader.Clock.RunForAsync(5_000);
        Assert.Empty(calls);

        var counted = reader.WaitForResponseAsync($"**/stories/{storyId}/read");
        await reader.Clock.FastForwardAsync("00:30");
        Assert.Equal(204, (await counted).Status);
        Assert.Equal([$"/stories/{storyId}/read-token", $"/stories/{storyId}/read"], calls);

        await authorPage.GotoAsync("/me/stories");
        await Expect(authorPage.Locator($"#reads tr[data-story-id='{storyId}'] [data-reads-total]")).ToHaveTextAsync("1");
    }
}
