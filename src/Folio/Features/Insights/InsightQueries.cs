using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Insights;

public static class InsightQueries
{
    /// <summary>
    /// A reader counts once per story whether they gave an impression, qualities or both
    /// (the demo data and older stories have qualities without an impression).
    /// </summary>
    public static IQueryable<StoryReader> InsightReaders(this FolioDb db) =>
        db.ReaderInsights.Select(i => new StoryReader { StoryId = i.StoryId, ReaderId = i.ReaderId })
            .Union(db.ReaderImpressions.Select(i => new StoryReader { StoryId = i.StoryId, ReaderId = i.ReaderId }));

    public static async Task<ReaderChoices> ChoicesOfAsync(this FolioDb db, int storyId, string? readerId, CancellationToken cancellationToken)
    {
        if (readerId is null)
        {
            return ReaderChoices.None;
        }

        var impression = await db.ReaderImpressions.Where(i => i.StoryId == storyId && i.ReaderId == readerId)
            .Select(i => (Impression?)i.Impression).FirstOrDefaultAsync(cancellationToken);
        var qualities = await db.ReaderInsights.Where(i => i.StoryId == storyId && i.ReaderId == readerId)
            .Select(i => i.Quality).ToListAsync(cancellationToken);
        return new ReaderChoices(impression, qualities.ToHashSet());
    }
}

// Member-initialised rather than positional, so EF can translate the UNION and group on its columns.
public sealed record StoryReader
{
    public int StoryId { get; init; }
    public required string ReaderId { get; init; }
}
