using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Notifications;

/// <summary>Something that happened that the recipient wants to know about; grouped when shown.</summary>
public sealed class Notification
{
    public int Id { get; private set; }
    public required string RecipientId { get; set; }
    public FolioUser Recipient { get; set; } = null!;
    public NotificationKind Kind { get; set; }

    /// <summary>Who caused it; null for the site itself (a review decision shows no moderator).</summary>
    public string? ActorId { get; set; }

    public FolioUser? Actor { get; set; }
    public int? StoryId { get; set; }
    public Story? Story { get; set; }
    public int? CommentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
