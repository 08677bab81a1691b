using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.CommunityAdmin;

public sealed record CommunityRow(string Slug, string Name, string Tagline, string AccentColor, string? LogoUrl, int Stories, int Followers, bool Archived);

[Authorize(Policy = Policies.Administer)]
public sealed class CommunityListModel(FolioDb db, PageHead head) : PageModel
{
    public const int PageSize = 50;

    public PagedList<CommunityRow> Communities { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Communities";
        head.NoIndex = true;
        // Story counts are stored with every save; followers are counted for this page's communities only, from the
        // follows' community index.
        Communities = await db.Communities.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CommunityRow(c.Slug, c.Name, c.Tagline, c.AccentColor, c.LogoUrl, c.StoryCount,
                db.CommunityFollows.Count(f => f.CommunityId == c.Id), c.ArchivedAt != null))
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken: cancellationToken);
    }
}
