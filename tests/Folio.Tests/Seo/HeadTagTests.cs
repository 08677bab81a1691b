using System.Text.Json;
using AngleSharp.Html.Parser;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Seo;

public sealed class HeadTagTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task StoryPageHasOpenGraphTwitterAndArticleTagsWithAbsoluteUrls()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        var story = await _app.Data.StoryAsync(community, author, "The Weir", tags: ["Rivers", "Slow Living"], subtitle: "What the water keeps");

        var page = await _app.GetPageAsync("/rivers/the-weir?comments=2&replyTo=5");

        string? Meta(string key) => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");
        Assert.Equal("http://localhost/rivers/the-weir", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("http://localhost/rivers/the-weir", Meta("og:url"));
        Assert.StartsWith($"http://localhost/cards/stories/{story.Id}-", Meta("og:image"));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal("The Weir", Meta("twitter:title"));
        Assert.Equal("What the water keeps", Meta("twitter:description"));
        Assert.Equal(Meta("og:image"), Meta("twitter:image"));
        Assert.Equal("http://localhost/authors/wren", Meta("article:author"));
        Assert.Equal("Rivers", Meta("article:section"));
        Assert.Equal(["Rivers", "Slow Living"], page.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")));
    }

    [Fact]
    public async Task StoryWithAHeroImageGetsTheLargeCard()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "Pictured");
        await _app.WithDbAsync(async db =>
        {
            db.Attach(story);
            story.HeroImageUrl = "/media/hero.webp";
            await db.SaveChangesAsync();
        });

        var page = await _app.GetPageAsync("/rivers/pictured");

        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        Assert.Equal("http://localhost/media/hero.webp", page.QuerySelector("meta[name='twitter:image']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task StoryPageDescribesItselfAsAnArticleInJsonLd()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        var story = await _app.Data.StoryAsync(community, author, "The Weir", "one two three four five", tags: ["Rivers", "Slow Living"], subtitle: "What the water keeps");

        var page = await _app.GetPageAsync("/rivers/the-weir");

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        var article = json.RootElement;
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal("Article", article.GetProperty("@type").GetString());
        Assert.Equal("The Weir", article.GetProperty("headline").GetString());
        Assert.Equal("What the water keeps", article.GetProperty("description").GetString());
        Assert.StartsWith($"http://localhost/cards/stories/{story.Id}-", article.GetProperty("image").GetString());
        Assert.Equal(story.PublishedAt!.Value.ToString("yyyy-MM-ddTHH:mm:ssZ"), article.GetProperty("datePublished").GetString());
        Assert.Equal(story.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), article.GetProperty("dateModified").GetString());
        Assert.Equal("Person", article.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Wren Adeyemi", article.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("http://localhost/authors/wren", article.GetProperty("author").GetProperty("url").GetString());
        Assert.Equal("Organization", article.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("Folio", article.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("http://localhost/favicon.svg", article.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal("http://localhost/rivers/the-weir", article.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("Rivers, Slow Living", article.GetProperty("keywords").GetString());
        Assert.Equal(5, article.GetProperty("wordCount").GetInt32());
        Assert.Equal("Rivers", article.GetProperty("articleSection").GetString());
    }

    [Fact]
    public async Task MarkupInATitleCannotBreakOutOfTheJsonLdScript()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var author = await _app.Data.PersonAsync();
        const string title = "Fish & <Chips> </script><script>alert(1)</script>";
        var story = await _app.Data.StoryAsync(community, author, title);

        using var client = _app.CreateClient();
        var html = await client.GetStringAsync($"/rivers/{story.Slug}");
        var page = await new HtmlParser().ParseDocumentAsync(html);

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal(title, json.RootElement.GetProperty("headline").GetString());
    }

    [Theory]
    [InlineData("/rivers?page=2&sort=new", "http://localhost/rivers?page=2")]
    [InlineData("/rivers?page=1", "http://localhost/rivers")]
    [InlineData("/rivers?utm_source=x", "http://localhost/rivers")]
    public async Task CanonicalKeepsOnlyTheListPage(string url, string canonical)
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var author = await _app.Data.PersonAsync();
        for (var i = 0; i < 13; i++)
        {
            await _app.Data.StoryAsync(community, author, publishedAt: _app.Clock.UtcNow.AddHours(-i - 1));
        }

        var page = await _app.GetPageAsync(url);

        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }
}
