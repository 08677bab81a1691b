using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Labels;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Folio.Features.Curation;

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class TopStoriesModel(FolioDb db, PageHead head, CurrentReadingChoices readers) : PageModel
{
    public PagedList<TopStory> Stories { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Stories = await TopStoryList.LoadAsync(db, await readers.ForAsync(User, cancellationToken), PageNumber, Paging.DefaultPageSize, cancellationToken);
        if (Stories.IsPastEnd)
        {
            return NotFound();
        }

        head.Title = "Top stories";
        head.Description = "Stories the moderators picked, each with a note saying why.";
        return Page();
    }
}
