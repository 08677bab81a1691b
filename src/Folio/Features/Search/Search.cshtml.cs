using Folio.Data;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Search;

public sealed record SearchResult(StoryCard Card, IHtmlContent Title, IHtmlContent Subtitle, IHtmlContent Snippet);

/// <summary>/search?q=…&amp;community=…&amp;tag=…&amp;page=…: any query string answers with a page.</summary>
public sealed class SearchModel(FolioDb db, ISearchIndex index, IOptions<SearchOptions> options, CurrentReadingChoices readers, PageHead head) : PageModel
{
    public const int PageSize = 10;

    /// <summary>How many communities and tags the filters offer to pick; any other is typed.</summary>
    public const int FilterChoices = 50;

    private const int PopularTagCount = 24;
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

    /// <summary>Every community fits in a list to pick from; otherwise the community is typed, with the top few offered.</summary>
    public bool AllCommunitiesListed => Communities.Count < FilterChoices;

    public List<TagSuggestion> Tags { get; private set; } = [];
    public List<TagSuggestion> PopularTags { get; private set; } = [];
    public List<TagSuggestion> SimilarTags { get; private set; } = [];
    public List<StoryCard> Newest { get; private set; } = [];

    /// <summary>The query as typed, shortened for headings; the search box keeps what the engine used.</summary>
    public string Display => (Q ?? "").Trim() is var typed && typed.Length > DisplayLength ? Shorten(typed, DisplayLength) + "…" : (Q ?? "").Trim();

    /// <summary>More stories match than were counted; the results are the best of the newest that were.</summary>
    public bool MoreThanCounted { get; private set; }

    /// <summary>A community or tag was typed that does not exist (or has no stories): the results are not filtered by it.</summary>
    public string? UnknownCommunity => SelectedCommunity is null && !string.IsNullOrWhiteSpace(Community) ? Community.Trim() : null;

    public string? UnknownTag => SelectedTag is null && !string.IsNullOrWhiteSpace(Tag) ? Tag.Trim() : null;

    public bool HasFilters => SelectedCommunity is not null || SelectedTag is not null;
    public FilterOption? SelectedCommunity { get; private set; }
    public FilterOption? SelectedTag { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Q = Shorten(Q?.Replace('\0', ' ') ?? "", SearchQuery.MaxLength);
        Query = SearchQuery.Parse(Q);
        Communities = await SearchSuggestions.TopCommunitiesAsync(db, FilterChoices, cancellationToken);
        Tags = await SearchSuggestions.PopularTagsAsync(db, FilterChoices, cancellationToken);
        SelectedCommunity = await SearchSuggestions.FindCommunityAsync(db, Community, cancellationToken);
        SelectedTag = await SearchSuggestions.FindTagAsync(db, Tag, cancellationToken);

        if (string.IsNullOrWhiteSpace(Q))
        {
            head.Title = "Search";
            head.Description = "Search every story by title, words, tags and author.";
            PopularTags = Tags.Take(PopularTagCount).ToList();
            return Page();
        }

        head.Title = $"Results for “{Display}”";
        Response.Headers["X-Robots-Tag"] = "noindex";
        head.NoIndex = true;
        var choices = await readers.ForAsync(User, cancellationToken);
        Results = await SearchAsync(choices, cancellationToken);
        if (Results.TotalCount == 0)
        {
            SimilarTags = await SearchSuggestions.SimilarTagsAsync(db, Query, cancellationToken);
            Newest = await SearchSuggestions.NewestAsync(db, choices, 3, cancellationToken);
        }

        return Page();
    }

    private async Task<PagedList<SearchResult>> SearchAsync(ReadingChoices choices, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter(SelectedCommunity?.Id, SelectedTag?.Id, choices.HideAiGenerated, (int)choices.HiddenWarnings);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, options.Value.MostCounted / PageSize));
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
        MoreThanCounted = found.MoreThanCounted;
        return new PagedList<SearchResult>(results, page, PageSize, found.TotalCount);
    }

    /// <summary>The same words, in every community and under every tag.</summary>
    public string UnfilteredUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/search", "q", Q ?? "");

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
