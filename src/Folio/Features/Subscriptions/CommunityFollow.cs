using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Newsletters;

namespace Folio.Features.Subscriptions;

/// <summary>A reader following a community: its new stories reach the reader's feed.</summary>
public sealed class CommunityFollow
{
    public required string UserId { get; set; }
    public FolioUser User { get; set; } = null!;
    public int CommunityId { get; set; }
    public Community Community { get; set; } = null!;
    public DateTime CreatedAt { get; set; }

    /// <summary>How this follow's new stories arrive by email; null follows the reader's <see cref="FolioUser.NewsletterDelivery"/>.</summary>
    public Delivery? Delivery { get; set; }
}
