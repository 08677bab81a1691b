using System.Linq.Expressions;

namespace Folio.Features.Webhooks;

public enum DeliveryState
{
    Queued,
    Retrying,
    Delivered,
    Abandoned,
}

/// <summary>Where a delivery stands, as the admin pages show it.</summary>
public sealed record WebhookDeliveryFacts(
    long Id, int WebhookId, string Event, DateTime CreatedAt, int Attempts, DateTime? NextAttemptAt, DateTime? LastAttemptAt,
    int? LastStatusCode, string? LastError, DateTime? DeliveredAt, DateTime? AbandonedAt)
{
    public static readonly Expression<Func<WebhookDelivery, WebhookDeliveryFacts>> Projection = d => new WebhookDeliveryFacts(
        d.Id, d.WebhookId, d.Event, d.CreatedAt, d.Attempts, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.DeliveredAt, d.AbandonedAt);

    public DeliveryState State => this switch
    {
        { DeliveredAt: not null } => DeliveryState.Delivered,
        { AbandonedAt: not null } => DeliveryState.Abandoned,
        { Attempts: 0 } => DeliveryState.Queued,
        _ => DeliveryState.Retrying,
    };

    public bool IsFinished => State is DeliveryState.Delivered or DeliveryState.Abandoned;

    public string StateLabel => State switch
    {
        DeliveryState.Delivered => "Delivered",
        DeliveryState.Abandoned => "Abandoned",
        DeliveryState.Queued => "Queued",
        _ => "Retrying",
    };
}
