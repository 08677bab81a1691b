using AngleSharp.Html.Dom;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Reads;

namespace Folio.Tests.Explore;

public sealed class ExplorePageTests : IDisposable
{
    // Reads never evict cached pages; these tests are about what Explore shows, not the cache.
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Caching:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryStoryAppearsOnceOnExploreAndEachListIsStillFull()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var stories = new List<Story>();
        for (var i = 1; i <= 15; i++)
        {
            stories.Add(await _app.Data.StoryAsync(community, author, $"Explore Story {i:00}", publishedAt: _app.Clock.UtcNow.AddHours(-i)));
        }

        // The seven newest have readers' responses of every kind; the rest are quiet.
        foreach (var hearted in stories.Take(3))
        {
            await _app.Data.HeartAsync(hearted, await _app.Data.PersonAsync());
        }

        await _app.Data.InsightsAsync(stories[3], await _app.Data.PersonAsync(), InsightQuality.ExcellentStorytelling);
        await _app.Data.InsightsAsync(stories[4], await _app.Data.PersonAsync(), InsightQuality.HeartfeltAndRelatable);
        await _app.AddReadsAsync(stories[5], (0, 3));
        await _app.AddReadsAsync(stories[6], (1, 2));
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(stories[1].Id))!.MarkTopStory("Because it is good.", author.Id, _app.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        string UrlOf(Story story) => $"/{community.Slug}/{story.Slug}";

        var page = await _app.GetPageAsync("/explore");

        var top = Links(page, ".explore-top-stories");
        var trending = Links(page, ".trending-list");
        var latest = Links(page, "[aria-labelledby=latest-title]");
        Assert.Equal([UrlOf(stories[1])], top);
        Assert.Equal(stories.Take(7).Where(s => s != stories[1]).Select(UrlOf).Order(), trending.Order());
        Assert.Equal(stories.Skip(7).Take(6).Select(UrlOf), latest);
        var everyCard = Links(page, "main");
        Assert.Equal(everyCard.Count, everyCard.Distinct().Count());
    }

    [Fact]
    public async Task OnAQuietSiteTrendingSaysNothingIsTrendingInsteadOfRepeatingLatest()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        for (var i = 1; i <= 4; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Quiet Story {i}", publishedAt: _app.Clock.UtcNow.AddHours(-i));
        }

        var page = await _app.GetPageAsync("/explore");

        Assert.Empty(page.QuerySelectorAll(".trending-list .story-card"));
        Assert.Contains("Nothing is trending right now.", page.QuerySelector("[aria-labelledby=trending-title] .empty-state")?.TextContent);
        Assert.Equal(["Quiet Story 1", "Quiet Story 2", "Quiet Story 3", "Quiet Story 4"],
            page.QuerySelectorAll("[aria-labelledby=latest-title] .story-card__title").Select(t => t.TextContent));
    }

    [Fact]
    public async Task OnlyStoriesReadersRespondedToTrendAndLatestShowsTheOthers()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var read = await _app.Data.StoryAsync(community, author, "Read Once", publishedAt: _app.Clock.UtcNow.AddDays(-3));
        await _app.Data.StoryAsync(community, author, "Nobody Yet", publishedAt: _app.Clock.UtcNow.AddMinutes(-5));
        await _app.AddReadsAsync(read, (0, 1));

        var page = await _app.GetPageAsync("/explore");

        Assert.Equal(["Read Once"], page.QuerySelectorAll(".trending-list .story-card__title").Select(t => t.TextContent));
        Assert.Equal(["Nobody Yet"], page.QuerySelectorAll("[aria-labelledby=latest-title] .story-card__title").Select(t => t.TextContent));
        Assert.Null(page.QuerySelector("[aria-labelledby=trending-title] .empty-state"));
    }

    private static List<string> Links(IHtmlDocument page, string within) =>
        [.. page.QuerySelectorAll($"{within} .story-card__title a").Select(a => a.GetAttribute("href")!)];
}
