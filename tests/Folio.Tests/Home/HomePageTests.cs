using AngleSharp.Html.Dom;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Home;

public sealed class HomePageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryStoryAppearsOnceOnTheHomePageAndLatestStillFillsItsPages()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var stories = new List<Story>();
        for (var i = 1; i <= 17; i++)
        {
            stories.Add(await _app.Data.StoryAsync(community, author, $"Home Story {i:00}", publishedAt: _app.Clock.UtcNow.AddHours(-i)));
        }

        // The three newest are the most loved, so without care they would head both Featured and Latest.
        foreach (var loved in stories.Take(3))
        {
            await _app.Data.HeartAsync(loved, await _app.Data.PersonAsync());
        }

        string UrlOf(Story story) => $"/{community.Slug}/{story.Slug}";
        var first = await _app.GetPageAsync("/");
        var second = await _app.GetPageAsync("/?page=2");

        var featured = Links(first, ".featured");
        var latest = Links(first, "[aria-labelledby=latest-title]");
        Assert.Equal(stories.Take(3).Select(UrlOf), featured);
        Assert.Equal(12, latest.Count);
        Assert.Equal(stories.Skip(3).Take(12).Select(UrlOf), latest);
        Assert.Equal(stories.Skip(15).Select(UrlOf), Links(second, "[aria-labelledby=latest-title]"));
        Assert.Empty(second.QuerySelectorAll(".featured"));
        var everyCard = Links(first, "main").Concat(Links(second, "main")).ToList();
        Assert.Equal(everyCard.Count, everyCard.Distinct().Count());
        Assert.Equal(stories.Select(UrlOf).Order(), everyCard.Order());
        Assert.Equal("Page 1 of 2", first.QuerySelector(".pager__status")?.TextContent);
    }

    [Fact]
    public async Task WhenEveryStoryIsFeaturedTheHomePageLeavesLatestOutInsteadOfSayingThereAreNone()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Only Story");

        var page = await _app.GetPageAsync("/");

        Assert.Equal(["Only Story"], page.QuerySelectorAll(".featured .story-card__title").Select(t => t.TextContent));
        Assert.Null(page.QuerySelector("#latest-title"));
        Assert.DoesNotContain("No stories have been published yet", page.Body!.TextContent);
        Assert.Single(page.QuerySelectorAll("main .story-card"));
    }

    [Fact]
    public async Task ACardWithoutAnImageIsCompactWithTheStorysFirstLinesAndNoEmptyImage()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var pictured = await _app.Data.StoryAsync(community, author, "Pictured Story", publishedAt: _app.Clock.UtcNow.AddHours(-2));
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(pictured.Id))!.HeroImageUrl = "/demo/images/a-daylight-hero.svg";
            await db.SaveChangesAsync();
        });
        var longBody = "The **ferry** left at dawn. " + string.Join(' ', Enumerable.Repeat("The river was wide and slow.", 60));
        await _app.Data.StoryAsync(community, author, "Plain Story", longBody, _app.Clock.UtcNow.AddHours(-1));

        var page = await _app.GetPageAsync("/");

        var plain = Card(page, "Plain Story");
        Assert.Contains("story-card--compact", plain.ClassList);
        Assert.Null(plain.QuerySelector(".story-card__image"));
        Assert.DoesNotContain(plain.QuerySelectorAll("img"), img => img.Closest(".story-card__community, .story-card__author") is null);
        var excerpt = plain.QuerySelector(".story-card__excerpt")!.TextContent;
        Assert.StartsWith("The ferry left at dawn. The river was wide and slow.", excerpt);
        Assert.EndsWith("…", excerpt);
        Assert.True(excerpt.Length <= 281, $"an excerpt of {excerpt.Length} characters");

        var withImage = Card(page, "Pictured Story");
        Assert.DoesNotContain("story-card--compact", withImage.ClassList);
        Assert.Equal("/demo/images/a-daylight-hero.svg", withImage.QuerySelector(".story-card__image img")?.GetAttribute("src"));
        Assert.Null(withImage.QuerySelector(".story-card__excerpt"));
    }

    private static AngleSharp.Dom.IElement Card(IHtmlDocument page, string title) =>
        page.QuerySelectorAll(".story-card").Single(card => card.QuerySelector(".story-card__title")?.TextContent == title);

    private static List<string> Links(IHtmlDocument page, string within) =>
        [.. page.QuerySelectorAll($"{within} .story-card__title a").Select(a => a.GetAttribute("href")!)];
}
