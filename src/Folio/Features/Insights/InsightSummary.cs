using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Insights;

/// <summary>The "Reader insights" section of a story page.</summary>
public sealed record InsightSummary(int StoryId, string StoryUrl, IReadOnlyList<InsightCount> Top, int ReaderCount)
{
    private const int TopCount = 5;

    public string SignInUrl => "/signin?returnUrl=" + Uri.EscapeDataString(StoryUrl + "#insights");

    public static async Task<InsightSummary> LoadAsync(FolioDb db, int storyId, string storyUrl, CancellationToken cancellationToken)
    {
        var counts = await db.ReaderInsights.Where(i => i.StoryId == storyId)
            .GroupBy(i => i.Quality)
            .Select(g => new { Quality = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var top = counts
            .OrderByDescending(i => i.Count).ThenBy(i => i.Quality)
            .Take(TopCount)
            .Select(i => new InsightCount(InsightCatalog.Describe(i.Quality), i.Count))
            .ToList();
        var readers = await db.ReaderInsights.Where(i => i.StoryId == storyId).Select(i => i.ReaderId).Distinct().CountAsync(cancellationToken);
        return new InsightSummary(storyId, storyUrl, top, readers);
    }
}
