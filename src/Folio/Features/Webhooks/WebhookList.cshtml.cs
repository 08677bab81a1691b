using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Webhooks;

public sealed record WebhookSummary(Webhook Webhook, WebhookDeliveryFacts? LastDelivery, int Waiting);

[Authorize(Policy = Policies.Administer)]
public sealed class WebhookListModel(FolioDb db, PageHead head) : PageModel
{
    public IReadOnlyList<WebhookSummary> Webhooks { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Webhooks";
        head.NoIndex = true;
        var webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(cancellationToken);

        // Ids grow with time, so each webhook's latest delivery is its highest id.
        var latestIds = db.WebhookDeliveries.GroupBy(d => d.WebhookId).Select(g => g.Max(d => d.Id));
        var latest = await db.WebhookDeliveries.Where(d => latestIds.Contains(d.Id)).Select(WebhookDeliveryFacts.Projection)
            .ToDictionaryAsync(d => d.WebhookId, cancellationToken);
        var waiting = await db.WebhookDeliveries.Where(d => d.NextAttemptAt != null).GroupBy(d => d.WebhookId)
            .Select(g => new { WebhookId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.WebhookId, g => g.Count, cancellationToken);
        Webhooks = [.. webhooks.Select(w => new WebhookSummary(w, latest.GetValueOrDefault(w.Id), waiting.GetValueOrDefault(w.Id)))];
    }
}
