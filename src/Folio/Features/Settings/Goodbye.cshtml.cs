using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Settings;

/// <summary>Shown once, right after an account is deleted; anyone else who opens it is sent to the front page.</summary>
public sealed class GoodbyeModel(PageHead head) : PageModel
{
    [TempData]
    public bool AccountDeleted { get; set; }

    public IActionResult OnGet()
    {
        if (!AccountDeleted)
        {
            return Redirect("/");
        }

        head.Title = "Your account is deleted";
        return Page();
    }
}
