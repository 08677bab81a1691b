using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Moderation;

/// <summary>One place in the review queue: a submitted story, or changes to a published one.</summary>
public sealed class QueueEntry
{
    public int StoryId { get; init; }
    public DateTime SubmittedAt { get; init; }
    public bool IsRevision { get; init; }
}

/// <summary>What waits for a moderator: new submissions and revisions side by side, oldest first.</summary>
public static class ReviewQueue
{
    public static IQueryable<QueueEntry> Entries(FolioDb db) =>
        db.Stories.Where(s => s.Status == StoryStatus.Pending)
            .Select(s => new QueueEntry { StoryId = s.Id, SubmittedAt = s.SubmittedAt!.Value, IsRevision = false })
            .Concat(db.StoryRevisions.Where(r => r.Status == RevisionStatus.Pending)
                .Select(r => new QueueEntry { StoryId = r.StoryId, SubmittedAt = r.SubmittedAt!.Value, IsRevision = true }))
            .OrderBy(e => e.SubmittedAt).ThenBy(e => e.StoryId);

    public static async Task<int> LengthAsync(FolioDb db, CancellationToken cancellationToken) =>
        await db.Stories.CountAsync(s => s.Status == StoryStatus.Pending, cancellationToken)
        + await db.StoryRevisions.CountAsync(r => r.Status == RevisionStatus.Pending, cancellationToken);

    /// <summary>When the story, or its revision, entered the queue; null when nothing of it is waiting.</summary>
    public static DateTime? WaitingSince(Story story) => story.Status == StoryStatus.Pending
        ? story.SubmittedAt
        : story.Revision is { Status: RevisionStatus.Pending } revision ? revision.SubmittedAt : null;

    /// <summary>1 for what a moderator will read next; the same order as <see cref="Entries"/>.</summary>
    public static async Task<int> QueuePositionAsync(this FolioDb db, int storyId, DateTime submittedAt, CancellationToken cancellationToken) =>
        1 + await Entries(db).CountAsync(e => e.SubmittedAt < submittedAt || (e.SubmittedAt == submittedAt && e.StoryId < storyId), cancellationToken);
}
