using Folio.Features.Caching;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Folio.Features.Insights;

[OutputCache(PolicyName = PageCachePolicies.Page)]
public sealed class HowItWorksModel(PageHead head) : PageModel
{
    public IReadOnlyList<InsightDescription> Qualities => InsightCatalog.All;
    public IReadOnlyList<ImpressionDescription> Impressions => ImpressionCatalog.All;

    public void OnGet()
    {
        head.Title = "How reader insights work";
        head.Description = "Reader insights tell a creator what landed: eight qualities any signed-in reader can recognise in a story.";
    }
}
