using System.Net;
using System.Xml.Linq;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Folio.Tests.Seo;

public sealed class SitemapTests : IDisposable
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SitemapListsSitePagesCommunitiesPublishedStoriesCreatorsAndTagsButNotDrafts()
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
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(Sitemaps + "urlset", xml.Root!.Name);
        var urls = xml.Root.Elements(Sitemaps + "url").ToDictionary(u => u.Element(Sitemaps + "loc")!.Value, u => u.Element(Sitemaps + "lastmod")?.Value);
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
        Assert.Contains("<loc>https://stories.example.org/explore</loc>", await client.GetStringAsync("/sitemap.xml"));
    }
}
