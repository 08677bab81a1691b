using Folio.Features.Caching;

namespace Folio.Features.Feeds;

public static class FeedsSetup
{
    public static WebApplicationBuilder AddFeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedSources>();
        builder.Services.AddScoped<FeedWriter>();
        builder.Services.AddScoped<Sitemap>();
        builder.Services.AddScoped<SitemapXml>();
        builder.Services.AddOptions<SitemapOptions>().BindConfiguration(SitemapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedsAndSeo(this IEndpointRouteBuilder endpoints)
    {
        var lists = endpoints.MapGroup("").CacheOutput(PageCachePolicies.Listing);
        lists.MapFeeds();
        lists.MapSitemap();
        endpoints.MapGroup("").CacheOutput(PageCachePolicies.Page).MapRobots();
        return endpoints;
    }
}
