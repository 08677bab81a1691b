using Folio.Features.Explore;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Folio.Features.Caching;

/// <summary>
/// Output caching for anonymous pages (DESIGN.md, "Caching"). The store is whatever IOutputCacheStore is registered:
/// the in-memory one that AddOutputCache adds, or the Redis one when ConnectionStrings:Redis is set, which every node
/// shares. Either way every server follows the evictions written to the database (<see cref="EvictionFollower"/>), so a
/// change made anywhere reaches every running server within seconds.
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

        // Evictions written by other processes (a command, another node), evicted here too.
        builder.Services.AddHostedService<EvictionFollower>();
        return builder;
    }

    /// <summary>
    /// Eviction on every save, for every Folio process (AddFolioCore): this process's store is evicted when the save
    /// commits, and the evictions are written to the database for every running server to follow.
    /// </summary>
    public static WebApplicationBuilder AddPageCacheEviction(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache();
        builder.Services.AddSingleton<PageCacheEvictor>();
        builder.Services.AddSingleton<StoryRankings>();

        // Run on every save by the SavePipeline, in the order SaveHooks declares.
        builder.Services.AddSingleton<PageCacheEviction>();
        return builder;
    }

    public static WebApplication UsePageCaching(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }
}
