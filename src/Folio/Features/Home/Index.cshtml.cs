using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Explore;
using Folio.Features.Stories;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Home;

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class IndexModel(FolioDb db, StoryRankings rankings) : PageModel
{
    public IReadOnlyList<StoryCard> Featured { get; private set; } = [];
    public PagedList<StoryCard> Latest { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Every published story is in one community, so their stored counts add up to the site's.
        var published = await db.Communities.SumAsync(c => c.StoryCount, cancellationToken);
        Latest = await db.Stories.Published().NewestFirst().ToCards().ToPagedListOfCountAsync(PageNumber, published, cancellationToken: cancellationToken);
        if (Latest.IsPastEnd && Latest.TotalCount > 0)
        {
            return NotFound();
        }

        if (Latest.Page == 1)
        {
            Featured = await db.Stories.CardsInOrderAsync((await rankings.GetAsync(cancellationToken)).Featured, cancellationToken);
        }

        return Page();
    }
}
