using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Folio.Features.Communities;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Caching;

/// <summary>Brotli or gzip for every text response a client accepts them for, cached pages included, and one cached copy per coding.</summary>
public sealed class CompressionTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Community Community, string StoryUrl)> StoryAsync()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Slow Water", tags: ["Rivers"]);
        return (community, $"/{community.Slug}/{story.Slug}");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PagesFeedsTheSitemapJsonProblemsAndStylesAreSentCompressedAndDecodeToTheSameText(string coding)
    {
        var (community, storyUrl) = await StoryAsync();
        (string Url, string Type)[] responses =
        [
            (storyUrl, "text/html"), ("/", "text/html"), ("/feed.xml", "application/rss+xml"), ("/feed.atom", "application/atom+xml"),
            ("/sitemap.xml", "application/xml"), ($"/api/v1/communities/{community.Slug}", "application/json"),
            ("/api/v1/communities/no-such-community", "application/problem+json"), ("/css/site.css", "text/css"),
            ("/no-such-page", "text/html"),
        ];

        foreach (var (url, type) in responses)
        {
            var plain = await GetAsync(url, acceptEncoding: null);
            // The first is rendered (and, for a cached page, kept); the second is the kept copy.
            foreach (var visit in new[] { "rendered", "cached" })
            {
                var compressed = await GetAsync(url, coding);
                Assert.True(compressed.Coding == coding, $"{visit} GET {url} was sent as {compressed.Coding ?? "identity"}, not {coding}");
                Assert.Equal(type, compressed.Type);
                Assert.Contains("Accept-Encoding", compressed.Vary);
                Assert.Equal(WithoutTraceId(plain.Text), WithoutTraceId(compressed.Text));
            }

            Assert.Null(plain.Coding);
        }
    }

    [Fact]
    public async Task ACachedPageIsKeptOncePerCodingWhateverTheSpellingOfAcceptEncoding()
    {
        var (_, url) = await StoryAsync();

        var plain = await GetAsync(url, acceptEncoding: null);
        var brotli = await GetAsync(url, "gzip, deflate, br, zstd");
        var plainAgain = await GetAsync(url, acceptEncoding: null);
        var brotliAgain = await GetAsync(url, "br;q=1.0, gzip;q=0.8");
        var gzip = await GetAsync(url, "gzip");

        Assert.True(plain is { FromCache: false, Coding: null });
        Assert.True(brotli is { FromCache: false, Coding: "br" }, "a Brotli copy was served from the plain one");
        Assert.True(plainAgain is { FromCache: true, Coding: null });
        Assert.True(brotliAgain is { FromCache: true, Coding: "br" });
        Assert.True(gzip is { FromCache: false, Coding: "gzip" });
        Assert.Contains("Accept-Encoding", plainAgain.Vary);
    }

    [Fact]
    public async Task ASignedInReadersPageIsCompressedToo()
    {
        var (_, url) = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");

        using var response = await reader.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("comment-form", Decode(await response.Content.ReadAsByteArrayAsync(), "br"));
    }

    private sealed record Sent(bool FromCache, string? Coding, string? Type, string Vary, string Text);

    private async Task<Sent> GetAsync(string url, string? acceptEncoding)
    {
        using var browser = _app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await browser.SendAsync(request);
        var coding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        return new Sent(response.Headers.Age is not null, coding, response.Content.Headers.ContentType?.MediaType,
            string.Join(",", response.Headers.Vary), Decode(await response.Content.ReadAsByteArrayAsync(), coding));
    }

    /// <summary>A problem detail names the request it answers.</summary>
    private static string WithoutTraceId(string text) => Regex.Replace(text, "\"traceId\":\"[^\"]*\"", "");

    private static string Decode(byte[] body, string? coding)
    {
        using Stream decoded = coding switch
        {
            null => new MemoryStream(body),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Unexpected Content-Encoding {coding}"),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
