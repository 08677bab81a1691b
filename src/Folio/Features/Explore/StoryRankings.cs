using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Explore;

/// <summary>The stories the home page features and Explore shows as trending, best first.</summary>
public sealed record Rankings(IReadOnlyList<int> Featured, IReadOnlyList<int> Trending, DateTimeOffset RankedAt);

/// <summary>
/// Ranks stories away from the requests that show them: ranking weighs every recent story's hearts, insights, comments
/// and reads, which at a large site's size costs far more than a page may. The ranking is redone in the background
/// once it is <see cref="RefreshAfter"/> old, while pages keep showing the previous one, and before the next page is
/// served once a change makes listings stale (a story published or taken down, a comment; see
/// <see cref="Caching.StalePages"/>), on this server and, through the change log, on every other one.
/// </summary>
public sealed class StoryRankings(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StoryRankings> logger)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private const int TrendingWindowDays = 60;
    private const int FeaturedWindowDays = 90;
    // More than Explore shows (ExploreModel.TrendingShown), so it can leave out the Top stories it shows beside them
    // and still show a full list.
    private const int TrendingCount = 12;
    private const int FeaturedCount = 3;

    private readonly Lock _gate = new();
    private Rankings? _current;
    private Task<Rankings>? _ranking;
    private bool _stale;

    public async Task<Rankings> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !Volatile.Read(ref _stale))
        {
            if (clock.GetUtcNow() - current.RankedAt >= RefreshAfter)
            {
                _ = RankOnceAsync();
            }

            return current;
        }

        return await RankOnceAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Listings changed: the next page to show a ranking waits for a new one.</summary>
    public void MarkStale() => Volatile.Write(ref _stale, true);

    /// <summary>One ranking at a time; whoever asks while it runs shares it.</summary>
    private Task<Rankings> RankOnceAsync()
    {
        lock (_gate)
        {
            return _ranking ??= RankAsync();
        }
    }

    private async Task<Rankings> RankAsync()
    {
        await Task.Yield();
        try
        {
            // Cleared before reading, so a change saved while ranking marks the result stale again.
            Volatile.Write(ref _stale, false);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            var now = clock.GetUtcNow();
            var rankings = new Rankings(await FeaturedAsync(db, now.UtcDateTime), await TrendingAsync(db, now.UtcDateTime), now);
            _current = rankings;
            return rankings;
        }
        catch (Exception e) when (_current is not null)
        {
            // The previous ranking is still a fine answer; a database hiccup must not take the home page down.
            logger.LogError(e, "Could not rank stories; showing the ranking from {RankedAt}", _current.RankedAt);
            return _current;
        }
        finally
        {
            lock (_gate)
            {
                _ranking = null;
            }
        }
    }

    private static Task<List<int>> FeaturedAsync(FolioDb db, DateTime now)
    {
        var since = now.AddDays(-FeaturedWindowDays);
        return db.Stories.Published()
            .Where(s => s.PublishedAt >= since)
            .OrderByDescending(s => s.Hearts.Count + s.Insights.Select(i => i.ReaderId).Distinct().Count() + s.Comments.Count)
            .ThenByDescending(s => s.PublishedAt)
            .Select(s => s.Id)
            .Take(FeaturedCount)
            .ToListAsync();
    }

    private static async Task<List<int>> TrendingAsync(FolioDb db, DateTime now)
    {
        var since = now.AddDays(-TrendingWindowDays);
        var candidates = await db.Stories.Published()
            .Where(s => s.PublishedAt >= since)
            .Select(s => new
            {
                s.Id,
                PublishedAt = s.PublishedAt!.Value,
                Hearts = s.Hearts.Count,
                InsightReaders = s.Insights.Select(i => i.ReaderId).Distinct().Count(),
                Comments = s.Comments.AsQueryable().Count(CommentQueries.IsShown),
                Reads = db.StoryReadDays.Where(d => d.StoryId == s.Id).Sum(d => d.Reads),
            })
            .ToListAsync();

        return candidates
            .Where(c => Trending.HasSignal(c.Hearts, c.InsightReaders, c.Comments, c.Reads))
            .OrderByDescending(c => Trending.Score(c.Hearts, c.InsightReaders, c.Comments, c.Reads, (now - c.PublishedAt).TotalHours))
            .Take(TrendingCount)
            .Select(c => c.Id)
            .ToList();
    }
}
