using Microsoft.EntityFrameworkCore;
using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Pages;

public sealed class ListingPageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CommunityPageShowsItsHeaderAndPagesItsStoriesNewestFirst()
    {
        var community = await _app.Data.CommunityAsync("paged", "Paged Community");
        var author = await _app.Data.PersonAsync();
        for (var i = 1; i <= 13; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Paged Story {i:00}", publishedAt: _app.Clock.UtcNow.AddDays(-i));
        }

        var first = await _app.GetPageAsync("/paged");

        Assert.Equal("Paged Community", first.QuerySelector("h1")?.TextContent);
        Assert.Equal("Tagline of paged", first.QuerySelector(".community-header .lead")?.TextContent);
        Assert.NotNull(first.QuerySelector(".community-header img[src='/demo/communities/earth.svg']"));
        var titles = first.QuerySelectorAll(".story-card__title").Select(t => t.TextContent).ToList();
        Assert.Equal(12, titles.Count);
        Assert.Equal("Paged Story 01", titles[0]);
        Assert.Equal("/paged?page=2", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));

        var second = await _app.GetPageAsync("/paged?page=2");
        Assert.Equal(["Paged Story 13"], second.QuerySelectorAll(".story-card__title").Select(t => t.TextContent));
        Assert.Equal("/paged", second.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Null(second.QuerySelector("a[rel=next]"));

        await _app.GetPageAsync("/paged?page=3", HttpStatusCode.NotFound);
        await _app.GetPageAsync("/paged?page=-4");
        await _app.GetPageAsync("/paged?page=banana");
        await _app.GetPageAsync("/paged?page=99999999999999999999");
    }

    [Fact]
    public async Task StoryCardsShowCommunityTitleSubtitleAuthorDateAndReadingTime()
    {
        var community = await _app.Data.CommunityAsync("cards", "Card Community");
        var author = await _app.Data.PersonAsync("carda", "Card Author");
        await _app.Data.StoryAsync(community, author, "Card Story", string.Join(' ', Enumerable.Repeat("w", 600)),
            _app.Clock.UtcNow.AddHours(-4), subtitle: "Card subtitle");

        var page = await _app.GetPageAsync("/cards");

        var card = page.QuerySelector(".story-card")!;
        Assert.Equal("Card Community", card.QuerySelector(".story-card__community")?.TextContent.Trim());
        Assert.Equal("/card-story".Insert(0, "/cards"), card.QuerySelector(".story-card__title a")?.GetAttribute("href"));
        Assert.Equal("Card subtitle", card.QuerySelector(".story-card__subtitle")?.TextContent);
        Assert.Equal("/authors/carda", card.QuerySelector(".story-card__author")?.GetAttribute("href"));
        Assert.Equal("about 4 hours ago", card.QuerySelector("time")?.TextContent);
        Assert.Contains("3 min read", card.TextContent);
    }

    [Fact]
    public async Task EmptyCommunityExplainsWhatWillAppear()
    {
        await _app.Data.CommunityAsync("empty-one", "Empty One");

        var page = await _app.GetPageAsync("/empty-one");

        Assert.Contains("No stories here yet.", page.QuerySelector(".empty-state")?.TextContent);
    }

    [Fact]
    public async Task UnknownCommunityIsAHelpful404()
    {
        await _app.Data.CommunityAsync("known", "Known Community");

        var page = await _app.GetPageAsync("/no-such-community", HttpStatusCode.NotFound);

        Assert.Equal("We couldn’t find that page", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/explore']"));
        Assert.NotNull(page.QuerySelector("a[href='/known']"));
    }

    [Fact]
    public async Task AuthorPageShowsBioLinksAndStoriesFilteredByCommunity()
    {
        var rivers = await _app.Data.CommunityAsync("a-rivers", "A Rivers");
        var kitchens = await _app.Data.CommunityAsync("a-kitchens", "A Kitchens");
        var author = await _app.Data.PersonAsync("filterer", "Fil Terer", "Bio of Fil.");
        await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.Include(u => u.Links).SingleAsync(u => u.Id == author.Id);
            user!.Links.Add(new Features.Creators.SocialLink { Label = "Website", Url = "https://example.org/fil" });
            await db.SaveChangesAsync();
        });
        await _app.Data.StoryAsync(rivers, author, "River One");
        await _app.Data.StoryAsync(rivers, author, "River Two");
        await _app.Data.StoryAsync(kitchens, author, "Kitchen One");
        await _app.Data.StoryAsync(kitchens, author, "Kitchen Draft", status: StoryStatus.Draft);

        var all = await _app.GetPageAsync("/authors/filterer");
        Assert.Equal("Fil Terer", all.QuerySelector("h1")?.TextContent);
        Assert.Contains("Bio of Fil.", all.QuerySelector(".profile-header__bio")?.TextContent);
        Assert.Equal("https://example.org/fil", all.QuerySelector(".profile-header .social-links a")?.GetAttribute("href"));
        Assert.Equal(3, all.QuerySelectorAll(".story-card").Length);
        Assert.Equal(["All (3)", "A Kitchens (1)", "A Rivers (2)"], all.QuerySelectorAll(".filter-bar a").Select(a => a.TextContent));

        var filtered = await _app.GetPageAsync("/authors/filterer?community=a-rivers");
        Assert.Equal(["River Two", "River One"], filtered.QuerySelectorAll(".story-card__title").Select(t => t.TextContent).Order().Reverse());
        Assert.Equal("page", filtered.QuerySelector(".filter-bar a[href='/authors/filterer?community=a-rivers']")?.GetAttribute("aria-current"));

        await _app.GetPageAsync("/authors/FILTERER");
        await _app.GetPageAsync("/authors/nobody-here", HttpStatusCode.NotFound);
        var none = await _app.GetPageAsync("/authors/filterer?community=missing");
        Assert.Contains("hasn’t published in", none.QuerySelector(".empty-state")?.TextContent);
    }

    [Fact]
    public async Task TagPageListsTaggedStoriesAndNormalisesItsUrl()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Tagged Slowly", tags: ["Slow Living"]);
        await _app.Data.StoryAsync(community, author, "Not Tagged");

        var page = await _app.GetPageAsync("/tags/slow-living");
        Assert.Equal("Slow Living", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(["Tagged Slowly"], page.QuerySelectorAll(".story-card__title").Select(t => t.TextContent));

        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var redirect = await client.GetAsync("/tags/Slow%20Living");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/tags/slow-living", redirect.Headers.Location?.OriginalString);
        await _app.GetPageAsync("/tags/nothing-tagged-this", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HomeShowsFeaturedAndLatest()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var popular = await _app.Data.StoryAsync(community, author, "Popular Piece", publishedAt: _app.Clock.UtcNow.AddDays(-3));
        await _app.Data.StoryAsync(community, author, "Newest Piece", publishedAt: _app.Clock.UtcNow.AddMinutes(-2));
        await _app.Data.HeartAsync(popular, await _app.Data.PersonAsync());
        await _app.Data.HeartAsync(popular, await _app.Data.PersonAsync());
        // Featured shows three; two more liked stories fill it, so the newest, unliked one is left for Latest.
        foreach (var liked in new[] { "Liked Piece", "Also Liked Piece" })
        {
            await _app.Data.HeartAsync(await _app.Data.StoryAsync(community, author, liked, publishedAt: _app.Clock.UtcNow.AddDays(-5)), await _app.Data.PersonAsync());
        }

        var page = await _app.GetPageAsync("/");

        Assert.Equal("Popular Piece", page.QuerySelector(".featured .story-card__title")?.TextContent);
        Assert.Equal("Newest Piece", page.QuerySelector("[aria-labelledby=latest-title] .story-card__title")?.TextContent);
    }

    [Fact]
    public async Task ExploreListsCommunitiesTrendingAndLatest()
    {
        var community = await _app.Data.CommunityAsync("explored", "Explored");
        var author = await _app.Data.PersonAsync();
        var older = await _app.Data.StoryAsync(community, author, "Older But Loved", publishedAt: _app.Clock.UtcNow.AddDays(-2));
        await _app.Data.StoryAsync(community, author, "Quiet Newcomer", publishedAt: _app.Clock.UtcNow.AddHours(-30));
        for (var i = 0; i < 4; i++)
        {
            await _app.Data.HeartAsync(older, await _app.Data.PersonAsync());
        }

        var page = await _app.GetPageAsync("/explore");

        Assert.Contains("2 stories", page.QuerySelector(".community-tile")?.TextContent);
        Assert.Equal("/explored", page.QuerySelector(".community-tile h3 a")?.GetAttribute("href"));
        Assert.Equal(["Older But Loved"], page.QuerySelectorAll(".trending-list .story-card__title").Select(t => t.TextContent));
        Assert.Equal("Quiet Newcomer", page.QuerySelector("[aria-labelledby=latest-title] .story-card__title")?.TextContent);
    }

    [Fact]
    public async Task EmptySiteShowsEmptyStatesInsteadOfErrors()
    {
        Assert.Contains("No stories have been published yet.", (await _app.GetPageAsync("/")).QuerySelector(".empty-state")?.TextContent);
        Assert.Contains("No communities yet.", (await _app.GetPageAsync("/explore")).QuerySelector(".empty-state")?.TextContent);
    }

    [Fact]
    public async Task ExplorePagesCommunitiesOnceThereAreMany()
    {
        for (var i = 1; i <= 25; i++)
        {
            await _app.Data.CommunityAsync($"many-{i:00}", $"Many {i:00}");
        }

        var first = await _app.GetPageAsync("/explore");
        var second = await _app.GetPageAsync("/explore?page=2");

        Assert.Equal(24, first.QuerySelectorAll(".community-tile").Length);
        Assert.Equal(["Many 25"], second.QuerySelectorAll(".community-tile h3").Select(h => h.TextContent));
        await _app.GetPageAsync("/explore?page=3", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WithoutDemoSeedingANewSiteStartsEmpty()
    {
        var counts = await _app.WithDbAsync(async db => (await db.Communities.CountAsync(), await db.Stories.CountAsync(), await db.Users.CountAsync()));

        Assert.Equal((0, 0, 0), counts);
    }
}
