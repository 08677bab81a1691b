using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Insights;

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
