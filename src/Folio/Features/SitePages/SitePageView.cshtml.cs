using Folio.Features.Caching;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Folio.Features.SitePages;

[OutputCache(PolicyName = PageCachePolicies.Page)]
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
