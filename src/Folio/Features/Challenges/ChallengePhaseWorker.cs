using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Challenges.Entering;
using Folio.Features.Challenges.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Challenges;

/// <summary>
/// Every minute, on each node: announces the challenges that opened or closed to webhooks (<see cref="ChallengeAnnouncements"/>), publishes the held entries of the challenges that have closed (<see cref="HeldEntryRelease"/>),
/// shares their entries out among the judges (<see cref="JudgeAssignments"/>), and evicts the cached challenge pages when a challenge has opened or closed since the last pass. Nothing is saved
/// when a challenge's moment passes, so no save evicts those pages; without this a cached page would show the old
/// phase for as long as pages are kept.
/// </summary>
public sealed class ChallengePhaseWorker(
    IServiceScopeFactory scopes, PageCacheEvictor evictor, TimeProvider clock, IOptions<PageCachingOptions> caching, ILogger<ChallengePhaseWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private DateTime? _lastPass;

    /// <summary>Announces what opened or closed, publishes the held entries due now, and evicts pages a phase change made stale; returns how many entries were published.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The first pass looks back as far as a cached page can have been kept: this node may share a store with others.
        var since = _lastPass ?? now - caching.Value.Duration;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        if (await db.Challenges.AnyAsync(c => (c.OpensAt > since && c.OpensAt <= now) || (c.ClosesAt > since && c.ClosesAt <= now), cancellationToken))
        {
            await evictor.EvictAsync([PageCacheTags.Challenges]);
        }

        _lastPass = now;
        await scope.ServiceProvider.GetRequiredService<ChallengeAnnouncements>().AnnounceDueAsync(cancellationToken);
        var released = await scope.ServiceProvider.GetRequiredService<HeldEntryRelease>().RunAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<JudgeAssignments>().AssignDueAsync(cancellationToken);
        return released;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await RunPassAsync(stoppingToken) is > 0 and var released)
                    {
                        logger.LogInformation("Published {Count} challenge entries whose challenge has closed", released);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "The challenge pass failed; trying again at the next pass");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the host: what is still held is published by the next pass, here or on another node.
        }
    }
}
