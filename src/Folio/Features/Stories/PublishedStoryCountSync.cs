using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>
/// Keeps <see cref="PublishedStoryCounts"/> in step with every save that publishes, unpublishes, moves, retags, adds or
/// deletes a story: what the saved stories counted for before the save and count for after it, the difference added to
/// the counts inside the save's transaction.
/// </summary>
public sealed class PublishedStoryCountSync : ISaveObserver
{
    private static readonly HashSet<string> CountedProperties = [nameof(Story.Status), nameof(Story.PublishedAt), nameof(Story.CommunityId)];

    public async ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        var stories = tracker.Entries<Story>()
            .Where(entry => entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && CountedProperties.Contains(p.Metadata.Name))))
            .ToList();
        var retagged = StoryTagRows.RetaggedStories(tracker);
        if (stories.Count == 0 && retagged.Count == 0)
        {
            return null;
        }

        // Before the write: what the saved stories count for now, which a deletion, an unpublishing or a move takes away.
        var existing = stories.Where(entry => entry.State != EntityState.Added).Select(entry => entry.Entity.Id).Union(retagged).ToList();
        var before = await PublishedStoryCounts.ShareOfAsync(db, existing, cancellationToken);
        return new CountChange(stories.Select(entry => entry.Entity).ToList(), retagged, before);
    }

    private sealed record CountChange(List<Story> Stories, IReadOnlySet<int> Retagged, CountShare Before) : ISaveEffect
    {
        public async Task SavedAsync(FolioDb db, CancellationToken cancellationToken)
        {
            var after = await PublishedStoryCounts.ShareOfAsync(db, Stories.Select(s => s.Id).Union(Retagged).ToList(), cancellationToken);
            await PublishedStoryCounts.ApplyChangeAsync(db, Before, after, cancellationToken);
        }
    }
}
