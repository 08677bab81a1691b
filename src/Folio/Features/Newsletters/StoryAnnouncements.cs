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
    public void Announce(Story story) => Add(new StoryAnnouncement { Story = story, SiteOrigin = urls.Origin });

    /// <summary>
    /// Tells a story's readers once more, for a story that joined its series just after it was first published: the
    /// publication's own announcement may have run before, when it had no series to tell. Whoever it told is skipped.
    /// </summary>
    public void AnnounceAgain(int storyId) => Add(new StoryAnnouncement { StoryId = storyId, SiteOrigin = urls.Origin });

    private void Add(StoryAnnouncement announcement)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        announcement.CreatedAt = now;
        announcement.NextAttemptAt = now;
        db.StoryAnnouncements.Add(announcement);
        db.SavedChanges += (_, _) => signal.Wake();
    }

    /// <summary>
    /// Drops the story's new-story emails not sent yet, once it is no longer public (unpublished or deleted); the
    /// announcement itself stops at its next page of readers, finding the story gone.
    /// </summary>
    public Task WithdrawAsync(int storyId, CancellationToken cancellationToken) =>
        db.QueuedEmails.Where(e => e.StoryId == storyId && e.Kind == EmailKind.NewStory && e.SentAt == null).ExecuteDeleteAsync(cancellationToken);
}
