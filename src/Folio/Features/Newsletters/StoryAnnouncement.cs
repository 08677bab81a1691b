using Folio.Features.Queues;
using Folio.Features.Stories;

namespace Folio.Features.Newsletters;

/// <summary>
/// A story that went public for the first time and whose readers are still to be told: one small row stored with the
/// publication itself, so the publishing request never waits for ten thousand subscribers, and a restart loses nothing.
/// </summary>
public sealed class StoryAnnouncement : IStoredJob
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;

    /// <summary>
    /// The site's address as the publisher reached it, for the links in the emails: the worker runs outside any request,
    /// where only Folio:Site:BaseUrl would say it.
    /// </summary>
    public required string SiteOrigin { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? LastError { get; set; }
}
