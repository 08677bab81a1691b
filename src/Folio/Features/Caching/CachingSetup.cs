using Folio.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Caching;

/// <summary>
/// Output caching for anonymous pages (DESIGN.md, "Caching"). The store is whatever IOutputCacheStore is registered:
/// the in-memory one that AddOutputCache adds, or the Redis one when ConnectionStrings:Redis is set, which every node
/// shares, so an eviction on one node reaches all of them.
/// </summary>
public static class CachingSetup
{
    public static WebApplicationBuilder AddPageCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageCachingOptions>().BindConfiguration(PageCachingOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PageCachingOptions>, PageCachingOptionsValidation>();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCachingOptions>>((cache, caching) =>
        {
            // /Food/Story and /food/story show the same story, but each renders its own canonical link.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(PageCachePolicies.Page, new AnonymousPagePolicy(caching));
            cache.AddPolicy(PageCachePolicies.Listing, new AnonymousPagePolicy(caching, PageCacheTags.Lists));
        });

        return builder.AddPageCacheEviction();
    }

    /// <summary>
    /// Eviction alone, for a host that changes content but serves no pages. It reaches the site's cache only through a
    /// shared store (Redis); the in-memory store of another process is out of reach, so there the copies expire instead.
    /// </summary>
    public static WebApplicationBuilder AddPageCacheEviction(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache();
        builder.Services.AddSingleton<PageCacheEviction>();
        builder.Services.ConfigureDbContext<FolioDb>((services, options) => options.AddInterceptors(services.GetRequiredService<PageCacheEviction>()));
        return builder;
    }

    public static WebApplication UsePageCaching(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }
}
