using Folio.Data;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

public sealed record SearchResult(StoryCard Card, IHtmlContent Title, IHtmlContent Subtitle, IHtmlContent Snippet);

/// <summary>/search?q=…&amp;community=…&amp;tag=…&amp;page=…: any query string answers with a page.</summary>
public sealed class SearchModel(FolioDb db, ISearchIndex index, PageHead head) : PageModel
{
    public const int PageSize = 10;
    private const int DisplayLength = 80;

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "community")]
    public string? Community { get; set; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);
    public PagedList<SearchResult>? Results { get; private set; }
    public List<FilterOption> Communities { get; private set; } = [];
    public List<FilterOption> Tags { get; private set; } = [];
    public List<TagSuggestion> PopularTags { get; private set; } = [];
    public List<TagSuggestion> SimilarTags { get; private set; } = [];
    public List<StoryCard> Newest { get; private set; } = [];

    /// <summary>The query as typed, shortened for headings; the search box keeps what the engine used.</summary>
    public string Display => (Q ?? "").Trim() is var typed && typed.Length > DisplayLength ? Shorten(typed, DisplayLength) + "…" : (Q ?? "").Trim();

    public bool HasFilters => SelectedCommunity is not null || SelectedTag is not null;
    public FilterOption? SelectedCommunity { get; private set; }
    public FilterOption? SelectedTag { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Q = Shorten(Q?.Replace('\0', ' ') ?? "", SearchQuery.MaxLength);
        Query = SearchQuery.Parse(Q);
        Communities = await SearchSuggestions.CommunitiesAsync(db, cancellationToken);
        Tags = await SearchSuggestions.TagsAsync(db, cancellationToken);
        SelectedCommunity = Communities.FirstOrDefault(c => c.Slug == Community?.Trim().ToLowerInvariant());
        var tagSlug = string.IsNullOrWhiteSpace(Tag) ? null : TagSlug.From(Tag);
        SelectedTag = Tags.FirstOrDefault(t => t.Slug == tagSlug);

        if (string.IsNullOrWhiteSpace(Q))
        {
            head.Title = "Search";
            head.Description = "Search every story by title, words, tags and author.";
            PopularTags = await SearchSuggestions.PopularTagsAsync(db, 24, cancellationToken);
            return Page();
        }

        head.Title = $"Results for “{Display}”";
        Response.Headers["X-Robots-Tag"] = "noindex";
        head.NoIndex = true;
        Results = await SearchAsync(cancellationToken);
        if (Results.TotalCount == 0)
        {
            SimilarTags = await SearchSuggestions.SimilarTagsAsync(db, Query, cancellationToken);
            Newest = await SearchSuggestions.NewestAsync(db, 3, cancellationToken);
        }

        return Page();
    }

    private async Task<PagedList<SearchResult>> SearchAsync(CancellationToken cancellationToken)
    {
        var filter = new SearchFilter(await IdOfCommunityAsync(cancellationToken), await IdOfTagAsync(cancellationToken));
        var page = Math.Clamp(PageNumber, 1, 100_000);
        var found = await index.SearchAsync(db, Query, filter, page, PageSize, cancellationToken);
        if (found.Hits.Count == 0 && found.TotalCount > 0)
        {
            // Past the last page (the results changed, or the URL was edited): show the last one.
            page = (found.TotalCount + PageSize - 1) / PageSize;
            found = await index.SearchAsync(db, Query, filter, page, PageSize, cancellationToken);
        }

        var ids = found.Hits.Select(h => h.StoryId).ToList();
        var cards = await db.Stories.Published().Where(s => ids.Contains(s.Id)).ToCards().ToDictionaryAsync(c => c.Id, cancellationToken);
        var results = found.Hits.Where(h => cards.ContainsKey(h.StoryId))
            .Select(h => new SearchResult(cards[h.StoryId], SearchMarkup.ToHtml(h.MarkedTitle), SearchMarkup.ToHtml(h.MarkedSubtitle), SearchMarkup.ToHtml(h.MarkedSnippet)))
            .ToList();
        return new PagedList<SearchResult>(results, page, PageSize, found.TotalCount);
    }

    private async Task<int?> IdOfCommunityAsync(CancellationToken cancellationToken) =>
        SelectedCommunity is null ? null
            : await db.Communities.Where(c => c.Slug == SelectedCommunity.Slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<int?> IdOfTagAsync(CancellationToken cancellationToken) =>
        SelectedTag is null ? null
            : await db.Tags.Where(t => t.Slug == SelectedTag.Slug).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The same words, in every community and under every tag.</summary>
    public string UnfilteredUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/search", "q", Q ?? "");

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
