using Folio.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Newsletters;

/// <summary>The subscribers section of the author's dashboard: how many get each new story by email, in a digest, or not at all.</summary>
public sealed class SubscribersPanelViewComponent(NewsletterNumbers numbers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Newsletters/_SubscribersPanel.cshtml",
            await numbers.SubscribersAsync(UserClaimsPrincipal.RequiredUserId(), HttpContext.RequestAborted));
}
