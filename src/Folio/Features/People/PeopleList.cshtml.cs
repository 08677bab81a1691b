using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.People;

[Authorize(Policy = Policies.Administer)]
public sealed class PeopleListModel(FolioDb db, TimeProvider clock, PageHead head) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<PersonRow> People { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "People";
        head.NoIndex = true;
        People = await PeopleSearch.FindAsync(db, Query, PageNumber, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
