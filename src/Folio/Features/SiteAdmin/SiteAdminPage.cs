using Folio.Shared.Web;
using Folio.Features.Accounts;
using Folio.Features.AdminArea;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.SiteAdmin;

/// <summary>What the /admin/site pages share: admins only, the header, and a form shown again with 400 when refused.</summary>
[Authorize(Policy = Policies.Administer)]
public abstract class SiteAdminPage(PageHead head) : PageModel
{
    public const string Lead = "What visitors see of the site as a whole, and who may join.";

    [TempData]
    public string? Status { get; set; }

    public AdminHeader Header => new("Site", Lead, Status);

    protected void Titled(string title)
    {
        head.Title = title;
        head.NoIndex = true;
    }

    protected IActionResult Refused(IEnumerable<(string Field, string Message)> problems, string prefix)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
        }

        return Refused();
    }

    protected IActionResult Refused()
    {
        return Page().WithStatus(StatusCodes.Status400BadRequest);
    }
}
