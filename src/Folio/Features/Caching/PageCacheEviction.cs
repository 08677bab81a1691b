using Folio.Data;

namespace Folio.Features.Caching;

/// <summary>
/// Evicts the cached pages a save makes stale (<see cref="StalePages"/>), whichever page, endpoint, service or command
/// made it: in this process once the change is committed (before, a request could cache the old rows again), and on
/// every other running server through the <see cref="CacheEviction"/> row written with the change.
/// One race is left: a request that read the old rows before the save can store its page just after the eviction;
/// that copy lives until <see cref="PageCachingOptions.Duration"/> at most.
/// </summary>
public sealed class PageCacheEviction(PageCacheEvictor evictor, TimeProvider clock) : ISaveObserver
{
    public ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var tags = StalePages.TagsFor(db.ChangeTracker);
        if (tags.Count == 0)
        {
            return ValueTask.FromResult<ISaveEffect?>(null);
        }

        db.CacheEvictions.Add(new CacheEviction { Origin = evictor.Origin, Tags = string.Join(' ', tags), CreatedAt = clock.GetUtcNow().UtcDateTime });
        return ValueTask.FromResult<ISaveEffect?>(new Evict(evictor, tags));
    }

    private sealed record Evict(PageCacheEvictor Evictor, IReadOnlySet<string> Tags) : ISaveEffect
    {
        public Task CommittedAsync() => Evictor.EvictAsync(Tags);
    }
}
