using Folio.Data;
using Folio.Features.Mail;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>
/// Queues one reader's digest, exactly once: the reader's DailyDigestThrough (or WeeklyDigestThrough) moves to the due
/// moment with a conditional update in the same transaction as the queued email, and the email is queued only if that
/// update changed the row. Another node's pass, or a retry, finds the row already moved and queues nothing.
/// </summary>
public sealed class DigestSender(FolioDb db, MailQueue mail, UnsubscribeTokens tokens, IOptions<SiteOptions> site, SiteUrls urls)
{
    public async Task<bool> SendAsync(DigestReader reader, Delivery period, DateTime due, DigestContents digest, DigestSite from, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await AdvanceAsync(period, due, [reader.Id], cancellationToken) == 0)
        {
            return false;
        }

        var content = DigestEmail.Compose(period, digest, from.Name, from.Origin);
        var unsubscribe = tokens.Url(from.Origin, Unsubscription.FromDigest(reader.Id, period));
        mail.Enqueue(content, [new EmailRecipient(reader.Email!, reader.DisplayName, reader.Id, unsubscribe)], EmailKind.Digest);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Marks the readers' digests of the period done through <paramref name="due"/>, for those not marked since; returns how many were.</summary>
    public Task<int> AdvanceAsync(Delivery period, DateTime due, IReadOnlyCollection<string> readerIds, CancellationToken cancellationToken)
    {
        var readers = db.Users.Where(u => readerIds.Contains(u.Id));
        return period == Delivery.Weekly
            ? readers.Where(u => u.WeeklyDigestThrough == null || u.WeeklyDigestThrough < due)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.WeeklyDigestThrough, due), cancellationToken)
            : readers.Where(u => u.DailyDigestThrough == null || u.DailyDigestThrough < due)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.DailyDigestThrough, due), cancellationToken);
    }

    /// <summary>
    /// The site's name, and its address for the links: Folio:Site:BaseUrl when set; else the address the latest story
    /// was published at, since a digest is written outside any request.
    /// </summary>
    public async Task<DigestSite> SiteAsync(string name, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(site.Value.BaseUrl))
        {
            return new DigestSite(name, urls.Origin);
        }

        var published = await db.StoryAnnouncements.OrderByDescending(a => a.Id).Select(a => a.SiteOrigin).FirstOrDefaultAsync(cancellationToken);
        return new DigestSite(name, published ?? urls.Origin);
    }
}

/// <summary>Who a digest is from: the site's name, and the origin its links start with.</summary>
public sealed record DigestSite(string Name, string Origin);
