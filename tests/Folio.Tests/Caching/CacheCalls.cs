using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Caching;

/// <summary>One response as a cache test looks at it. FromCache: the output cache adds an Age header to what it serves, and only then.</summary>
public sealed record PageView(HttpStatusCode Status, bool FromCache, bool SetsCookie, IHtmlDocument Html, string Text)
{
    public string? Title => Html.QuerySelector("h1")?.TextContent.Trim();
}

public static class CacheCalls
{
    /// <summary>A visitor who is not signed in, with no cookies: a new client each time.</summary>
    public static async Task<PageView> VisitAsync(this FolioApp app, string url)
    {
        using var browser = app.NewBrowser();
        return await browser.VisitAsync(url);
    }

    public static async Task<PageView> VisitAsync(this HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return new PageView(response.StatusCode, response.Headers.Age is not null, response.Headers.Contains("Set-Cookie"),
            await new HtmlParser().ParseDocumentAsync(text), text);
    }

    /// <summary>Visits until the page is cached, and checks it was: the second anonymous visit is served from the cache.</summary>
    public static async Task<PageView> CachedAsync(this FolioApp app, string url)
    {
        await app.VisitAsync(url);
        var cached = await app.VisitAsync(url);
        Assert.True(cached.FromCache, $"GET {url} ({(int)cached.Status}) was not served from the cache the second time");
        return cached;
    }
}
