using System.Text.Json;
using Folio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Folio.Features.Search;

/// <summary>
/// The StorySearch FTS5 table (created by the SearchIndex migration): rowid = story id, published stories only,
/// tokenised by unicode61 with diacritics removed, so "cafe" finds "café" and the other way round.
/// </summary>
public sealed class SqliteSearchIndex(ILogger<SqliteSearchIndex> logger, IOptions<SearchOptions> options) : StorySearchTable(logger, options)
{
    private const int SnippetTokens = 28;

    protected override Task DeleteAsync(FolioDb db, int[] storyIds, CancellationToken cancellationToken)
    {
        var ids = JsonSerializer.Serialize(storyIds);
        return db.Database.ExecuteSqlAsync($"DELETE FROM StorySearch WHERE rowid IN (SELECT value FROM json_each({ids}))", cancellationToken);
    }

    /// <summary>
    /// Dropped and created again from its own definition (so the migration stays the one place that says what the table
    /// is): FTS5 deletes row by row, reading every story's text back to unpick its index entries.
    /// </summary>
    protected override async Task DeleteAllAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var definition = await db.Database.SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE type = 'table' AND name = 'StorySearch'")
            .SingleAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"DROP TABLE StorySearch", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(definition, cancellationToken);
    }

    // FTS5's own table of one small row (id, column sizes) per indexed story; StorySearch itself scans the text.
    protected override IQueryable<int> IndexedIds(FolioDb db) =>
        db.Database.SqlQuery<int>($"SELECT id AS Value FROM StorySearch_docsize");

    protected override async Task<List<int>> NewestMatchesAsync(FolioDb db, SearchQuery query, SearchFilter filter, int count, CancellationToken cancellationToken)
    {
        // FTS5 walks the matches in rowid order, newest story first, and stops at the LIMIT: no temporary b-tree. The
        // filters are looked up per match by key: as "rowid IN (the community's stories)" SQLite read every match and
        // sorted them (a common word in a large community took seconds at a million stories).
        var (match, community, tag) = (MatchExpression(query), filter.CommunityId, filter.TagId);
        var (hides, making, warnings) = (filter.Hides, filter.HiddenMaking, filter.HiddenWarnings);
        try
        {
            return await db.Database.SqlQuery<int>($"""
                SELECT StorySearch.rowid AS Value FROM StorySearch
                WHERE StorySearch MATCH {match}
                  AND ({community} IS NULL OR EXISTS (SELECT 1 FROM Stories s WHERE s.Id = StorySearch.rowid AND s.CommunityId = {community}))
                  AND ({tag} IS NULL OR EXISTS (SELECT 1 FROM StoryTags t WHERE t.StoriesId = StorySearch.rowid AND t.TagsId = {tag}))
                  AND ({hides} = 0 OR EXISTS (SELECT 1 FROM Stories h WHERE h.Id = StorySearch.rowid AND h.Making <> {making} AND (h.Warnings & {warnings}) = 0))
                ORDER BY StorySearch.rowid DESC
                LIMIT {count}
                """).ToListAsync(cancellationToken);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == 1)
        {
            // The query is built from letters and digits only, so this should not happen; if some character still
            // upsets FTS5, the person gets "no results" rather than an error page.
            logger.LogWarning(error, "FTS5 rejected the search expression {Match}", match);
            return [];
        }
    }

    /// <summary>
    /// bm25 with weights per column in table order: a word in the title counts ten times one in the body; in the
    /// subtitle (the story's own summary) four times; in a tag, chosen to say what the story is about, three times; in
    /// the author's name twice, so a name finds that author's stories before stories that mention it. FTS5's bm25
    /// normalises by the length of the whole row, so without the title tier a long story titled "river" would fall
    /// behind a short poem that says "river" five times.
    /// </summary>
    protected override Task<List<RankedHit>> RankAsync(
        FolioDb db, SearchQuery query, SearchFilter filter, List<int> window, int skip, int take, CancellationToken cancellationToken)
    {
        var (match, oldest, community, tag) = (MatchExpression(query), window[^1], filter.CommunityId, filter.TagId);
        var (hides, making, warnings) = (filter.Hides, filter.HiddenMaking, filter.HiddenWarnings);
        var inTitle = $"title : ({match})";
        return db.Database.SqlQuery<RankedHit>($"""
            SELECT StorySearch.rowid AS StoryId, bm25(StorySearch, 10.0, 4.0, 1.0, 3.0, 2.0) AS Rank,
                   StorySearch.rowid IN (SELECT rowid FROM StorySearch WHERE StorySearch MATCH {inTitle} AND rowid >= {oldest}) AS InTitle
            FROM StorySearch
            WHERE StorySearch MATCH {match} AND StorySearch.rowid >= {oldest}
              AND ({community} IS NULL OR EXISTS (SELECT 1 FROM Stories s WHERE s.Id = StorySearch.rowid AND s.CommunityId = {community}))
              AND ({tag} IS NULL OR EXISTS (SELECT 1 FROM StoryTags t WHERE t.StoriesId = StorySearch.rowid AND t.TagsId = {tag}))
              AND ({hides} = 0 OR EXISTS (SELECT 1 FROM Stories h WHERE h.Id = StorySearch.rowid AND h.Making <> {making} AND (h.Warnings & {warnings}) = 0))
            ORDER BY InTitle DESC, Rank, StorySearch.rowid DESC
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One walk over the window's range, the ids checked per row ("+rowid" keeps them from FTS5, which would run the
    /// whole match once per id, expanding a prefix each time); highlight and snippet run for matching rows only.
    /// </summary>
    protected override async Task<List<SearchHit>> MarkAsync(FolioDb db, SearchQuery query, int[] storyIds, CancellationToken cancellationToken)
    {
        var (match, ids) = (MatchExpression(query), JsonSerializer.Serialize(storyIds));
        var (open, close) = (SearchMarkup.Open.ToString(), SearchMarkup.Close.ToString());
        var rows = await db.Database.SqlQuery<MarkedRow>($"""
            SELECT StorySearch.rowid AS StoryId,
                   highlight(StorySearch, 0, {open}, {close}) AS MarkedTitle,
                   highlight(StorySearch, 1, {open}, {close}) AS MarkedSubtitle,
                   snippet(StorySearch, 2, {open}, {close}, '…', {SnippetTokens}) AS MarkedSnippet
            FROM StorySearch
            WHERE StorySearch MATCH {match} AND StorySearch.rowid BETWEEN {storyIds.Min()} AND {storyIds.Max()}
              AND +StorySearch.rowid IN (SELECT value FROM json_each({ids}))
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SearchHit(r.StoryId, 0, r.MarkedTitle, r.MarkedSubtitle, r.MarkedSnippet))];
    }

    /// <summary>Every word quoted (so no word is ever an operator) and matched as a prefix; phrases exactly; all required.</summary>
    public static string MatchExpression(SearchQuery query) =>
        string.Join(" AND ", query.Terms.Select(term =>
        {
            var quoted = "\"" + string.Join(' ', term.Words).Replace("\"", "\"\"") + "\"";
            return term.Quoted || term.Words[0].Length < 2 ? quoted : quoted + "*";
        }));

    /// <summary>One prepared statement for the whole batch: a rebuild inserts every published story.</summary>
    protected override async Task InsertAsync(FolioDb db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var insert = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
            insert.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            insert.CommandText = "INSERT OR REPLACE INTO StorySearch (rowid, title, subtitle, body, tags, author) VALUES ($id, $title, $subtitle, $body, $tags, $author)";
            var (id, title, subtitle, body, tags, author) = (insert.Parameters.Add("$id", SqliteType.Integer), insert.Parameters.Add("$title", SqliteType.Text),
                insert.Parameters.Add("$subtitle", SqliteType.Text), insert.Parameters.Add("$body", SqliteType.Text),
                insert.Parameters.Add("$tags", SqliteType.Text), insert.Parameters.Add("$author", SqliteType.Text));
            foreach (var d in documents)
            {
                (id.Value, title.Value, subtitle.Value, body.Value, tags.Value, author.Value) = (d.StoryId, d.Title, d.Subtitle, d.Body, d.Tags, d.Author);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class MarkedRow
    {
        public int StoryId { get; init; }
        public string MarkedTitle { get; init; } = "";
        public string MarkedSubtitle { get; init; } = "";
        public string MarkedSnippet { get; init; } = "";
    }
}
