using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Webhooks;

public sealed record LoggedDelivery(WebhookDeliveryFacts Facts, Guid DeliveryId, string Payload);

[Authorize(Policy = Policies.Administer)]
public sealed class WebhookDeliveriesModel(FolioDb db, WebhookQueue queue, PageHead head) : PageModel
{
    public const int PageSize = 25;

    public Webhook Webhook { get; private set; } = null!;
    public PagedList<LoggedDelivery> Deliveries { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var webhook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (webhook is null)
        {
            return NotFound();
        }

        Webhook = webhook;
        head.Title = "Webhook deliveries";
        head.NoIndex = true;
        Deliveries = await db.WebhookDeliveries.Where(d => d.WebhookId == id)
            .OrderByDescending(d => d.Id)
            .Select(d => new LoggedDelivery(new WebhookDeliveryFacts(d.Id, d.WebhookId, d.Event, d.CreatedAt, d.Attempts, d.NextAttemptAt,
                d.LastAttemptAt, d.LastStatusCode, d.LastError, d.DeliveredAt, d.AbandonedAt), d.DeliveryId, d.Payload))
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken);
        return Deliveries.IsPastEnd ? NotFound() : Page();
    }

    /// <summary>Only a finished delivery is sent again: one still waiting will be tried anyway.</summary>
    public async Task<IActionResult> OnPostSendAgainAsync(int id, long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.WebhookId == id, cancellationToken);
        if (delivery is null)
        {
            return NotFound();
        }

        if (delivery.DeliveredAt is null && delivery.AbandonedAt is null)
        {
            StatusMessage = "That delivery is still waiting to be sent; it is tried again on its own.";
        }
        else
        {
            queue.SendAgain(delivery);
            await db.SaveChangesAsync(cancellationToken);
            StatusMessage = $"The {delivery.Event} delivery is queued to be sent again. It appears at the top of the log.";
        }

        return Redirect($"/admin/webhooks/{id}/deliveries");
    }
}
