using Folio.Data;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>
/// Keeps <see cref="PublishedStoryCounts"/> in step with every save that publishes, unpublishes, moves, retags, adds or
/// deletes a story: the tags and communities it had before the save and has after it are recounted, inside the save's
/// transaction.
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

        // Before the write: what the saved stories belong to now, which a deletion or a move takes away.
        var existing = stories.Where(entry => entry.State != EntityState.Added).Select(entry => entry.Entity.Id).Union(retagged).ToList();
        var (tagsBefore, communitiesBefore) = await PublishedStoryCounts.OfStoriesAsync(db, existing, cancellationToken);
        var newTags = tracker.Entries<Tag>().Where(entry => entry.State == EntityState.Added).Select(entry => entry.Entity).ToList();
        return new Recount(stories.Select(entry => entry.Entity).ToList(), retagged, tagsBefore, communitiesBefore, newTags);
    }

    private sealed record Recount(List<Story> Stories, IReadOnlySet<int> Retagged, List<int> TagsBefore, List<int> CommunitiesBefore, List<Tag> NewTags) : ISaveEffect
    {
        public async Task SavedAsync(FolioDb db, CancellationToken cancellationToken)
        {
            var (tagsAfter, communitiesAfter) = await PublishedStoryCounts.OfStoriesAsync(db, Stories.Select(s => s.Id).Union(Retagged).ToList(), cancellationToken);
            await PublishedStoryCounts.RecountAsync(db,
                [.. TagsBefore.Union(tagsAfter).Union(NewTags.Select(t => t.Id))],
                [.. CommunitiesBefore.Union(communitiesAfter)],
                cancellationToken);
        }
    }
}
