using Folio.Data;
using Folio.Features.Mail;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Newsletters;

/// <summary>
/// Queues the telling of a story's readers, in the caller's unit of work: the caller's SaveChanges stores the
/// publication and its announcement together, and <see cref="AnnouncementWorker"/> tells the readers afterwards.
/// </summary>
public sealed class StoryAnnouncements(FolioDb db, SiteUrls urls, AnnouncementSignal signal, TimeProvider clock)
{
    public void Announce(Story story)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.StoryAnnouncements.Add(new StoryAnnouncement { Story = story, SiteOrigin = urls.Origin, CreatedAt = now, NextAttemptAt = now });
        db.SavedChanges += (_, _) => signal.Wake();
    }

    /// <summary>
    /// Drops the story's new-story emails not sent yet, once it is no longer public (unpublished or deleted); the
    /// announcement itself stops at its next page of readers, finding the story gone.
    /// </summary>
    public Task WithdrawAsync(int storyId, CancellationToken cancellationToken) =>
        db.QueuedEmails.Where(e => e.StoryId == storyId && e.Kind == EmailKind.NewStory && e.SentAt == null).ExecuteDeleteAsync(cancellationToken);
}
