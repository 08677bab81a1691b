using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>A published story as readers see it: signing in to comment, live relative times, and a readable layout.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoryPageTests(FolioSite site)
{
    [BrowserFact]
    public async Task SignInToCommentReturnsToTheStory()
    {
        var storyUrl = await Steps.PublishStoryAsync(site);
        Account reader;
        await using (var signUp = await site.NewContextAsync())
        {
            reader = await (await signUp.NewPageAsync()).SignUpAsync();
        }

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(storyUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to comment" }).ClickAsync();
        await page.SignInAsync(reader);

        // Back on the same story, scrolled to the conversation (#comments, or the comment form inside it).
        var landed = new Uri(page.Url);
        Assert.Equal(storyUrl, landed.AbsolutePath);
        Assert.StartsWith("#comment", landed.Fragment);
        await Expect(page.Locator("#comments")).ToBeInViewportAsync();
    }

    [BrowserFact]
    public async Task ALinkToAHeadingAsReadersSeeItLandsOnThatHeading()
    {
        var storyUrl = await Steps.PublishStoryAsync(site);
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        await page.GotoAsync(storyUrl + "#the-notebook");

        var heading = page.Locator("#user-content-the-notebook");
        await Expect(heading).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "the page stayed at its top");
    }

    [BrowserFact]
    public async Task RelativeTimesStayFreshInAnOpenTab()
    {
        var storyUrl = await Steps.PublishStoryAsync(site);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow });
        await page.GotoAsync(storyUrl);
        var published = page.Locator(".byline time[data-relative]");
        await Expect(published).ToHaveTextAsync("less than a minute ago");

        await page.Clock.FastForwardAsync("02:00:00");

        await Expect(published).ToHaveTextAsync("about 2 hours ago");
    }

    [BrowserFact]
    public async Task StoryPageFitsAPhoneAndKeepsAReadableMeasureOnADesktop()
    {
        var storyUrl = await Steps.PublishStoryAsync(site);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(storyUrl);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the story page scrolls sideways on a 390 px phone: {scrollWidth} px wide");

        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        var column = await page.Locator(".story-body p").First.EvaluateAsync<double[]>(MeasureColumn);
        var (width, charactersPerLine) = (column[0], column[1]);
        Assert.True(width is >= 560 and <= 760 && charactersPerLine is >= 60 and <= 80,
            $"the story's text column at 1280 px is {width:0} px, about {charactersPerLine:0} characters a line; it should hold 60–80");
    }

    // The paragraph's width, and how many of its own characters (in its own font) fit on one line.
    private const string MeasureColumn = """
        paragraph => {
          const style = getComputedStyle(paragraph);
          const context = document.createElement("canvas").getContext("2d");
          context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = paragraph.textContent.trim();
          const width = paragraph.getBoundingClientRect().width;
          return [width, width / (context.measureText(text).width / text.length)];
        }
        """;
}
