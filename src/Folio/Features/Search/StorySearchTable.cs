using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Search;

/// <summary>
/// Keeping a provider's search table in step with the stories: the same on every provider; each subclass says how
/// its table deletes, lists and inserts rows, and how it searches.
/// </summary>
public abstract class StorySearchTable(ILogger logger, IOptions<SearchOptions> options) : ISearchIndex
{
    private const int ProgressEvery = 50_000;

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
        await InTransactionAsync(db, () => DeleteAllAsync(db, cancellationToken), cancellationToken);
        await AddMissingAsync(db, cancellationToken);
    }

    /// <summary>
    /// Compared in the database, not by reading every id: on SQLite, reading the FTS table's rowids scans the rows that
    /// hold every story's text, which took seconds of each start at 100,000 stories. Equal counts, and no published
    /// story missing from the index, mean the same stories; otherwise the entries of stories no longer published go and
    /// the missing stories are added, so a rebuild that stopped part-way is completed, not started again.
    /// </summary>
    public async Task EnsureBuiltAsync(FolioDb db, CancellationToken cancellationToken = default)
    {
        var published = db.Stories.Published().Select(s => s.Id);
        var indexed = IndexedIds(db);
        var (publishedCount, indexedCount) = (await published.CountAsync(cancellationToken), await indexed.CountAsync(cancellationToken));
        if (publishedCount != indexedCount || await published.AnyAsync(id => !indexed.Any(i => i == id), cancellationToken))
        {
            logger.LogInformation("Completing the search index: {Indexed} entries for {Published} published stories", indexedCount, publishedCount);
            var stale = await indexed.Where(id => !published.Any(p => p == id)).ToListAsync(cancellationToken);
            foreach (var batch in stale.Chunk(options.Value.RebuildBatch))
            {
                await InTransactionAsync(db, () => DeleteAsync(db, batch, cancellationToken), cancellationToken);
            }

            await AddMissingAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// The published stories the index lacks, walking the stories by key a batch at a time, each batch committed on its
    /// own unless the caller holds a transaction: a million stories in one transaction had not finished after 48
    /// minutes. Asked as "which of the next 500 stories are missing", not "the next 500 missing stories", which SQLite
    /// answered by reading every published story for each batch.
    /// </summary>
    private async Task AddMissingAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var (published, indexed) = (db.Stories.Published(), IndexedIds(db));
        var (added, after) = (0, 0);
        while (await db.Stories.Where(s => s.Id > after).OrderBy(s => s.Id).Take(options.Value.RebuildBatch)
                   .Select(s => new { s.Id, Missing = published.Any(p => p.Id == s.Id) && !indexed.Any(id => id == s.Id) })
                   .ToListAsync(cancellationToken) is { Count: > 0 } window)
        {
            var missing = window.Where(w => w.Missing).Select(w => w.Id).ToArray();
            if (missing.Length > 0)
            {
                var documents = await SearchDocument.LoadAsync(db.Stories.Where(s => missing.Contains(s.Id)), cancellationToken);
                await InTransactionAsync(db, () => InsertAsync(db, documents, cancellationToken), cancellationToken);
            }

            after = window[^1].Id;
            if ((added += missing.Length) / ProgressEvery > (added - missing.Length) / ProgressEvery)
            {
                logger.LogInformation("Search index: {Added} stories added", added);
            }
        }
    }

    // A batch's transaction on a connection with the page cache of a bulk write: through SQLite's default 2 MB cache the
    // index's pages were read back from the file for each batch (36 s against 27 s to index 10,000 stories).
    private static async Task InTransactionAsync(FolioDb db, Func<Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await BulkWrites.BeginBatchAsync(db, cancellationToken) : null;
        await write();
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The newest matches, one past what is counted, then the best of them by rank, then highlights for one page: each
    /// step bounded, so a word in every story costs what a rare one costs.
    /// </summary>
    public async Task<SearchResults> SearchAsync(
        FolioDb db, SearchQuery query, SearchFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty)
        {
            return SearchResults.None;
        }

        var mostCounted = options.Value.MostCounted;
        var window = await NewestMatchesAsync(db, query, filter, mostCounted + 1, cancellationToken);
        var (total, moreThanCounted) = (Math.Min(window.Count, mostCounted), window.Count > mostCounted);
        var skip = (Math.Max(page, 1) - 1) * pageSize;
        if (total <= skip)
        {
            return new SearchResults([], total, moreThanCounted);
        }

        var ranked = await RankAsync(db, query, filter, window[..total], skip, pageSize, cancellationToken);
        var marked = (await MarkAsync(db, query, [.. ranked.Select(r => r.StoryId)], cancellationToken)).ToDictionary(h => h.StoryId);
        var hits = ranked.Where(r => marked.ContainsKey(r.StoryId)).Select(r => marked[r.StoryId] with { Rank = r.Rank }).ToList();
        return new SearchResults(hits, total, moreThanCounted);
    }

    /// <summary>Matching story ids, newest (highest id) first, at most count of them.</summary>
    protected abstract Task<List<int>> NewestMatchesAsync(FolioDb db, SearchQuery query, SearchFilter filter, int count, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the window (matches newest first, the filter already applied) in rank order: stories with every
    /// word in the title first, then the engine's rank (lower is better), then newest.
    /// </summary>
    protected abstract Task<List<RankedHit>> RankAsync(
        FolioDb db, SearchQuery query, SearchFilter filter, List<int> window, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Highlights and snippets for these stories only: a snippet reads the story's whole body.</summary>
    protected abstract Task<List<SearchHit>> MarkAsync(FolioDb db, SearchQuery query, int[] storyIds, CancellationToken cancellationToken);

    protected sealed class RankedHit
    {
        public int StoryId { get; init; }
        public double Rank { get; init; }
        public bool InTitle { get; init; }
    }

    protected abstract Task DeleteAsync(FolioDb db, int[] storyIds, CancellationToken cancellationToken);

    protected abstract Task DeleteAllAsync(FolioDb db, CancellationToken cancellationToken);

    /// <summary>The ids of the stories the index holds, as a query the database runs.</summary>
    protected abstract IQueryable<int> IndexedIds(FolioDb db);

    /// <summary>Adds or replaces each story's entry: two saves of one author's stories at once may both delete, then both insert.</summary>
    protected abstract Task InsertAsync(FolioDb db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);
}
