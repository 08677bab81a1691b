using Folio.Data;
using Folio.Features.Labels;
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
/// a few set-based queries and one transaction per page that writes its notices and emails in multi-row inserts
/// (<see cref="RowInserts"/>), and whoever already has this story's notice or email is skipped: run again after a crash,
/// it tells only those it had not told.
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
            var notices = new List<Notification>();
            var recipients = new Dictionary<NewStoryReason, List<EmailRecipient>>();
            // A reader who hides stories like this one hears of it neither by notice nor by email.
            foreach (var reader in readers.Where(r => !told.Contains(r.Id) && !r.Choices.Hides(story.Making, story.Warnings)))
            {
                if (reader.Subscribed)
                {
                    notices.Add(new Notification
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

            // Unpublished or deleted since the last page: nothing more goes out about it.
            if (!await db.Stories.Published().AnyAsync(s => s.Id == story.Id, cancellationToken))
            {
                return;
            }

            // A page's notices and emails are written together or not at all: whoever has either counts as told.
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.InsertRowsAsync(notices, cancellationToken);
                foreach (var (reason, people) in recipients)
                {
                    if (!contents.TryGetValue(reason, out var content))
                    {
                        content = contents[reason] = NewStoryEmail.Compose(story, reason, siteName, announcement.SiteOrigin);
                        db.EmailContents.Add(content);
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    await mail.InsertAsync(content, people, EmailKind.NewStory, story.Id, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            mail.WakeSender();
        }
    }

    private Task<AnnouncedStory?> PublishedStoryAsync(int storyId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking().Published().Where(s => s.Id == storyId)
            .Select(s => new AnnouncedStory(s.Id, s.Title, s.Subtitle, s.Slug, s.BodyHtml, s.HeroImageUrl, s.HeroAltText,
                s.AuthorId, s.Author.DisplayName, s.Author.UserName!, s.Author.EmailWholeStories, s.CommunityId, s.Community.Name, s.Community.Slug) { Making = s.Making, Warnings = s.Warnings })
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
        // Left joins to the author's subscriptions and the community's follows, each at most one row a reader.
        var readers = await (
            from u in db.Users.AsNoTracking()
            where page.Contains(u.Id)
            join subscription in db.Subscriptions.Where(s => s.CreatorId == story.AuthorId) on u.Id equals subscription.SubscriberId into subscriptions
            from s in subscriptions.DefaultIfEmpty()
            join follow in db.CommunityFollows.Where(f => f.CommunityId == story.CommunityId) on u.Id equals follow.UserId into follows
            from f in follows.DefaultIfEmpty()
            select new Reader(
                u.Id, u.Email, u.DisplayName,
                !u.Banned && u.EmailConfirmed && u.EmailStoppedAt == null,
                u.NewsletterDelivery,
                s != null, s != null ? s.Delivery : null,
                f != null, f != null ? f.Delivery : null,
                new ReadingChoices(u.HideAiGenerated, u.HiddenWarnings, u.CoverWarnedStories)))
            .ToListAsync(cancellationToken);
        return (page, readers);
    }
}
