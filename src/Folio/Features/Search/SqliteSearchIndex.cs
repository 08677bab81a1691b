using System.Text.Json;
using Folio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

/// <summary>
/// The StorySearch FTS5 table (created by the SearchIndex migration): rowid = story id, published stories only,
/// tokenised by unicode61 with diacritics removed, so "cafe" finds "café" and the other way round.
/// </summary>
public sealed class SqliteSearchIndex(ILogger<SqliteSearchIndex> logger) : StorySearchTable(logger)
{
    private const int SnippetTokens = 28;

    protected override Task DeleteAsync(FolioDb db, int[] storyIds, CancellationToken cancellationToken)
    {
        var ids = JsonSerializer.Serialize(storyIds);
        return db.Database.ExecuteSqlAsync($"DELETE FROM StorySearch WHERE rowid IN (SELECT value FROM json_each({ids}))", cancellationToken);
    }

    protected override Task DeleteAllAsync(FolioDb db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM StorySearch", cancellationToken);

    // FTS5's own table of one small row (id, column sizes) per indexed story; StorySearch itself scans the text.
    protected override IQueryable<int> IndexedIds(FolioDb db) =>
        db.Database.SqlQuery<int>($"SELECT id AS Value FROM StorySearch_docsize");

    public override async Task<SearchResults> SearchAsync(FolioDb db, SearchQuery query, SearchFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty)
        {
            return new SearchResults([], 0);
        }

        var match = MatchExpression(query);
        var inTitle = $"title : ({match})";
        var (community, tag) = (filter.CommunityId, filter.TagId);
        var (open, close) = (SearchMarkup.Open.ToString(), SearchMarkup.Close.ToString());
        var skip = (Math.Max(page, 1) - 1) * pageSize;
        try
        {
            var total = await db.Database.SqlQuery<int>($"""
                SELECT COUNT(*) AS Value FROM StorySearch JOIN Stories ON Stories.Id = StorySearch.rowid
                WHERE StorySearch MATCH {match}
                  AND ({community} IS NULL OR Stories.CommunityId = {community})
                  AND ({tag} IS NULL OR EXISTS (SELECT 1 FROM StoryTags WHERE StoryTags.StoriesId = Stories.Id AND StoryTags.TagsId = {tag}))
                """).SingleAsync(cancellationToken);
            // Stories with every word in the title come first; then bm25, with weights per column in table order: a
            // word in the title counts ten times one in the body; in the subtitle (the story's own summary) four
            // times; in a tag, chosen to say what the story is about, three times; in the author's name twice, so a
            // name finds that author's stories before stories that mention it. FTS5's bm25 normalises by the length
            // of the whole row, so without the title tier a long story titled "river" would fall behind a short poem
            // that says "river" five times.
            List<HitRow> rows = total <= skip ? [] : await db.Database.SqlQuery<HitRow>($"""
                SELECT StorySearch.rowid AS StoryId, bm25(StorySearch, 10.0, 4.0, 1.0, 3.0, 2.0) AS Rank,
                       highlight(StorySearch, 0, {open}, {close}) AS MarkedTitle,
                       highlight(StorySearch, 1, {open}, {close}) AS MarkedSubtitle,
                       snippet(StorySearch, 2, {open}, {close}, '…', {SnippetTokens}) AS MarkedSnippet
                FROM StorySearch JOIN Stories ON Stories.Id = StorySearch.rowid
                WHERE StorySearch MATCH {match}
                  AND ({community} IS NULL OR Stories.CommunityId = {community})
                  AND ({tag} IS NULL OR EXISTS (SELECT 1 FROM StoryTags WHERE StoryTags.StoriesId = Stories.Id AND StoryTags.TagsId = {tag}))
                ORDER BY StorySearch.rowid IN (SELECT rowid FROM StorySearch WHERE StorySearch MATCH {inTitle}) DESC, Rank, Stories.PublishedAt DESC
                LIMIT {pageSize} OFFSET {skip}
                """).ToListAsync(cancellationToken);
            return new SearchResults(rows.Select(r => new SearchHit(r.StoryId, r.Rank, r.MarkedTitle, r.MarkedSubtitle, r.MarkedSnippet)).ToList(), total);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == 1)
        {
            // The query is built from letters and digits only, so this should not happen; if some character still
            // upsets FTS5, the person gets "no results" rather than an error page.
            logger.LogWarning(error, "FTS5 rejected the search expression {Match}", match);
            return new SearchResults([], 0);
        }
    }

    /// <summary>Every word quoted (so no word is ever an operator) and matched as a prefix; phrases exactly; all required.</summary>
    public static string MatchExpression(SearchQuery query) =>
        string.Join(" AND ", query.Terms.Select(term =>
        {
            var quoted = "\"" + string.Join(' ', term.Words).Replace("\"", "\"\"") + "\"";
            return term.Quoted || term.Words[0].Length < 2 ? quoted : quoted + "*";
        }));

    protected override async Task InsertAsync(FolioDb db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var d in documents)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO StorySearch (rowid, title, subtitle, body, tags, author) VALUES ({d.StoryId}, {d.Title}, {d.Subtitle}, {d.Body}, {d.Tags}, {d.Author})",
                cancellationToken);
        }
    }

    private sealed class HitRow
    {
        public int StoryId { get; init; }
        public double Rank { get; init; }
        public string MarkedTitle { get; init; } = "";
        public string MarkedSubtitle { get; init; } = "";
        public string MarkedSnippet { get; init; } = "";
    }
}
