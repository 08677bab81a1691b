using Folio.Pages.Shared;

namespace Folio.Features.Feeds;

/// <summary>/robots.txt: everything public may be crawled; accounts, writing, moderation and per-person pages may not.</summary>
public static class Robots
{
    private static readonly string[] Private =
    [
        "/write", "/me/", "/settings", "/moderation", "/notifications", "/following", "/saved", "/signin", "/signup", "/signout",
        "/forgot-password", "/reset-password", "/confirm-email", "/goodbye", "/stories/", "/comments/*/edit",
        "/comments/*/report", "/search?", "/api/", "/error/",
    ];

    public static string Text(string sitemapUrl) =>
        "User-agent: *\nAllow: /\n" + string.Concat(Private.Select(path => $"Disallow: {path}\n")) + $"\nSitemap: {sitemapUrl}\n";

    public static IEndpointRouteBuilder MapRobots(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/robots.txt", [HttpMethods.Get, HttpMethods.Head], (SiteUrls urls) =>
            TypedResults.Text(Text(urls.Absolute(SitemapPaths.Index)), "text/plain; charset=utf-8"));
        return endpoints;
    }
}
