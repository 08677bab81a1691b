namespace Folio.Features.Webhooks;

/// <summary>A URL an admin registered to receive a signed JSON POST when one of its events happens.</summary>
public sealed class Webhook
{
    public int Id { get; private set; }
    public required string Url { get; set; }

    /// <summary>The key of the HMAC-SHA256 signature each delivery carries; shown to the admin so the receiver can check it.</summary>
    public required string Secret { get; set; }

    public List<string> Events { get; set; } = [];
    public string Description { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public List<WebhookDelivery> Deliveries { get; set; } = [];
}
