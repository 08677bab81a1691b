using System.Net;
using System.Xml.Linq;
using Folio.Features.Stories;
using Folio.Tests.Caching;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Folio.Tests.Seo;

public sealed class SitemapTests : IDisposable
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SitemapIndexListsPartsThatHoldSitePagesCommunitiesPublishedStoriesCreatorsAndTagsButNotDrafts()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        await _app.Data.CommunityAsync("empty-room");
        var wren = await _app.Data.PersonAsync("wren");
        var drafter = await _app.Data.PersonAsync("drafter");
        var story = await _app.Data.StoryAsync(community, wren, "The Weir", tags: ["Slow Living"]);
        await _app.Data.StoryAsync(community, drafter, "Not Yet", tags: ["Secret Tag"], status: StoryStatus.Draft);
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var index = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemaps + "sitemapindex", index.Root!.Name);
        Assert.Equal(
            ["http://localhost/sitemaps/pages.xml", "http://localhost/sitemaps/communities-1.xml", "http://localhost/sitemaps/authors-1.xml", "http://localhost/sitemaps/tags-1.xml", "http://localhost/sitemaps/stories-1.xml"],
            Locations(index, "sitemap"));
        Assert.Equal(story.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), Entries(index, "sitemap")["http://localhost/sitemaps/stories-1.xml"]);

        var urls = await AllAddressesAsync(client);
        foreach (var path in new[] { "/", "/explore", "/insights", "/contact", "/privacy", "/terms", "/support", "/rivers", "/empty-room", "/rivers/the-weir", "/authors/wren", "/tags/slow-living" })
        {
            Assert.True(urls.ContainsKey("http://localhost" + path), $"{path} missing from the sitemap");
        }

        Assert.Equal(story.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), urls["http://localhost/rivers/the-weir"]);
        Assert.DoesNotContain("http://localhost/rivers/not-yet", urls.Keys);
        Assert.DoesNotContain("http://localhost/authors/drafter", urls.Keys);
        Assert.DoesNotContain("http://localhost/tags/secret-tag", urls.Keys);
        Assert.All(urls.Keys, url => Assert.StartsWith("http://localhost/", url));
    }

    [Fact]
    public async Task ASiteWithMoreThanAPartHoldsIsSplitIntoPartsOfAtMostThatSizeAndEveryAddressAnswers()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Sitemap:PartSize"] = "2" });
        var community = await app.Data.CommunityAsync("rivers");
        var stories = new List<Story>();
        for (var i = 1; i <= 5; i++)
        {
            var author = await app.Data.PersonAsync($"writer{i}");
            stories.Add(await app.Data.StoryAsync(community, author, $"Story {i}", tags: [$"Topic {i}"]));
            await app.Data.StoryAsync(community, author, $"Draft {i}", status: StoryStatus.Draft);
        }

        using var client = app.CreateClient();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var parts = Locations(index, "sitemap");

        Assert.Equal(3, parts.Count(p => p.Contains("/sitemaps/authors-")));
        Assert.Equal(3, parts.Count(p => p.Contains("/sitemaps/tags-")));
        Assert.True(parts.Count(p => p.Contains("/sitemaps/stories-")) >= 3, string.Join("\n", parts));
        var storyUrls = new List<string>();
        foreach (var part in parts)
        {
            var set = XDocument.Parse(await client.GetStringAsync(part));
            var urls = Locations(set, "url");
            Assert.InRange(urls.Count, 1, part.EndsWith("pages.xml") ? 8 : 2);
            storyUrls.AddRange(urls.Where(u => u.Contains("/rivers/story-")));
            foreach (var url in urls)
            {
                using var answer = await client.GetAsync(url);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{url} (in {part}) answers {(int)answer.StatusCode}");
            }
        }

        Assert.Equal(stories.Select(s => $"http://localhost/rivers/{s.Slug}").Order(), storyUrls.Order());
    }

    [Theory]
    [InlineData("/sitemaps/stories-0.xml")]
    [InlineData("/sitemaps/stories-2.xml")]
    [InlineData("/sitemaps/stories-2147483647.xml")]
    [InlineData("/sitemaps/authors-2.xml")]
    [InlineData("/sitemaps/communities-2147483647.xml")]
    [InlineData("/sitemaps/tags-99.xml")]
    [InlineData("/sitemaps/stories-x.xml")]
    public async Task APartBeyondTheSiteIsNotFound(string url)
    {
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), tags: ["Rivers"]);
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PartsAreCachedAndANewStoryEvictsThem()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var wren = await _app.Data.PersonAsync("wren");
        await _app.Data.StoryAsync(community, wren, "The Weir", tags: ["Slow Living"]);
        string[] files = ["/sitemap.xml", "/sitemaps/communities-1.xml", "/sitemaps/authors-1.xml", "/sitemaps/tags-1.xml", "/sitemaps/stories-1.xml"];
        foreach (var file in files)
        {
            await _app.CachedAsync(file);
        }

        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync("heron"), "The Ford", tags: ["Fords"]);

        foreach (var file in files)
        {
            Assert.False((await _app.VisitAsync(file)).FromCache, $"{file} was served from the cache after a story was published");
        }

        Assert.Contains("/rivers/the-ford", (await _app.VisitAsync("/sitemaps/stories-1.xml")).Text);
        Assert.Contains("/authors/heron", (await _app.VisitAsync("/sitemaps/authors-1.xml")).Text);
        Assert.Contains("/tags/fords", (await _app.VisitAsync("/sitemaps/tags-1.xml")).Text);
    }

    [Fact]
    public async Task RobotsAllowsPublicPagesKeepsCrawlersOutOfPrivateOnesAndPointsAtTheSitemap()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/robots.txt");

        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        foreach (var path in new[] { "/write", "/me/", "/settings", "/moderation", "/notifications", "/following", "/signin", "/signup", "/stories/", "/search?" })
        {
            Assert.Contains($"Disallow: {path}", lines);
        }

        Assert.DoesNotContain("Disallow: /", lines);
        Assert.Equal("Sitemap: http://localhost/sitemap.xml", lines[^1]);
    }

    [Fact]
    public async Task ConfiguredBaseUrlIsUsedForAbsoluteLinks()
    {
        using var configured = _app.WithWebHostBuilder(b => b.UseSetting("Folio:Site:BaseUrl", "https://stories.example.org/"));
        using var client = configured.CreateClient();

        Assert.EndsWith("Sitemap: https://stories.example.org/sitemap.xml\n", await client.GetStringAsync("/robots.txt"));
        Assert.Contains("<loc>https://stories.example.org/sitemaps/pages.xml</loc>", await client.GetStringAsync("/sitemap.xml"));
        Assert.Contains("<loc>https://stories.example.org/explore</loc>", await client.GetStringAsync("/sitemaps/pages.xml"));
    }

    private static List<string> Locations(XDocument document, string element) =>
        document.Root!.Elements(Sitemaps + element).Select(e => e.Element(Sitemaps + "loc")!.Value).ToList();

    private static Dictionary<string, string?> Entries(XDocument document, string element) =>
        document.Root!.Elements(Sitemaps + element).ToDictionary(e => e.Element(Sitemaps + "loc")!.Value, e => e.Element(Sitemaps + "lastmod")?.Value);

    /// <summary>Every address in every part the index lists, with its lastmod.</summary>
    private static async Task<Dictionary<string, string?>> AllAddressesAsync(HttpClient client)
    {
        var urls = new Dictionary<string, string?>();
        foreach (var part in Locations(XDocument.Parse(await client.GetStringAsync("/sitemap.xml")), "sitemap"))
        {
            foreach (var (loc, lastmod) in Entries(XDocument.Parse(await client.GetStringAsync(part)), "url"))
            {
                urls.Add(loc, lastmod);
            }
        }

        return urls;
    }
}
