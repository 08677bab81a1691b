using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

/// <summary>
/// Keeping a provider's search table in step with the stories: the same on every provider; each subclass says how
/// its table deletes, lists and inserts rows, and how it searches.
/// </summary>
public abstract class StorySearchTable(ILogger logger) : ISearchIndex
{
    public async Task UpdateAsync(FolioDb db, IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken = default)
    {
        if (storyIds.Count == 0)
        {
            return;
        }

        var ids = storyIds.Distinct().ToArray();
        await DeleteAsync(db, ids, cancellationToken);
        await InsertAsync(db, await SearchDocument.LoadAsync(db.Stories.Where(s => ids.Contains(s.Id)), cancellationToken), cancellationToken);
    }

    public async Task UpdateAuthorsAsync(FolioDb db, IReadOnlyCollection<string> authorIds, CancellationToken cancellationToken = default)
    {
        if (authorIds.Count > 0)
        {
            var ids = await db.Stories.Where(s => authorIds.Contains(s.AuthorId)).Select(s => s.Id).ToListAsync(cancellationToken);
            await UpdateAsync(db, ids, cancellationToken);
        }
    }

    public async Task RebuildAsync(FolioDb db, CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await DeleteAllAsync(db, cancellationToken);
        await InsertAsync(db, await SearchDocument.LoadAsync(db.Stories, cancellationToken), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Compared in the database, not by reading every id: on SQLite, reading the FTS table's rowids scans the rows that
    /// hold every story's text, which took seconds of each start at 100,000 stories. Equal counts, and no published
    /// story missing from the index, mean the same stories.
    /// </summary>
    public async Task EnsureBuiltAsync(FolioDb db, CancellationToken cancellationToken = default)
    {
        var published = db.Stories.Published().Select(s => s.Id);
        var indexed = IndexedIds(db);
        var (publishedCount, indexedCount) = (await published.CountAsync(cancellationToken), await indexed.CountAsync(cancellationToken));
        if (publishedCount != indexedCount || await published.AnyAsync(id => !indexed.Contains(id), cancellationToken))
        {
            logger.LogInformation("Rebuilding the search index: {Indexed} entries for {Published} published stories", indexedCount, publishedCount);
            await RebuildAsync(db, cancellationToken);
        }
    }

    public abstract Task<SearchResults> SearchAsync(
        FolioDb db, SearchQuery query, SearchFilter filter, int page, int pageSize, CancellationToken cancellationToken = default);

    protected abstract Task DeleteAsync(FolioDb db, int[] storyIds, CancellationToken cancellationToken);

    protected abstract Task DeleteAllAsync(FolioDb db, CancellationToken cancellationToken);

    /// <summary>The ids of the stories the index holds, as a query the database runs.</summary>
    protected abstract IQueryable<int> IndexedIds(FolioDb db);

    protected abstract Task InsertAsync(FolioDb db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);
}
