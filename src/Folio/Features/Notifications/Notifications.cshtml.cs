using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Notifications;

[Authorize(Policy = Policies.SignedIn)]
public sealed class NotificationsModel(NotificationFeed feed, PageHead head) : PageModel
{
    public PagedList<NotificationLine> Lines { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Lines = await feed.PageAsync(Me, PageNumber, cancellationToken);
        if (Lines.IsPastEnd)
        {
            return NotFound();
        }

        head.Title = "Notifications";
        return Page();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var marked = await feed.MarkAllReadAsync(Me, cancellationToken);
        StatusMessage = marked == 0 ? "You were all caught up already." : "All caught up: every notification is marked as read.";
        return RedirectToPage();
    }

    private string Me => User.RequiredUserId();
}
