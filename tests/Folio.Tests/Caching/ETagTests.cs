using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;

namespace Folio.Tests.Caching;

/// <summary>Cached pages, feeds and the sitemap carry an ETag; a visitor who sends it back gets 304 until the page changes.</summary>
public sealed class ETagTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryCachedPageFeedAndTheSitemapAnswerTheirOwnETagWith304AndNoBody()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, tags: ["Rivers"]);
        string[] urls = [$"/{community.Slug}/{story.Slug}", "/", $"/{community.Slug}", "/tags/rivers", $"/authors/{author.UserName}", "/feed.xml", "/feed.atom", "/sitemap.xml", "/insights"];

        foreach (var url in urls)
        {
            var first = await GetAsync(url);
            Assert.True(first.ETag is { IsWeak: false }, $"GET {url} has no strong ETag");

            var again = await GetAsync(url, first.ETag);
            var other = await GetAsync(url, new EntityTagHeaderValue("\"something-else\""));

            Assert.True(again.Status == HttpStatusCode.NotModified, $"GET {url} with its ETag: {(int)again.Status}");
            Assert.Empty(again.Body);
            Assert.Equal(first.ETag, again.ETag);
            Assert.Equal(HttpStatusCode.OK, other.Status);
            Assert.NotEmpty(other.Body);
        }
    }

    [Fact]
    public async Task AStoryEditedInTheEditorGetsANewETagAndTheOldOneNoLonger304s()
    {
        using var author = await _app.ClientForAsync(Persona.Trusted);
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, author.User!, "Old Title", StoryForms.Words(150), tags: ["Rivers"]);
        var url = $"/{community.Slug}/{story.Slug}";
        var before = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(url, before.ETag)).Status);

        var edited = await author.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "New Title", body: StoryForms.Words(150), tags: "Rivers"), story.Id);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var after = await GetAsync(url, before.ETag);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotNull(after.ETag);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(url, after.ETag)).Status);
    }

    [Fact]
    public async Task EachContentCodingHasItsOwnETag()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        var url = $"/{community.Slug}/{story.Slug}";

        var plain = await GetAsync(url);
        var brotli = await GetAsync(url, acceptEncoding: "br");

        Assert.NotEqual(plain.ETag, brotli.ETag);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, plain.ETag, "br")).Status);
    }

    [Fact]
    public async Task ASignedInReadersPageHasNoETag()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        using var reader = await _app.ClientForAsync(Persona.Reader);

        using var response = await reader.Http.GetAsync($"/{community.Slug}/{story.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    private sealed record Answer(HttpStatusCode Status, EntityTagHeaderValue? ETag, byte[] Body);

    private async Task<Answer> GetAsync(string url, EntityTagHeaderValue? ifNoneMatch = null, string? acceptEncoding = null)
    {
        using var browser = _app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await browser.SendAsync(request);
        return new Answer(response.StatusCode, response.Headers.ETag, await response.Content.ReadAsByteArrayAsync());
    }
}
