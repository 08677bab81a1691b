using System.Globalization;
using System.Text;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

/// <summary>
/// The StorySearch table of the PostgreSQL SearchIndex migration: the story's text and a weighted tsvector over it
/// with a GIN index. Text is folded (lower case, diacritics removed) on both sides in .NET, and the 'simple'
/// configuration is used, so matching is the same as FTS5's unicode61 on SQLite: no stemming, "cafe" finds "café",
/// every word a prefix, quoted words a phrase.
/// </summary>
public sealed class PostgresSearchIndex(ILogger<PostgresSearchIndex> logger) : StorySearchTable(logger)
{
    protected override Task DeleteAsync(FolioDb db, int[] storyIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "StorySearch" WHERE "StoryId" = ANY({storyIds})""", cancellationToken);

    protected override Task DeleteAllAsync(FolioDb db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "StorySearch" """, cancellationToken);

    protected override IQueryable<int> IndexedIds(FolioDb db) =>
        db.Database.SqlQuery<int>($"""SELECT "StoryId" AS "Value" FROM "StorySearch" """);

    public override async Task<SearchResults> SearchAsync(FolioDb db, SearchQuery query, SearchFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty)
        {
            return new SearchResults([], 0);
        }

        var match = TsQuery(query);
        var (community, tag) = (filter.CommunityId, filter.TagId);
        var highlight = $"StartSel=\"{SearchMarkup.Open}\", StopSel=\"{SearchMarkup.Close}\", HighlightAll=true";
        var snippet = $"StartSel=\"{SearchMarkup.Open}\", StopSel=\"{SearchMarkup.Close}\", MaxWords=28, MinWords=20, ShortWord=1";
        var skip = (Math.Max(page, 1) - 1) * pageSize;
        var total = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*)::int AS "Value" FROM "StorySearch" x JOIN "Stories" s ON s."Id" = x."StoryId"
            WHERE x."Document" @@ to_tsquery('simple', {match})
              AND ({community}::int IS NULL OR s."CommunityId" = {community})
              AND ({tag}::int IS NULL OR EXISTS (SELECT 1 FROM "StoryTags" t WHERE t."StoriesId" = s."Id" AND t."TagsId" = {tag}))
            """).SingleAsync(cancellationToken);
        // As on SQLite: stories with every word in the title first, then rank (weights D, C, B, A), then newest.
        List<HitRow> rows = total <= skip ? [] : await db.Database.SqlQuery<HitRow>($"""
            SELECT x."StoryId",
                   -ts_rank_cd(ARRAY[0.1, 0.3, 0.4, 1.0]::float4[], x."Document", to_tsquery('simple', {match}))::float8 AS "Rank",
                   ts_headline('simple', x."Title", to_tsquery('simple', {match}), {highlight}) AS "MarkedTitle",
                   ts_headline('simple', x."Subtitle", to_tsquery('simple', {match}), {highlight}) AS "MarkedSubtitle",
                   ts_headline('simple', x."Body", to_tsquery('simple', {match}), {snippet}) AS "MarkedSnippet"
            FROM "StorySearch" x JOIN "Stories" s ON s."Id" = x."StoryId"
            WHERE x."Document" @@ to_tsquery('simple', {match})
              AND ({community}::int IS NULL OR s."CommunityId" = {community})
              AND ({tag}::int IS NULL OR EXISTS (SELECT 1 FROM "StoryTags" t WHERE t."StoriesId" = s."Id" AND t."TagsId" = {tag}))
            ORDER BY (setweight(to_tsvector('simple', x."FoldedTitle"), 'A') @@ to_tsquery('simple', {match})) DESC, "Rank", s."PublishedAt" DESC
            LIMIT {pageSize} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        return new SearchResults(
            rows.Select(r => new SearchHit(r.StoryId, r.Rank, Unshield(r.MarkedTitle), Unshield(r.MarkedSubtitle), Unshield(r.MarkedSnippet))).ToList(),
            total);
    }

    /// <summary>`'river':* &amp; 'slow' &lt;-&gt; 'water'`: each lexeme quoted, so nothing typed is ever an operator.</summary>
    public static string TsQuery(SearchQuery query) =>
        string.Join(" & ", query.Terms.Select(term =>
        {
            var lexemes = term.Words.Select(w => "'" + Fold(w).Replace("'", "''", StringComparison.Ordinal) + "'").ToList();
            return term.Quoted || term.Words[0].Length < 2 ? "(" + string.Join(" <-> ", lexemes) + ")" : lexemes[0] + ":*";
        }));

    /// <summary>Lower case without diacritics, the form both the documents and the queries are matched in.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    protected override async Task InsertAsync(FolioDb db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var d in documents)
        {
            var (title, subtitle, body) = (Fold(d.Title), Fold(d.Subtitle), Fold(d.Body));
            var tagsAndAuthor = Fold(d.Tags + " " + d.Author);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "StorySearch" ("StoryId", "Title", "Subtitle", "Body", "FoldedTitle", "Document")
                VALUES ({d.StoryId}, {Shield(d.Title)}, {Shield(d.Subtitle)}, {Shield(d.Body)}, {title},
                    setweight(to_tsvector('simple', {title}), 'A') || setweight(to_tsvector('simple', {subtitle}), 'B')
                    || setweight(to_tsvector('simple', {tagsAndAuthor}), 'C') || setweight(to_tsvector('simple', {body}), 'D'))
                """, cancellationToken);
        }
    }

    // ts_headline's parser reads "<b>" and "&amp;" in the text as markup and drops them; a story that writes them as
    // text must keep them, so they are stored as their small form variants (punctuation, so still word breaks) and put
    // back in the results.
    private static readonly (char Text, char Stored)[] Shielded = [('<', '\uFE64'), ('>', '\uFE65'), ('&', '\uFE60')];

    private static string Shield(string text) =>
        Shielded.Aggregate(Shielded.Aggregate(text, (t, s) => t.Replace(s.Stored, ' ')), (t, s) => t.Replace(s.Text, s.Stored));

    private static string Unshield(string text) => Shielded.Aggregate(text, (t, s) => t.Replace(s.Stored, s.Text));

    private sealed class HitRow
    {
        public int StoryId { get; init; }
        public double Rank { get; init; }
        public string MarkedTitle { get; init; } = "";
        public string MarkedSubtitle { get; init; } = "";
        public string MarkedSnippet { get; init; } = "";
    }
}
