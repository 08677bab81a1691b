using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Moderation;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Federation.Moderation;

/// <summary>Local creators and communities by how many people on other servers follow them.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class FollowersPageModel(FolioDb db, FollowedActors followed, PageHead head) : PageModel
{
    private const int PageSize = 25;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<FollowedActor> Followed { get; private set; } = null!;
    public ModerationTabs Tabs { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Remote followers";
        var (page, total) = await followed.PageAsync(PageNumber, PageSize, cancellationToken);
        Followed = new PagedList<FollowedActor>(page, Math.Clamp(PageNumber, 1, 100_000), PageSize, total);
        if (Followed.IsPastEnd)
        {
            return NotFound();
        }

        Tabs = await ModerationTabs.LoadAsync(db, "fediverse", cancellationToken);
        return Page();
    }
}
