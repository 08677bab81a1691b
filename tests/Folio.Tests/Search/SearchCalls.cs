using AngleSharp.Html.Dom;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Search;

/// <summary>Reading /search as a visitor does: the result titles in order, and the page itself.</summary>
internal static class SearchCalls
{
    public static Task<IHtmlDocument> SearchAsync(this FolioApp app, string query, string extra = "") =>
        app.GetPageAsync("/search?q=" + Uri.EscapeDataString(query) + extra);

    public static async Task<List<string>> TitlesFoundAsync(this FolioApp app, string query, string extra = "") =>
        (await app.SearchAsync(query, extra)).QuerySelectorAll(".search-result .story-card__title").Select(t => t.TextContent.Trim()).ToList();
}
