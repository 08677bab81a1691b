using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Insights;

/// <summary>Every insight count of one story, zeros included, for its author's dashboard.</summary>
public sealed record InsightBreakdown(int Readers, IReadOnlyList<ImpressionCount> Impressions, IReadOnlyList<InsightCount> Qualities)
{
    /// <summary>One breakdown for each of the stories asked about.</summary>
    public static async Task<IReadOnlyDictionary<int, InsightBreakdown>> LoadAsync(FolioDb db, IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        var impressions = await db.ReaderImpressions.Where(i => storyIds.Contains(i.StoryId))
            .GroupBy(i => new { i.StoryId, i.Impression })
            .Select(g => new { g.Key.StoryId, g.Key.Impression, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var qualities = await db.ReaderInsights.Where(i => storyIds.Contains(i.StoryId))
            .GroupBy(i => new { i.StoryId, i.Quality })
            .Select(g => new { g.Key.StoryId, g.Key.Quality, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var readers = await db.InsightReaders().Where(r => storyIds.Contains(r.StoryId))
            .GroupBy(r => r.StoryId)
            .Select(g => new { StoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.StoryId, r => r.Count, cancellationToken);

        return storyIds.ToDictionary(id => id, id => new InsightBreakdown(
            readers.GetValueOrDefault(id),
            ImpressionCatalog.All
                .Select(i => new ImpressionCount(i, impressions.FirstOrDefault(c => c.StoryId == id && c.Impression == i.Impression)?.Count ?? 0))
                .Reverse().ToList(),
            InsightCatalog.All
                .Select(q => new InsightCount(q, qualities.FirstOrDefault(c => c.StoryId == id && c.Quality == q.Quality)?.Count ?? 0))
                .OrderByDescending(q => q.Count).ThenBy(q => q.Insight.Quality).ToList()));
    }
}
