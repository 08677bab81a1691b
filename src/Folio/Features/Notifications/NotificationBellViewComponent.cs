using Folio.Features.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Notifications;

/// <summary>The header's bell: one indexed count per page view for a signed-in reader, nothing for a visitor.</summary>
public sealed class NotificationBellViewComponent(NotificationFeed feed) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.UserId() is not { } me)
        {
            return Content("");
        }

        var unread = await feed.UnreadCountAsync(me, HttpContext.RequestAborted);
        return View("~/Features/Notifications/_NotificationBell.cshtml", unread);
    }
}
