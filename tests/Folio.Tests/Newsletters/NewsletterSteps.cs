using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Newsletters;
using Folio.Features.Subscriptions;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Folio.Tests.Newsletters;

/// <summary>Readers who follow, and the two workers run by hand, so a test sees what publishing queued before anything is told or sent.</summary>
public static class NewsletterSteps
{
    /// <summary>A reader with a confirmed address, as new-story emails need.</summary>
    public static async Task<FolioUser> ReaderAsync(this FolioApp app, string displayName, Action<FolioUser>? change = null)
    {
        var reader = await app.Data.PersonAsync(displayName: displayName);
        await app.WithDbAsync(async db =>
        {
            var stored = (await db.Users.FindAsync(reader.Id))!;
            stored.EmailConfirmed = true;
            change?.Invoke(stored);
            await db.SaveChangesAsync();
        });
        return reader;
    }

    public static Task SubscribeAsync(this FolioApp app, FolioUser reader, FolioUser creator, Delivery? delivery = null) =>
        app.WithDbAsync(async db =>
        {
            db.Subscriptions.Add(new Subscription { SubscriberId = reader.Id, CreatorId = creator.Id, CreatedAt = app.Clock.UtcNow, Delivery = delivery });
            await db.SaveChangesAsync();
        });

    public static Task FollowAsync(this FolioApp app, FolioUser reader, Community community, Delivery? delivery = null) =>
        app.WithDbAsync(async db =>
        {
            db.CommunityFollows.Add(new CommunityFollow { UserId = reader.Id, CommunityId = community.Id, CreatedAt = app.Clock.UtcNow, Delivery = delivery });
            await db.SaveChangesAsync();
        });

    /// <summary>Stops both background workers: publishing then only queues, and the test runs each pass itself.</summary>
    public static async Task<AnnouncementWorker> PauseNewslettersAsync(this FolioApp app)
    {
        await app.PauseMailAsync();
        var worker = app.Services.GetRequiredService<AnnouncementWorker>();
        await worker.Running.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);
        return worker;
    }

    /// <summary>Tells the readers of every story announced so far, then sends every email queued, as the two workers would.</summary>
    public static async Task DeliverAsync(this FolioApp app)
    {
        var announcements = app.Services.GetRequiredService<AnnouncementWorker>();
        while (await announcements.ProcessDueAsync(CancellationToken.None) > 0)
        {
        }

        var mail = app.Services.GetRequiredService<Folio.Features.Mail.MailQueueWorker>();
        while (await mail.ProcessDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Stops the digest worker too, so each digest pass is one the test runs.</summary>
    public static async Task<DigestWorker> PauseDigestsAsync(this FolioApp app)
    {
        await app.PauseNewslettersAsync();
        var worker = app.Services.GetRequiredService<DigestWorker>();
        await worker.Running.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);
        return worker;
    }

    /// <summary>Runs one digest pass at the clock's time and sends what it queued; returns how many digests it queued.</summary>
    public static async Task<int> SendDigestsAsync(this FolioApp app)
    {
        var queued = await app.Services.GetRequiredService<DigestWorker>().RunPassAsync();
        await app.DeliverAsync();
        return queued;
    }

    /// <summary>Every email written to the outbox so far, as sent: the same MIME an SMTP server would receive.</summary>
    public static async Task<List<MimeMessage>> SentAsync(this FolioApp app)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in app.Outbox())
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    public static List<string> Recipients(this IEnumerable<MimeMessage> messages) =>
        [.. messages.Select(m => m.To.Mailboxes.Single().Address).Order()];

    public static MimeMessage To(this IEnumerable<MimeMessage> messages, FolioUser reader) =>
        messages.Single(m => m.To.Mailboxes.Single().Address == reader.Email);

    /// <summary>The one-click address from the List-Unsubscribe header, without its angle brackets.</summary>
    public static string UnsubscribeUrl(this MimeMessage message) => (message.Headers["List-Unsubscribe"] ?? "").Trim().Trim('<', '>');

    public static Task<Delivery?> SubscriptionDeliveryAsync(this FolioApp app, FolioUser reader, FolioUser creator) =>
        app.WithDbAsync(db => db.Subscriptions.Where(s => s.SubscriberId == reader.Id && s.CreatorId == creator.Id).Select(s => s.Delivery).SingleAsync());
}
