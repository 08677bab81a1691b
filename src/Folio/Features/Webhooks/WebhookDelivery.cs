namespace Folio.Features.Webhooks;

/// <summary>One event for one webhook: queued in the database, retried with back-off, and kept as the webhook's delivery log.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; private set; }
    public int WebhookId { get; set; }
    public Webhook Webhook { get; set; } = null!;

    /// <summary>Sent as a header so a receiver can ignore a delivery it has already handled.</summary>
    public Guid DeliveryId { get; set; } = Guid.NewGuid();

    public required string Event { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the worker should next try; null once delivered or abandoned.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? AbandonedAt { get; set; }
}
