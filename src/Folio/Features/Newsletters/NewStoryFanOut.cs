using Folio.Data;
using Folio.Features.Mail;
using Folio.Features.Notifications;
using Folio.Features.SiteAdmin;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>
/// Tells a newly published story's readers: the author's subscribers and the community's followers, each once, never the
/// author. Subscribers get the in-app notice; whoever chose to hear at once, and can be emailed, gets one
/// <see cref="EmailKind.NewStory"/> email, all of them sharing the content written for why they follow
/// (<see cref="NewStoryEmail"/>). Readers are taken in pages of <see cref="AnnouncementOptions.FanOutBatchSize"/> by id,
/// a few set-based queries and one save per page, and whoever already has this story's notice or email is skipped:
/// run again after a crash, it tells only those it had not told.
/// </summary>
public sealed class NewStoryFanOut(
    FolioDb db, MailQueue mail, UnsubscribeTokens tokens, CurrentSite site, IOptions<AnnouncementOptions> options, TimeProvider clock)
{
    public async Task TellReadersAsync(StoryAnnouncement announcement, CancellationToken cancellationToken)
    {
        var story = await PublishedStoryAsync(announcement.StoryId, cancellationToken);
        if (story is null)
        {
            return;
        }

        var siteName = (await site.GetAsync(cancellationToken)).Name;
        var contents = new Dictionary<NewStoryReason, EmailContent>();
        string? after = null;
        while (true)
        {
            var (ids, readers) = await ReadersAsync(story, after, cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            after = ids[^1];
            var emailed = await db.QueuedEmails
                .Where(e => e.StoryId == story.Id && e.Kind == EmailKind.NewStory && ids.Contains(e.RecipientId!))
                .Select(e => e.RecipientId!).ToListAsync(cancellationToken);
            var notified = await db.Notifications
                .Where(n => n.StoryId == story.Id && n.Kind == NotificationKind.NewStoryFromCreator && ids.Contains(n.RecipientId))
                .Select(n => n.RecipientId).ToListAsync(cancellationToken);
            var told = emailed.Concat(notified).ToHashSet();

            var now = clock.GetUtcNow().UtcDateTime;
            var recipients = new Dictionary<NewStoryReason, List<EmailRecipient>>();
            foreach (var reader in readers.Where(r => !told.Contains(r.Id)))
            {
                if (reader.Subscribed)
                {
                    db.Notifications.Add(new Notification
                    {
                        RecipientId = reader.Id,
                        Kind = NotificationKind.NewStoryFromCreator,
                        ActorId = story.AuthorId,
                        StoryId = story.Id,
                        CreatedAt = now,
                    });
                }

                if (reader.EmailReason() is { } reason)
                {
                    var unsubscription = reason == NewStoryReason.FollowsCreator
                        ? Unsubscription.FromCreator(reader.Id, story.AuthorId)
                        : Unsubscription.FromCommunity(reader.Id, story.CommunityId);
                    recipients.TryAdd(reason, []);
                    recipients[reason].Add(new EmailRecipient(reader.Email!, reader.DisplayName, reader.Id, tokens.Url(announcement.SiteOrigin, unsubscription)));
                }
            }

            foreach (var (reason, people) in recipients)
            {
                if (!contents.TryGetValue(reason, out var content))
                {
                    content = contents[reason] = NewStoryEmail.Compose(story, reason, siteName, announcement.SiteOrigin);
                }
                else
                {
                    // Stored with an earlier page, then let go of with the rest of it: this page's emails only point at it.
                    db.EmailContents.Attach(content);
                }

                mail.Enqueue(content, people, EmailKind.NewStory, story.Id);
            }

            // Unpublished or deleted since the last page: nothing more goes out about it.
            if (!await db.Stories.Published().AnyAsync(s => s.Id == story.Id, cancellationToken))
            {
                db.ChangeTracker.Clear();
                return;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private Task<AnnouncedStory?> PublishedStoryAsync(int storyId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking().Published().Where(s => s.Id == storyId)
            .Select(s => new AnnouncedStory(s.Id, s.Title, s.Subtitle, s.Slug, s.BodyHtml, s.HeroImageUrl, s.HeroAltText,
                s.AuthorId, s.Author.DisplayName, s.Author.UserName!, s.Author.EmailWholeStories, s.CommunityId, s.Community.Name, s.Community.Slug))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The next page of readers after <paramref name="after"/>, by id: subscribers and followers at once, so each person comes once.</summary>
    private async Task<(List<string> Ids, List<Reader> Readers)> ReadersAsync(AnnouncedStory story, string? after, CancellationToken cancellationToken)
    {
        var ids = db.Subscriptions.Where(s => s.CreatorId == story.AuthorId).Select(s => s.SubscriberId)
            .Union(db.CommunityFollows.Where(f => f.CommunityId == story.CommunityId).Select(f => f.UserId))
            .Where(id => id != story.AuthorId);
        if (after is not null)
        {
            ids = ids.Where(id => string.Compare(id, after) > 0);
        }

        var page = await ids.OrderBy(id => id).Take(options.Value.FanOutBatchSize).ToListAsync(cancellationToken);
        var readers = await db.Users.AsNoTracking().Where(u => page.Contains(u.Id))
            .Select(u => new Reader(
                u.Id, u.Email, u.DisplayName,
                !u.Banned && u.EmailConfirmed && u.EmailStoppedAt == null,
                u.NewsletterDelivery,
                db.Subscriptions.Any(s => s.CreatorId == story.AuthorId && s.SubscriberId == u.Id),
                db.Subscriptions.Where(s => s.CreatorId == story.AuthorId && s.SubscriberId == u.Id).Select(s => s.Delivery).FirstOrDefault(),
                db.CommunityFollows.Any(f => f.CommunityId == story.CommunityId && f.UserId == u.Id),
                db.CommunityFollows.Where(f => f.CommunityId == story.CommunityId && f.UserId == u.Id).Select(f => f.Delivery).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return (page, readers);
    }
}
