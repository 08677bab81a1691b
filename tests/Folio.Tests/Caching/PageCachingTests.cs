using System.Net;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Caching;

/// <summary>Which requests the output cache answers, and which it must never answer or keep.</summary>
public sealed class PageCachingTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Community Community, FolioUser Author, Story Story, string Url)> StoryAsync(string? title = null)
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, title, tags: ["Rivers"]);
        return (community, author, story, $"/{community.Slug}/{story.Slug}");
    }

    [Fact]
    public async Task TheSecondAnonymousRequestForAStoryIsServedFromTheCache()
    {
        var (_, _, _, url) = await StoryAsync("Slow Water");

        var first = await _app.VisitAsync(url);
        var second = await _app.VisitAsync(url);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal("Slow Water", second.Title);
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task EveryAnonymousPageAndFeedIsCachedAndSetsNoCookie()
    {
        var (community, author, _, url) = await StoryAsync();
        string[] urls =
        [
            "/", "/explore", "/top", $"/{community.Slug}", url, "/tags/rivers", $"/authors/{author.UserName}",
            "/insights", "/contact", "/privacy", "/terms", "/support",
            "/feed.xml", "/feed.atom", $"/{community.Slug}/feed.xml", "/tags/rivers/feed.atom", $"/authors/{author.UserName}/feed.xml",
            "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/communities-1.xml", "/sitemaps/authors-1.xml", "/sitemaps/tags-1.xml", "/sitemaps/stories-1.xml", "/robots.txt",
        ];

        foreach (var page in urls)
        {
            var first = await _app.VisitAsync(page);
            Assert.True(first.Status == HttpStatusCode.OK, $"GET {page}: {(int)first.Status}");
            Assert.False(first.SetsCookie, $"GET {page} sets a cookie, so it can't be cached (an antiforgery token in the page?)");
            Assert.True((await _app.VisitAsync(page)).FromCache, $"GET {page} was not served from the cache the second time");
        }
    }

    [Theory]
    [InlineData("/search?q=river")]
    [InlineData("/signin")]
    [InlineData("/no-such-community/no-such-story")]
    [InlineData("/tags/Rivers")]
    public async Task SearchFormsErrorsAndRedirectsAreNeverCached(string url)
    {
        await StoryAsync();

        await _app.VisitAsync(url);
        var second = await _app.VisitAsync(url);

        Assert.False(second.FromCache);
    }

    [Fact]
    public async Task ASignedInReaderIsNeverServedTheCachedCopy()
    {
        var (_, _, _, url) = await StoryAsync();
        await _app.CachedAsync(url);
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.VisitAsync(url);

        Assert.False(page.FromCache);
        Assert.NotNull(page.Html.QuerySelector(".account-nav a[href='/settings']"));
        Assert.NotNull(page.Html.QuerySelector("#comment-form"));
    }

    [Fact]
    public async Task ASignedInReadersPageIsNeverKeptForAnyoneElse()
    {
        var (_, _, _, url) = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.VisitAsync(url);
        Assert.False((await reader.Http.VisitAsync(url)).FromCache);

        var visitor = await _app.VisitAsync(url);

        Assert.False(visitor.FromCache);
        Assert.DoesNotContain(reader.User!.UserName!, visitor.Text);
        Assert.Null(visitor.Html.QuerySelector("#comment-form"));
        Assert.NotNull(visitor.Html.QuerySelector(".comments__signin a[href^='/signin']"));
    }

    [Fact]
    public async Task EachPageOfAListIsCachedSeparately()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        // Three of them are featured and left out of Latest, whose twelve a page leave one for page 2.
        for (var i = 0; i < 16; i++)
        {
            await _app.Data.StoryAsync(community, author, publishedAt: _app.Clock.UtcNow.AddHours(-i - 1));
        }

        await _app.CachedAsync("/");
        var secondPage = await _app.VisitAsync("/?page=2");
        var secondPageAgain = await _app.VisitAsync("/?page=2");

        Assert.False(secondPage.FromCache);
        Assert.Equal("Latest stories, page 2", secondPage.Title);
        Assert.True(secondPageAgain.FromCache);
        Assert.Single(secondPageAgain.Html.QuerySelectorAll(".story-card"));
        Assert.True((await _app.VisitAsync("/?page=1")) is { FromCache: false, Title: not "Latest stories, page 2" });
    }

    [Fact]
    public async Task QueryKeysNoPageReadsShareOneCopyAndAreNeverEchoedInIt()
    {
        var (_, _, _, url) = await StoryAsync();

        var first = await _app.VisitAsync(url + "?fbclid=secret-click-id&utm_source=newsletter");
        var plain = await _app.VisitAsync(url);
        var other = await _app.VisitAsync(url + "?x=" + Guid.NewGuid());

        Assert.False(first.FromCache);
        Assert.DoesNotContain("secret-click-id", first.Text);
        Assert.DoesNotContain("newsletter", first.Text);
        Assert.True(plain.FromCache);
        Assert.True(other.FromCache);
    }

    [Fact]
    public async Task PostsToACachedPageAreNeitherAnsweredFromTheCacheNorKept()
    {
        var (_, _, _, url) = await StoryAsync();
        await _app.CachedAsync(url);
        using var browser = _app.NewBrowser();

        using var post = await browser.PostAsync(url, new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null(post.Headers.Age);
    }
}
