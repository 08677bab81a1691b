using Folio.Features.Explore;
using Folio.Features.Federation.Blocks;
using Folio.Features.SiteAdmin;
using Microsoft.AspNetCore.OutputCaching;

namespace Folio.Features.Caching;

/// <summary>
/// This process's way into the page cache store (in memory, or Redis, which every node shares), and the id that marks
/// the evictions this process writes for the others.
/// </summary>
public sealed class PageCacheEvictor(IOutputCacheStore store, StoryRankings rankings, CurrentSite site, FederationBlockList blocks, ILogger<PageCacheEvictor> logger)
{
    public Guid Origin { get; } = Guid.NewGuid();

    /// <summary>
    /// Never cancelled: the change is saved, so its pages must go even if the visitor left. A store that fails (Redis
    /// down) is logged, never an error for the caller; the copies expire on their own.
    /// </summary>
    public async Task EvictAsync(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            if (tag is PageCacheTags.Lists or PageCacheTags.AllPages)
            {
                // Rankings are listings too, kept outside the page cache; whatever makes lists stale makes them stale.
                rankings.MarkStale();
            }

            if (tag is PageCacheTags.AllPages)
            {
                // Every page shows the site's settings; a change to them evicts every page, and this copy with them.
                site.Forget();
            }

            if (tag is PageCacheTags.FederationBlocks or PageCacheTags.AllPages)
            {
                blocks.Forget();
            }

            try
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not evict cached pages tagged {Tag}; they are served until they expire", tag);
            }
        }
    }
}
