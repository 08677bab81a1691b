using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Feeds;

public sealed class FeedTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SiteRssFeedListsPublishedStoriesWithAbsoluteLinksGuidsDatesAuthorsAndTags()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        var published = _app.Clock.UtcNow.AddHours(-2);
        await _app.Data.StoryAsync(community, author, "The Weir", "Water over stone.\n\n![A weir](/demo/images/a.svg)", published,
            tags: ["Rivers", "Slow Living"], subtitle: "What the water keeps");
        await _app.Data.StoryAsync(community, author, "Still A Draft", status: StoryStatus.Draft);

        var (response, raw) = await GetAsync("/feed.xml");
        var feed = Load(raw, new Rss20FeedFormatter());

        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Folio", feed.Title.Text);
        Assert.Equal("Folio", feed.Generator);
        Assert.Equal("en", feed.Language);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "http://localhost/feed.xml");
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == "http://localhost/");
        var item = Assert.Single(feed.Items);
        Assert.Equal("The Weir", item.Title.Text);
        Assert.Equal("What the water keeps", item.Summary.Text);
        Assert.Equal("http://localhost/rivers/the-weir", item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal("http://localhost/rivers/the-weir", item.Id);
        Assert.Equal(Truncate(published), item.PublishDate.UtcDateTime);
        Assert.Equal("Wren Adeyemi", Assert.Single(item.Authors).Name);
        Assert.Equal(["Rivers", "Slow Living"], item.Categories.Select(c => c.Name));

        var xml = XDocument.Parse(raw);
        var guid = xml.Descendants("guid").Single();
        Assert.Equal("true", guid.Attribute("isPermaLink")?.Value);
        Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} (Z|GMT|[+-]\d{4})$", xml.Descendants("pubDate").Single().Value);
        Assert.NotNull(xml.Descendants("lastBuildDate").SingleOrDefault());
        var content = xml.Descendants(XName.Get("encoded", "http://purl.org/rss/1.0/modules/content/")).Single().Value;
        Assert.Contains("<img src=\"http://localhost/demo/images/a.svg\"", content);
        Assert.DoesNotContain("Still A Draft", raw);
    }

    [Fact]
    public async Task SiteAtomFeedHasStableIdsDatesAndHtmlContent()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        var story = await _app.Data.StoryAsync(community, author, "The Weir", "Water over **stone**.", tags: ["Rivers"], subtitle: "What the water keeps");

        var (response, raw) = await GetAsync("/feed.atom");
        var feed = Load(raw, new Atom10FeedFormatter());

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "http://localhost/feed.atom");
        Assert.Equal("Folio", feed.Generator);
        var item = Assert.Single(feed.Items);
        Assert.Equal($"tag:localhost,{story.CreatedAt:yyyy-MM-dd}:story:{story.Id}", item.Id);
        Assert.Equal("http://localhost/rivers/the-weir", item.Links.Single().Uri.AbsoluteUri);
        Assert.Equal(Truncate(story.PublishedAt!.Value), item.PublishDate.UtcDateTime);
        Assert.Equal(Truncate(story.UpdatedAt), item.LastUpdatedTime.UtcDateTime);
        var person = Assert.Single(item.Authors);
        Assert.Equal("Wren Adeyemi", person.Name);
        Assert.Equal("http://localhost/authors/wren", person.Uri);
        Assert.Equal("Rivers", Assert.Single(item.Categories).Name);
        Assert.Equal("What the water keeps", item.Summary.Text);
        var html = Assert.IsType<TextSyndicationContent>(item.Content);
        Assert.Equal("html", html.Type);
        Assert.Contains("<strong>stone</strong>", html.Text);
        Assert.Matches(@"<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z</updated>", raw);
    }

    [Fact]
    public async Task FeedsHoldTheLatestTwentyPublishedStoriesNewestFirst()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        for (var i = 1; i <= 22; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Story number {i}", publishedAt: _app.Clock.UtcNow.AddHours(-30 + i));
        }

        var feed = Load((await GetAsync("/feed.atom")).Body, new Atom10FeedFormatter());

        Assert.Equal(20, feed.Items.Count());
        Assert.Equal("Story number 22", feed.Items.First().Title.Text);
        Assert.Equal("Story number 3", feed.Items.Last().Title.Text);
    }

    [Fact]
    public async Task CommunityTagAndCreatorFeedsHoldOnlyTheirStories()
    {
        var rivers = await _app.Data.CommunityAsync("rivers", "Rivers");
        var kitchens = await _app.Data.CommunityAsync("kitchens", "Kitchens");
        var wren = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        var ola = await _app.Data.PersonAsync("ola");
        await _app.Data.StoryAsync(rivers, wren, "River Story", tags: ["Slow Living"]);
        await _app.Data.StoryAsync(kitchens, ola, "Kitchen Story", tags: ["Slow Living"]);
        await _app.Data.StoryAsync(kitchens, wren, "Other Kitchen Story");

        foreach (var (url, formatter, titles) in new (string, SyndicationFeedFormatter, string[])[]
        {
            ("/rivers/feed.xml", new Rss20FeedFormatter(), ["River Story"]),
            ("/rivers/feed.atom", new Atom10FeedFormatter(), ["River Story"]),
            ("/tags/slow-living/feed.xml", new Rss20FeedFormatter(), ["Kitchen Story", "River Story"]),
            ("/tags/slow-living/feed.atom", new Atom10FeedFormatter(), ["Kitchen Story", "River Story"]),
            ("/authors/wren/feed.xml", new Rss20FeedFormatter(), ["Other Kitchen Story", "River Story"]),
            ("/authors/wren/feed.atom", new Atom10FeedFormatter(), ["Other Kitchen Story", "River Story"]),
        })
        {
            var feed = Load((await GetAsync(url)).Body, formatter);
            Assert.Equal(titles, feed.Items.Select(i => i.Title.Text).Order());
            Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "http://localhost" + url);
        }

        var community = Load((await GetAsync("/rivers/feed.atom")).Body, new Atom10FeedFormatter());
        Assert.Equal("Rivers · Folio", community.Title.Text);
        Assert.Contains(community.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == "http://localhost/rivers");
    }

    [Fact]
    public async Task CommunityFeedIsNotMistakenForAStoryEvenWhenAStorySlugLooksAlike()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Feed xml");

        var (response, raw) = await GetAsync("/rivers/feed.xml");

        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Feed xml", Assert.Single(Load(raw, new Rss20FeedFormatter()).Items).Title.Text);
        await _app.GetPageAsync("/rivers/feed-xml");
    }

    [Theory]
    [InlineData("/nowhere/feed.xml")]
    [InlineData("/nowhere/feed.atom")]
    [InlineData("/tags/nothing/feed.xml")]
    [InlineData("/tags/nothing/feed.atom")]
    [InlineData("/authors/nobody/feed.xml")]
    [InlineData("/authors/nobody/feed.atom")]
    public async Task UnknownPlacesHaveNoFeed(string url)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MarkupInATitleRoundTripsAsText()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var author = await _app.Data.PersonAsync();
        const string title = "Fish & <Chips> </script><script>alert(1)</script>";
        await _app.Data.StoryAsync(community, author, title, subtitle: "Less < more & so on");

        foreach (var (url, formatter) in new (string, SyndicationFeedFormatter)[] { ("/feed.xml", new Rss20FeedFormatter()), ("/feed.atom", new Atom10FeedFormatter()) })
        {
            var (_, raw) = await GetAsync(url);
            var item = Assert.Single(Load(raw, formatter).Items);
            Assert.Equal(title, item.Title.Text);
            Assert.Equal("Less < more & so on", ReaderText(item.Summary, formatter));
            Assert.DoesNotContain("<script>", raw);
        }
    }

    [Fact]
    public async Task PlainTextInAnHtmlFeedFieldReachesReadersAsTextNotMarkup()
    {
        const string payload = "<img src=x onerror=alert(1)> & <b>bold</b>";
        var community = await _app.Data.CommunityAsync("rivers");
        await _app.WithDbAsync(async db =>
        {
            (await db.Communities.FindAsync(community.Id))!.Tagline = "Tagline " + payload;
            await db.SaveChangesAsync();
        });
        var author = await _app.Data.PersonAsync("wren", "Wren " + payload, bio: "");
        await _app.Data.StoryAsync(community, author, "The Weir", subtitle: "Subtitle " + payload);

        foreach (var (url, formatter, description) in new (string, SyndicationFeedFormatter, string)[]
        {
            ("/rivers/feed.xml", new Rss20FeedFormatter(), "Tagline " + payload),
            ("/rivers/feed.atom", new Atom10FeedFormatter(), "Tagline " + payload),
            ("/authors/wren/feed.xml", new Rss20FeedFormatter(), $"Stories by Wren {payload}."),
            ("/authors/wren/feed.atom", new Atom10FeedFormatter(), $"Stories by Wren {payload}."),
        })
        {
            var feed = Load((await GetAsync(url)).Body, formatter);
            Assert.Equal(description, ReaderText(feed.Description, formatter));
            Assert.Equal("Subtitle " + payload, ReaderText(Assert.Single(feed.Items).Summary, formatter));
        }
    }

    /// <summary>What a reader shows for a description: RSS readers render it as HTML, Atom says which it is.</summary>
    private static string ReaderText(TextSyndicationContent content, SyndicationFeedFormatter formatter)
    {
        if (formatter is Atom10FeedFormatter && content.Type == "text")
        {
            return content.Text;
        }

        var fragment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("").Body!;
        fragment.InnerHtml = content.Text;
        Assert.True(fragment.Children.Length == 0, $"markup in a text field: {content.Text}");
        return fragment.TextContent;
    }

    [Fact]
    public async Task ListingPagesAnnounceTheirFeedsAndTheSites()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        await _app.Data.StoryAsync(community, author, "The Weir", tags: ["Slow Living"]);

        foreach (var (page, prefix) in new[] { ("/rivers", "/rivers"), ("/tags/slow-living", "/tags/slow-living"), ("/authors/wren", "/authors/wren"), ("/", null) })
        {
            var document = await _app.GetPageAsync(page);
            var rss = document.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")).ToList();
            var atom = document.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
            Assert.Contains("http://localhost/feed.xml", rss);
            Assert.Contains("http://localhost/feed.atom", atom);
            if (prefix is not null)
            {
                Assert.Contains($"http://localhost{prefix}/feed.xml", rss);
                Assert.Contains($"http://localhost{prefix}/feed.atom", atom);
            }
        }
    }

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url)
    {
        var client = _app.CreateClient();
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{body}");
        return (response, body);
    }

    /// <summary>Checks the document is the format it claims, then reads it as any feed reader built on the library would.</summary>
    private static SyndicationFeed Load(string xml, SyndicationFeedFormatter formatter)
    {
        using (var probe = XmlReader.Create(new StringReader(xml)))
        {
            Assert.True(formatter.CanRead(probe), $"not a {formatter.GetType().Name} document:\n{xml[..Math.Min(xml.Length, 500)]}");
        }

        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    private static DateTime Truncate(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
