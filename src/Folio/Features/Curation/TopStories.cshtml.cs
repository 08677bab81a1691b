using Folio.Data;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Curation;

public sealed class TopStoriesModel(FolioDb db, PageHead head) : PageModel
{
    public PagedList<TopStory> Stories { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Stories = await TopStoryList.LoadAsync(db, PageNumber, Paging.DefaultPageSize, cancellationToken);
        if (Stories.IsPastEnd && Stories.TotalCount > 0)
        {
            return NotFound();
        }

        head.Title = "Top stories";
        head.Description = "Stories the moderators picked, each with a note saying why.";
        return Page();
    }
}
