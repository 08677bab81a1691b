using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Tags;

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class TagPageModel(FolioDb db, PageHead head, CurrentReadingChoices readers) : PageModel
{
    public Tag Tag { get; private set; } = null!;
    public PagedList<StoryCard> Stories { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken cancellationToken)
    {
        var slug = TagSlug.From(tag);
        var found = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (slug != tag)
        {
            return RedirectPermanent($"/tags/{slug}");
        }

        Tag = found;
        var choices = await readers.ForAsync(User, cancellationToken);
        Stories = await db.Tags.TaggedWith(found.Id).Published().VisibleTo(choices)
            .NewestFirst().ToCards().ToPagedListForAsync(choices, PageNumber, found.StoryCount, cancellationToken);
        if (Stories.IsPastEnd)
        {
            return NotFound();
        }

        head.Title = $"Stories tagged {found.Name}";
        head.Description = $"Stories about {found.Name} from every community.";
        head.AddFeeds($"Stories tagged {found.Name}", $"/tags/{found.Slug}");
        return Page();
    }
}
