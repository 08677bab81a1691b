using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.AdminArea;

[Authorize(Policy = Policies.Moderate)]
public sealed class AdminHomeModel(PageHead head, IAuthorizationService authorization) : PageModel
{
    public bool Admin { get; private set; }

    public async Task OnGetAsync()
    {
        head.Title = "Administration";
        head.NoIndex = true;
        Admin = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
    }
}
