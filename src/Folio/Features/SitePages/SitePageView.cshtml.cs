using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.SitePages;

public sealed class SitePageViewModel(SitePageContent content, PageHead head) : PageModel
{
    public SitePage Text { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        var page = await content.LoadAsync(name, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Text = page;
        head.Title = page.Title;
        return Page();
    }
}
