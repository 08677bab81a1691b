using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

/// <summary>
/// Keeps the search index in step with every save: stories published, edited, unpublished or deleted, tags changed,
/// authors renamed. The index is written after the rows, inside the same transaction (see <see cref="SaveHooks"/>).
/// </summary>
public sealed class SearchIndexSync(ISearchIndex index) : ISaveObserver
{
    private static readonly HashSet<string> IndexedStoryProperties =
        [nameof(Story.Title), nameof(Story.Subtitle), nameof(Story.BodyHtml), nameof(Story.Status), nameof(Story.PublishedAt), nameof(Story.AuthorId)];

    public ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;

        // Entities, not ids: a new story has its id only after the save.
        var stories = tracker.Entries<Story>()
            .Where(entry => entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && IndexedStoryProperties.Contains(p.Metadata.Name))))
            .Select(entry => entry.Entity)
            .ToList();
        var retagged = StoryTagRows.RetaggedStories(tracker);
        var renamedAuthors = tracker.Entries<FolioUser>()
            .Where(entry => entry.State == EntityState.Modified && (entry.Property(u => u.DisplayName).IsModified || entry.Property(u => u.UserName).IsModified))
            .Select(entry => entry.Entity.Id)
            .ToList();

        return ValueTask.FromResult<ISaveEffect?>(stories.Count + retagged.Count + renamedAuthors.Count == 0
            ? null
            : new Reindex(index, stories, retagged, renamedAuthors));
    }

    private sealed record Reindex(ISearchIndex Index, List<Story> Stories, IReadOnlySet<int> Retagged, List<string> RenamedAuthors) : ISaveEffect
    {
        public async Task SavedAsync(FolioDb db, CancellationToken cancellationToken)
        {
            await Index.UpdateAsync(db, [.. Stories.Select(s => s.Id).Union(Retagged)], cancellationToken);
            await Index.UpdateAuthorsAsync(db, RenamedAuthors, cancellationToken);
        }
    }
}
