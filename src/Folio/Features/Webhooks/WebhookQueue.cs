using Folio.Data;

namespace Folio.Features.Webhooks;

/// <summary>Deliveries an admin asks for by hand: a test ping, or a finished delivery sent again.</summary>
public sealed class WebhookQueue(FolioDb db, WebhookSignal signal, TimeProvider clock)
{
    public void Ping(Webhook webhook)
    {
        var deliveryId = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var data = WebhookPayload.PingData(new WebhookPing(webhook.Id, webhook.Url, "A test delivery from Folio: if you can read this, the webhook works."));
        Add(new WebhookDelivery
        {
            WebhookId = webhook.Id,
            DeliveryId = deliveryId,
            Event = WebhookEvents.Ping,
            Payload = WebhookPayload.Create(WebhookEvents.Ping, deliveryId, now, data),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>
    /// A new row, so the log keeps what happened to the first; the same delivery id and body, since it is the same
    /// event, and a receiver that did handle it can tell.
    /// </summary>
    public void SendAgain(WebhookDelivery finished)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Add(new WebhookDelivery
        {
            WebhookId = finished.WebhookId,
            DeliveryId = finished.DeliveryId,
            Event = finished.Event,
            Payload = finished.Payload,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    private void Add(WebhookDelivery delivery)
    {
        db.WebhookDeliveries.Add(delivery);
        db.SavedChanges += (_, _) => signal.Wake();
    }
}
