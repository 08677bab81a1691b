using Folio.Features.Queues;

namespace Folio.Features.Federation.Publishing;

/// <summary>What a change to a published story tells the fediverse.</summary>
public enum StoryActivityKind
{
    /// <summary>The story went public: Create from its creator, Announce from its community.</summary>
    Create,

    /// <summary>Its public text changed (an approved revision): Update from its creator.</summary>
    Update,

    /// <summary>It is no longer public (unpublished or deleted): Delete with a Tombstone from its creator.</summary>
    Delete,
}

/// <summary>
/// A story's activity still to be queued for its followers' servers: one small row stored with the change itself, so
/// publishing never waits for ten thousand followers, and a restart loses nothing. The author and community are kept
/// because a deleted story's row is gone by the time its Delete is sent.
/// </summary>
public sealed class StoryActivity : IStoredJob
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public StoryActivityKind Kind { get; set; }
    public required string AuthorId { get; set; }
    public int CommunityId { get; set; }

    /// <summary>The site's address as the change was made: the worker runs outside any request (see <see cref="Pages.Shared.SiteUrls.Pin"/>).</summary>
    public required string SiteOrigin { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? LastError { get; set; }
}
