using Folio.Data;
using Folio.Features.Caching;
using Folio.Pages.Shared;
using Folio.Shared.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

/// <summary>/authors/{username}/series/{slug}: the series' cover, description and the parts readers can see, in order.</summary>
[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class SeriesPageModel(FolioDb db, PageHead head) : PageModel
{
    public StorySeries Series { get; private set; } = null!;
    public string AuthorName { get; private set; } = "";
    public string AuthorUserName { get; private set; } = "";
    public IReadOnlyList<SeriesPart> Parts { get; private set; } = [];
    public string PagePath => Series.Path(AuthorUserName);

    public PictureView? Cover => Series.CoverImageUrl is { } url
        ? new(url, Series.CoverAltText ?? "", "(min-width: 60rem) 56rem, 100vw", Lazy: false)
        : null;

    public async Task<IActionResult> OnGetAsync(string username, string slug, CancellationToken cancellationToken)
    {
        var (normalized, wanted) = (username.ToUpperInvariant(), slug.ToLowerInvariant());
        var found = await db.Series.AsNoTracking()
            .Where(s => s.Author.NormalizedUserName == normalized && s.Slug == wanted)
            .Select(s => new { Series = s, s.Author.DisplayName, s.Author.UserName })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        (Series, AuthorName, AuthorUserName) = (found.Series, found.DisplayName, found.UserName!);
        HttpContext.TagCachedPage(PageCacheTags.Series(Series.Id));
        Parts = await SeriesParts.ReadableAsync(db, Series.Id, cancellationToken);
        head.Title = $"{Series.Title} · a series by {AuthorName}";
        head.Description = string.IsNullOrWhiteSpace(Series.Description) ? $"A series by {AuthorName}." : Series.Description;
        head.ImageUrl = Series.CoverImageUrl;
        head.AddFeeds(Series.Title, PagePath);
        return Page();
    }
}
