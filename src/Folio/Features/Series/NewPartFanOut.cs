using Folio.Data;
using Folio.Features.Labels;
using Folio.Features.Mail;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

/// <summary>
/// Tells a series' subscribers of a newly published part: a <see cref="NotificationKind.NewPartInSeries"/> notice, and
/// one shared email for those who chose <see cref="Creators.FolioUser.EmailOnSeriesParts"/>. Runs after the story's own
/// announcement, and skips whoever that told already (a subscriber to the creator hears once), or this did before a
/// crash. Subscribers are taken in pages by id, each page's notices written in one multi-row insert.
/// </summary>
public sealed class NewPartFanOut(FolioDb db, MailQueue mail, TimeProvider clock)
{
    public const int PageSize = 500;

    public async Task TellSubscribersAsync(int storyId, string siteOrigin, CancellationToken cancellationToken)
    {
        var part = await db.Stories.AsNoTracking().Published().Where(s => s.Id == storyId && s.SeriesId != null)
            .Select(s => new
            {
                s.Id, s.Title, s.AuthorId, AuthorName = s.Author.DisplayName, AuthorUserName = s.Author.UserName, SeriesId = s.SeriesId!.Value,
                SeriesTitle = s.Series!.Title, SeriesSlug = s.Series.Slug, Path = StoryLinks.Path(s.Community.Slug, s.Slug), s.Making, s.Warnings,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (part is null)
        {
            return;
        }

        EmailContent? content = null;
        string? after = null;
        while (true)
        {
            var subscribers = db.SeriesSubscriptions.Where(s => s.SeriesId == part.SeriesId && s.UserId != part.AuthorId);
            if (after is not null)
            {
                subscribers = subscribers.Where(s => string.Compare(s.UserId, after) > 0);
            }

            var page = await subscribers.OrderBy(s => s.UserId).Take(PageSize)
                .Select(s => new
                {
                    s.User.Id, s.User.Email, s.User.DisplayName, s.User.EmailOnSeriesParts, s.User.Banned, s.User.EmailConfirmed, s.User.EmailStoppedAt,
                    Choices = new ReadingChoices(s.User.HideAiGenerated, s.User.HiddenWarnings, s.User.CoverWarnedStories),
                })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            after = page[^1].Id;
            var ids = page.Select(p => p.Id).ToList();
            var told = await db.Notifications
                .Where(n => n.StoryId == part.Id && ids.Contains(n.RecipientId)
                    && (n.Kind == NotificationKind.NewStoryFromCreator || n.Kind == NotificationKind.NewPartInSeries))
                .Select(n => n.RecipientId)
                .Union(db.QueuedEmails.Where(e => e.StoryId == part.Id && ids.Contains(e.RecipientId!)).Select(e => e.RecipientId!))
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            // A reader whose choices hide this part hears of it no more than their lists show it, as with a creator's new story.
            var untold = page.Where(p => !told.Contains(p.Id) && !p.Choices.Hides(part.Making, part.Warnings)).ToList();
            var emailed = untold
                .Where(p => p.EmailOnSeriesParts && !p.Banned && p.EmailConfirmed && p.EmailStoppedAt == null
                    && !string.IsNullOrWhiteSpace(p.Email) && !p.Email.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
                .Select(p => new EmailRecipient(p.Email!, p.DisplayName, p.Id)).ToList();

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.InsertRowsAsync([.. untold.Select(p => new Notification
                {
                    RecipientId = p.Id, Kind = NotificationKind.NewPartInSeries, ActorId = part.AuthorId, StoryId = part.Id, CreatedAt = now,
                })], cancellationToken);
                if (emailed.Count > 0)
                {
                    if (content is null)
                    {
                        var seriesUrl = siteOrigin + SeriesLinks.Path(part.AuthorUserName!, part.SeriesSlug);
                        content = new EmailContent
                        {
                            Subject = $"A new part of {part.SeriesTitle}: “{part.Title}”",
                            Text = $"""
                                Hello,

                                {part.AuthorName} published a new part of {part.SeriesTitle}, a series you subscribe to: “{part.Title}”.

                                Read it: {siteOrigin + part.Path}

                                The whole series: {seriesUrl}

                                To stop hearing of it, unsubscribe on the series’ page. You can turn off these emails in your settings: {siteOrigin}/settings/email
                                """,
                        };
                        db.EmailContents.Add(content);
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    await mail.InsertAsync(content, emailed, EmailKind.Notification, part.Id, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            mail.WakeSender();
        }
    }
}
