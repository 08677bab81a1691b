using System.Globalization;
using System.Text;
using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Search;

/// <summary>
/// The StorySearch table of the PostgreSQL SearchIndex migration: the story's text and a weighted tsvector over it
/// with a GIN index. Text is folded (lower case, diacritics removed) on both sides in .NET, and the 'simple'
/// configuration is used, so matching is the same as FTS5's unicode61 on SQLite: no stemming, "cafe" finds "café",
/// every word a prefix, quoted words a phrase.
/// </summary>
public sealed class PostgresSearchIndex(ILogger<PostgresSearchIndex> logger, IOptions<SearchOptions> options) : StorySearchTable(logger, options)
{
    protected override Task DeleteAsync(FolioDb db, int[] storyIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "StorySearch" WHERE "StoryId" = ANY({storyIds})""", cancellationToken);

    protected override Task DeleteAllAsync(FolioDb db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "StorySearch" """, cancellationToken);

    protected override IQueryable<int> IndexedIds(FolioDb db) =>
        db.Database.SqlQuery<int>($"""SELECT "StoryId" AS "Value" FROM "StorySearch" """);

    protected override Task<List<int>> NewestMatchesAsync(FolioDb db, SearchQuery query, SearchFilter filter, int count, CancellationToken cancellationToken)
    {
        var (match, community, tag) = (TsQuery(query), filter.CommunityId, filter.TagId);
        var (hides, making, warnings) = (filter.Hides, filter.HiddenMaking, filter.HiddenWarnings);
        return db.Database.SqlQuery<int>($"""
            SELECT x."StoryId" AS "Value" FROM "StorySearch" x
            WHERE x."Document" @@ to_tsquery('simple', {match})
              AND ({community}::int IS NULL OR x."StoryId" IN (SELECT s."Id" FROM "Stories" s WHERE s."CommunityId" = {community}))
              AND ({tag}::int IS NULL OR x."StoryId" IN (SELECT t."StoriesId" FROM "StoryTags" t WHERE t."TagsId" = {tag}))
              AND (NOT {hides} OR EXISTS (SELECT 1 FROM "Stories" h WHERE h."Id" = x."StoryId" AND h."Making" <> {making} AND (h."Warnings" & {warnings}) = 0))
            ORDER BY x."StoryId" DESC
            LIMIT {count}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Every word in the title is a match on weight A; then ts_rank_cd with weights D, C, B, A.</summary>
    protected override Task<List<RankedHit>> RankAsync(
        FolioDb db, SearchQuery query, SearchFilter filter, List<int> window, int skip, int take, CancellationToken cancellationToken)
    {
        var (match, inTitle, ids) = (TsQuery(query), TsQuery(query, weight: "A"), window.ToArray());
        return db.Database.SqlQuery<RankedHit>($"""
            SELECT x."StoryId",
                   -ts_rank_cd(ARRAY[0.1, 0.3, 0.4, 1.0]::float4[], x."Document", to_tsquery('simple', {match}))::float8 AS "Rank",
                   x."Document" @@ to_tsquery('simple', {inTitle}) AS "InTitle"
            FROM "StorySearch" x
            WHERE x."StoryId" = ANY({ids})
            ORDER BY "InTitle" DESC, "Rank", x."StoryId" DESC
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
    }

    protected override async Task<List<SearchHit>> MarkAsync(FolioDb db, SearchQuery query, int[] storyIds, CancellationToken cancellationToken)
    {
        var match = TsQuery(query);
        var highlight = $"StartSel=\"{SearchMarkup.Open}\", StopSel=\"{SearchMarkup.Close}\", HighlightAll=true";
        var snippet = $"StartSel=\"{SearchMarkup.Open}\", StopSel=\"{SearchMarkup.Close}\", MaxWords=28, MinWords=20, ShortWord=1";
        var rows = await db.Database.SqlQuery<MarkedRow>($"""
            SELECT x."StoryId",
                   ts_headline('simple', x."Title", to_tsquery('simple', {match}), {highlight}) AS "MarkedTitle",
                   ts_headline('simple', x."Subtitle", to_tsquery('simple', {match}), {highlight}) AS "MarkedSubtitle",
                   ts_headline('simple', x."Body", to_tsquery('simple', {match}), {snippet}) AS "MarkedSnippet"
            FROM "StorySearch" x
            WHERE x."StoryId" = ANY({storyIds})
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SearchHit(r.StoryId, 0, Unshield(r.MarkedTitle), Unshield(r.MarkedSubtitle), Unshield(r.MarkedSnippet)))];
    }

    /// <summary>
    /// `'river':* &amp; 'slow' &lt;-&gt; 'water'`: each lexeme quoted, so nothing typed is ever an operator; with a
    /// weight, only lexemes of that weight match (`'river':*A`).
    /// </summary>
    public static string TsQuery(SearchQuery query, string weight = "") =>
        string.Join(" & ", query.Terms.Select(term =>
        {
            var lexemes = term.Words.Select(w => "'" + Fold(w).Replace("'", "''", StringComparison.Ordinal) + "'").ToList();
            return term.Quoted || term.Words[0].Length < 2
                ? "(" + string.Join(" <-> ", lexemes.Select(l => weight.Length == 0 ? l : l + ":" + weight)) + ")"
                : lexemes[0] + ":*" + weight;
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
                ON CONFLICT ("StoryId") DO UPDATE SET "Title" = excluded."Title", "Subtitle" = excluded."Subtitle", "Body" = excluded."Body",
                    "FoldedTitle" = excluded."FoldedTitle", "Document" = excluded."Document"
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

    private sealed class MarkedRow
    {
        public int StoryId { get; init; }
        public string MarkedTitle { get; init; } = "";
        public string MarkedSubtitle { get; init; } = "";
        public string MarkedSnippet { get; init; } = "";
    }
}
