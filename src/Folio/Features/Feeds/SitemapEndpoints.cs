using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Features.Feeds;

/// <summary>The addresses of the sitemap index and its parts.</summary>
public static class SitemapPaths
{
    public const string Index = "/sitemap.xml";
    public const string Pages = "/sitemaps/pages.xml";

    public static string Communities(int part) => $"/sitemaps/communities-{part}.xml";

    public static string Creators(int part) => $"/sitemaps/authors-{part}.xml";

    public static string Tags(int part) => $"/sitemaps/tags-{part}.xml";

    public static string Stories(int part) => $"/sitemaps/stories-{part}.xml";
}

public static class SitemapEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(SitemapPaths.Index, GetOrHead, async (Sitemap sitemap, SitemapXml xml, CancellationToken cancellationToken) =>
            xml.Index(await sitemap.PartsAsync(cancellationToken)));
        endpoints.MapMethods(SitemapPaths.Pages, GetOrHead, (SitemapXml xml) => xml.UrlSet(Sitemap.Pages()));
        endpoints.MapMethods("/sitemaps/communities-{part:int}.xml", GetOrHead, async (int part, Sitemap sitemap, SitemapXml xml, CancellationToken cancellationToken) =>
            Serve(await sitemap.CommunitiesAsync(part, cancellationToken), xml));
        endpoints.MapMethods("/sitemaps/authors-{part:int}.xml", GetOrHead, async (int part, Sitemap sitemap, SitemapXml xml, CancellationToken cancellationToken) =>
            Serve(await sitemap.CreatorsAsync(part, cancellationToken), xml));
        endpoints.MapMethods("/sitemaps/tags-{part:int}.xml", GetOrHead, async (int part, Sitemap sitemap, SitemapXml xml, CancellationToken cancellationToken) =>
            Serve(await sitemap.TagsAsync(part, cancellationToken), xml));
        endpoints.MapMethods("/sitemaps/stories-{part:int}.xml", GetOrHead, async (int part, Sitemap sitemap, SitemapXml xml, CancellationToken cancellationToken) =>
            Serve(await sitemap.StoriesAsync(part, cancellationToken), xml));
        return endpoints;
    }

    private static Results<XmlDocumentResult, NotFound> Serve(IReadOnlyList<SitemapEntry>? entries, SitemapXml xml) =>
        entries is null ? TypedResults.NotFound() : xml.UrlSet(entries);
}
