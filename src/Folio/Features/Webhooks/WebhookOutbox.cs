using Folio.Data;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Webhooks;

/// <summary>
/// Queues a delivery for every active webhook subscribed to an event that a save raises (see <see cref="WebhookTriggers"/>),
/// in the same transaction as the change, so a crash loses neither or both. The deliveries are written just after
/// the change itself, because a new story's or comment's id, which the payload carries, exists only once it is
/// inserted (<see cref="SavePipeline"/> holds both in one transaction). A save that raises nothing
/// never reads the webhooks table.
/// </summary>
public sealed class WebhookOutbox(SaveTimeSiteUrls links, WebhookSignal signal, TimeProvider clock) : ISaveObserver
{
    public async ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var raised = WebhookTriggers.Detect(db.ChangeTracker);
        if (raised.Count == 0)
        {
            return null;
        }

        // A tiny table, read only when something worth telling happened; no cache to keep in step across nodes.
        var hooks = await db.Webhooks.AsNoTracking().Where(w => w.Active).Select(w => new { w.Id, w.Events }).ToListAsync(cancellationToken);
        var wanted = raised
            .Select(e => new Wanted(e, [.. hooks.Where(h => h.Events.Contains(e.Name)).Select(h => h.Id)]))
            .Where(w => w.WebhookIds.Count > 0)
            .ToList();
        if (wanted.Count == 0)
        {
            return null;
        }

        return new Deliveries(this, wanted, signal);
    }

    private async Task QueueAsync(FolioDb db, List<Wanted> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var data = new WebhookEventData(db, links.Current());
        foreach (var (raised, webhookIds) in events)
        {
            var body = await data.ForAsync(raised, cancellationToken);
            foreach (var webhookId in webhookIds)
            {
                var deliveryId = Guid.NewGuid();
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    WebhookId = webhookId,
                    DeliveryId = deliveryId,
                    Event = raised.Name,
                    Payload = WebhookPayload.Create(raised.Name, deliveryId, now, body),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Wanted(RaisedEvent Event, List<int> WebhookIds);

    private sealed class Deliveries(WebhookOutbox outbox, List<Wanted> events, WebhookSignal signal) : ISaveEffect
    {
        public Task SavedAsync(FolioDb db, CancellationToken cancellationToken) => outbox.QueueAsync(db, events, cancellationToken);

        /// <summary>Woken once the deliveries are committed: before that the worker could not see them.</summary>
        public Task CommittedAsync()
        {
            signal.Wake();
            return Task.CompletedTask;
        }
    }
}
