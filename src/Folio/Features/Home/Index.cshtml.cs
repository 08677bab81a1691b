using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Explore;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Home;

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class IndexModel(FolioDb db, StoryRankings rankings, CurrentReadingChoices readers) : PageModel
{
    public IReadOnlyList<StoryCard> Featured { get; private set; } = [];
    public PagedList<StoryCard> Latest { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Featured stories head the first page, so Latest leaves them out on every page: each story is shown once on a
        // page, and the pages after the first follow on from it without a gap.
        var featured = (await rankings.GetAsync(cancellationToken)).Featured;
        var choices = await readers.ForAsync(User, cancellationToken);
        // Every published story is in one community, so their stored counts add up to the site's.
        var published = choices.HidesAnything ? 0 : await db.Communities.SumAsync(c => c.StoryCount, cancellationToken);
        Latest = await db.Stories.Published().VisibleTo(choices).Where(s => !featured.Contains(s.Id)).NewestFirst().ToCards()
            .ToPagedListForAsync(choices, PageNumber, Math.Max(0, published - featured.Count), cancellationToken);
        if (Latest.IsPastEnd)
        {
            return NotFound();
        }

        if (Latest.Page == 1)
        {
            Featured = await db.Stories.VisibleTo(choices).CardsInOrderAsync(featured, cancellationToken);
        }

        return Page();
    }
}
