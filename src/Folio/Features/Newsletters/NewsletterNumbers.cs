using Folio.Data;
using Folio.Features.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>
/// The numbers a creator's dashboard shows about their newsletter, each from one grouped query: their subscribers (through the
/// subscriptions' CreatorId index) and their stories' emails (through the email queue's StoryId index). Neither reads
/// another creator's rows.
/// </summary>
public sealed class NewsletterNumbers(FolioDb db, IOptions<MailQueueOptions> mail)
{
    public async Task<SubscriberCounts> SubscribersAsync(string creatorId, CancellationToken cancellationToken)
    {
        var groups = await db.Subscriptions.Where(s => s.CreatorId == creatorId)
            .Select(s => new
            {
                Delivery = s.Delivery ?? s.Subscriber.NewsletterDelivery,
                Reachable = !s.Subscriber.Banned && s.Subscriber.EmailConfirmed && s.Subscriber.EmailStoppedAt == null,
            })
            .GroupBy(s => new { s.Delivery, s.Reachable })
            .Select(g => new { g.Key.Delivery, g.Key.Reachable, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return SubscriberCounts.From(groups.Select(g => (g.Delivery, g.Reachable, g.Count)));
    }

    /// <summary>The emails of each of <paramref name="storyIds"/> that has any; a story with none is left out.</summary>
    public async Task<IReadOnlyDictionary<int, StoryEmails>> StoryEmailsAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0)
        {
            return new Dictionary<int, StoryEmails>();
        }

        var maxAttempts = mail.Value.MaxAttempts;
        var groups = await db.QueuedEmails.AsNoTracking()
            .Where(e => e.StoryId != null && storyIds.Contains(e.StoryId.Value) && e.Kind == EmailKind.NewStory)
            .GroupBy(e => e.StoryId!.Value)
            .Select(g => new
            {
                StoryId = g.Key,
                Sent = g.Count(e => e.SentAt != null),
                Sending = g.Count(e => e.SentAt == null && e.Attempts < maxAttempts),
                All = g.Count(),
            })
            .ToListAsync(cancellationToken);
        return groups.ToDictionary(g => g.StoryId, g => new StoryEmails(g.Sent, g.Sending, g.All - g.Sent - g.Sending));
    }
}
