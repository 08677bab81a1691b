using System.Diagnostics;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Caching;

/// <summary>
/// Evicts on this server the pages other processes' saves made stale: a command run beside the site, another node.
/// Every save writes its tags to the CacheEvictions table in its own transaction (<see cref="PageCacheEviction"/>);
/// about once a second this reads the rows that arrived since (one query on the primary key) and evicts their tags
/// here. It starts at the newest row before the server answers: its cache is empty then, or shared (Redis) and
/// evicted by the writers themselves. Rows older than <see cref="Retention"/> are pruned by every node.
/// </summary>
public sealed class EvictionFollower(IServiceScopeFactory scopes, PageCacheEvictor evictor, TimeProvider clock, ILogger<EvictionFollower> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private const int BatchSize = 500;

    private readonly Stopwatch _uptime = Stopwatch.StartNew();
    private EvictionCursor? _cursor;
    private TimeSpan _lastPrune;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FollowAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not read the newest cache eviction; trying again in the background");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(PollInterval, stoppingToken);
                try
                {
                    await FollowAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Could not read the cache evictions of other processes; trying again shortly");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the host; the next start begins at the newest row again.
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        if (_cursor is null)
        {
            _cursor = new EvictionCursor(await db.CacheEvictions.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0);
            _lastPrune = _uptime.Elapsed;
            return;
        }

        var after = _cursor.ReadFrom;
        while (true)
        {
            var rows = await db.CacheEvictions.AsNoTracking()
                .Where(e => e.Id > after).OrderBy(e => e.Id).Take(BatchSize)
                .Select(e => new { e.Id, e.Origin, e.Tags })
                .ToListAsync(cancellationToken);
            var tags = new HashSet<string>();
            foreach (var row in rows)
            {
                // This process evicted its own saves when they committed.
                if (_cursor.Read(row.Id, _uptime.Elapsed) && row.Origin != evictor.Origin)
                {
                    tags.UnionWith(row.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }

            await evictor.EvictAsync(tags.Contains(PageCacheTags.AllPages) ? [PageCacheTags.AllPages] : tags);
            if (rows.Count < BatchSize)
            {
                break;
            }

            after = rows[^1].Id;
        }

        _cursor.ForgetOldGaps(_uptime.Elapsed);
        if (_uptime.Elapsed - _lastPrune > PruneInterval)
        {
            _lastPrune = _uptime.Elapsed;
            var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
            await db.CacheEvictions.Where(e => e.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
