using System.Runtime.CompilerServices;
using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Features.Search;

/// <summary>
/// Keeps the search index in step with every save, whichever page or service made it: stories published, edited,
/// unpublished or deleted, tags changed, authors renamed. Runs after a successful save, inside the caller's
/// transaction when there is one. Bulk ExecuteUpdate/ExecuteDelete bypass it; their callers update the index.
/// </summary>
public sealed class SearchIndexSync(ISearchIndex index) : SaveChangesInterceptor
{
    private static readonly HashSet<string> IndexedStoryProperties =
        [nameof(Story.Title), nameof(Story.Subtitle), nameof(Story.BodyHtml), nameof(Story.Status), nameof(Story.PublishedAt), nameof(Story.AuthorId)];

    private readonly ConditionalWeakTable<DbContext, Changes> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FolioDb db && _pending.TryGetValue(db, out var changes))
        {
            _pending.Remove(db);
            await index.UpdateAsync(db, changes.StoryIds(), cancellationToken);
            await index.UpdateAuthorsAsync(db, changes.AuthorIds, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        // Folio saves asynchronously; a synchronous save still updates the index (SQLite runs synchronously anyway).
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is not FolioDb)
        {
            return;
        }

        var tracker = context.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }

        // Entities, not ids: a new story has its id only after the save.
        var changes = new Changes();
        foreach (var entry in tracker.Entries<Story>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && IndexedStoryProperties.Contains(p.Metadata.Name))))
            {
                changes.Stories.Add(entry.Entity);
            }
        }

        foreach (var entry in tracker.Entries<Dictionary<string, object>>())
        {
            if (entry.Metadata.Name == "StoryTags" && entry.State is EntityState.Added or EntityState.Deleted)
            {
                changes.StoryTags.Add(entry.Entity);
            }
        }

        foreach (var entry in tracker.Entries<FolioUser>())
        {
            if (entry.State == EntityState.Modified
                && (entry.Property(u => u.DisplayName).IsModified || entry.Property(u => u.UserName).IsModified))
            {
                changes.AuthorIds.Add(entry.Entity.Id);
            }
        }

        if (changes.Stories.Count + changes.StoryTags.Count + changes.AuthorIds.Count > 0)
        {
            _pending.AddOrUpdate(context, changes);
        }
    }

    private sealed class Changes
    {
        public List<Story> Stories { get; } = [];
        public List<Dictionary<string, object>> StoryTags { get; } = [];
        public List<string> AuthorIds { get; } = [];

        public int[] StoryIds() =>
            [.. Stories.Select(s => s.Id).Concat(StoryTags.Select(row => row.TryGetValue("StoriesId", out var id) ? (int)id : 0)).Where(id => id > 0).Distinct()];
    }
}
