using System.Net;
using AngleSharp.Html.Parser;
using Folio.Tests.Caching;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Federation;

/// <summary>
/// A creator's, a community's and a story's page answer ActivityStreams JSON to a server that asks for it and HTML to
/// a browser, with the page cache on: neither ever gets the other's answer, whichever asks first.
/// </summary>
public sealed class ContentNegotiationTests : IDisposable
{
    private const string LinkedData = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(string Page, string Id)[]> PagesAsync()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author);
        return
        [
            ($"/authors/{author.UserName}", $"http://localhost/ap/people/{author.Id}"),
            ($"/{community.Slug}", $"http://localhost/ap/communities/{community.Id}"),
            ($"/{community.Slug}/{story.Slug}", $"http://localhost/ap/stories/{story.Id}"),
        ];
    }

    [Fact]
    public async Task AServerAskingAfterABrowserGetsJsonNotTheCachedPage()
    {
        foreach (var (page, id) in await PagesAsync())
        {
            await _app.CachedAsync(page);

            var json = await _app.ActivityAsync(page);
            var linkedData = await _app.ActivityAsync(page, LinkedData);

            Assert.Equal(id, json.Text("id"));
            Assert.Equal(id, linkedData.Text("id"));
            Assert.Equal((await _app.ActivityAsync(ActivityPubCalls.PathOf(id))).GetRawText(), json.GetRawText());
        }
    }

    [Fact]
    public async Task ABrowserAskingAfterAServerGetsThePageWithItsAlternate()
    {
        foreach (var (page, id) in await PagesAsync())
        {
            using var server = _app.NewBrowser();
            using (var asked = await server.SendAsync(ActivityPubCalls.Ask(page, LinkedData)))
            {
                Assert.Equal("application/activity+json", asked.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Accept", asked.Headers.Vary);
            }

            var first = await _app.VisitAsync(page);
            var second = await _app.VisitAsync(page);

            foreach (var view in new[] { first, second })
            {
                Assert.Equal(HttpStatusCode.OK, view.Status);
                Assert.Equal(id, view.Html.QuerySelector("head link[rel='alternate'][type='application/activity+json']")?.GetAttribute("href"));
            }

            Assert.True(second.FromCache, $"{page} was not cached for browsers");
        }
    }

    [Fact]
    public async Task BothAnswersSayTheyVaryByAccept()
    {
        foreach (var (page, _) in await PagesAsync())
        {
            using var browser = _app.NewBrowser();
            foreach (var attempt in new[] { "first", "cached" })
            {
                using var html = await browser.GetAsync(page);
                Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
                Assert.True(html.Headers.Vary.Contains("Accept"), $"{page} ({attempt}): Vary {string.Join(", ", html.Headers.Vary)}");
                Assert.Contains("Accept-Encoding", html.Headers.Vary);
            }

            using var json = await browser.SendAsync(ActivityPubCalls.Ask(page));
            Assert.Contains("Accept", json.Headers.Vary);
        }
    }

    [Fact]
    public async Task AnUnknownPageAskedForAsJsonIsStillA404()
    {
        using var client = _app.NewBrowser();

        using var response = await client.SendAsync(ActivityPubCalls.Ask("/authors/nobody-here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OtherPagesIgnoreTheAcceptHeader()
    {
        using var client = _app.NewBrowser();

        using var response = await client.SendAsync(ActivityPubCalls.Ask("/explore"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("h1"));
    }
}
