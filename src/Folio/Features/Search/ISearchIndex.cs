using Folio.Data;

namespace Folio.Features.Search;

/// <summary>
/// Full-text search over published stories: title, subtitle, body, tags and author. Each database provider brings its
/// own (SQLite FTS5 now; PostgreSQL tsvector + GIN later), chosen once in SearchSetup. Methods take the FolioDb of the
/// caller so that index writes join the caller's transaction.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Brings these stories' entries in line with the database: a published story is (re)indexed, any other story, or a deleted one, is removed.</summary>
    Task UpdateAsync(FolioDb db, IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken = default);

    /// <summary>Re-indexes every story by these authors, after their names change.</summary>
    Task UpdateAuthorsAsync(FolioDb db, IReadOnlyCollection<string> authorIds, CancellationToken cancellationToken = default);

    Task RebuildAsync(FolioDb db, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds when the index does not hold exactly the published stories, as after the migration that creates it.</summary>
    Task EnsureBuiltAsync(FolioDb db, CancellationToken cancellationToken = default);

    /// <summary>
    /// Best match first among the newest <see cref="SearchOptions.MostCounted"/> matches, so that a word in every story
    /// costs what a page of results costs. An empty query finds nothing.
    /// </summary>
    Task<SearchResults> SearchAsync(FolioDb db, SearchQuery query, SearchFilter filter, int page, int pageSize, CancellationToken cancellationToken = default);
}

/// <summary>
/// What narrows the results: a community, a tag, and what the reader chose to hide (<see cref="Labels.ReadingChoices"/>),
/// given as the story's own columns: AI-generated is <see cref="Labels.StoryMaking.AiGenerated"/>, warnings are bits.
/// </summary>
public sealed record SearchFilter(int? CommunityId, int? TagId, bool HideAiGenerated = false, int HiddenWarnings = 0)
{
    public bool Hides => HideAiGenerated || HiddenWarnings != 0;

    public int HiddenMaking => HideAiGenerated ? (int)Labels.StoryMaking.AiGenerated : -1;
}

/// <summary>
/// One matching story. Rank orders hits (lower is better); the title, subtitle and snippet carry highlight markers
/// (SearchMarkup.Open and Close) around the matched words, to be turned into HTML by SearchMarkup.ToHtml.
/// </summary>
public sealed record SearchHit(int StoryId, double Rank, string MarkedTitle, string MarkedSubtitle, string MarkedSnippet);

/// <summary>
/// TotalCount stops at <see cref="SearchOptions.MostCounted"/>: past it, MoreThanCounted says so, and the results are
/// the best of the newest that many matches (paging reaches no further).
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int TotalCount, bool MoreThanCounted = false)
{
    public static readonly SearchResults None = new([], 0);
}
