using Folio.Features.Creators;
using Folio.Features.Newsletters;

namespace Folio.Features.Subscriptions;

/// <summary>A reader subscribed to a creator: their new stories reach the reader's feed and notifications.</summary>
public sealed class Subscription
{
    public required string SubscriberId { get; set; }
    public FolioUser Subscriber { get; set; } = null!;
    public required string CreatorId { get; set; }
    public FolioUser Creator { get; set; } = null!;
    public DateTime CreatedAt { get; set; }

    /// <summary>How this follow's new stories arrive by email; null follows the reader's <see cref="FolioUser.NewsletterDelivery"/>.</summary>
    public Delivery? Delivery { get; set; }
}
