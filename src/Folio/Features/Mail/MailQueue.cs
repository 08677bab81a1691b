using Folio.Data;

namespace Folio.Features.Mail;

/// <summary>
/// Emails that must not hold up the request that caused them: stored with the caller's changes
/// (same SaveChanges, so both or neither) and sent by <see cref="MailQueueWorker"/>.
/// </summary>
public sealed class MailQueue(FolioDb db, MailQueueSignal signal, TimeProvider clock)
{
    public void Enqueue(OutgoingEmail email) =>
        Enqueue(new EmailContent { Subject = email.Subject, Text = email.Text, Html = email.Html },
            [new EmailRecipient(email.ToAddress, email.ToName, email.RecipientId, email.UnsubscribeUrl)], email.Kind, email.StoryId);

    /// <summary>One content to many recipients, stored once.</summary>
    public void Enqueue(EmailContent content, IEnumerable<EmailRecipient> recipients, EmailKind kind, int? storyId = null)
    {
        db.QueuedEmails.AddRange(Rows(content, recipients, kind, storyId));
        db.SavedChanges += (_, _) => signal.Wake();
    }

    /// <summary>
    /// One saved content to many recipients, written now in a few multi-row statements (<see cref="RowInserts"/>), inside
    /// the caller's transaction: for a fan-out's thousands. Call <see cref="WakeSender"/> once the caller commits.
    /// </summary>
    public Task InsertAsync(EmailContent content, IEnumerable<EmailRecipient> recipients, EmailKind kind, int? storyId, CancellationToken cancellationToken) =>
        db.InsertRowsAsync(Rows(content, recipients, kind, storyId).ToList(), cancellationToken);

    public void WakeSender() => signal.Wake();

    private IEnumerable<QueuedEmail> Rows(EmailContent content, IEnumerable<EmailRecipient> recipients, EmailKind kind, int? storyId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return recipients.Select(recipient => new QueuedEmail
        {
            ToAddress = recipient.Address,
            ToName = recipient.Name,
            RecipientId = recipient.UserId,
            UnsubscribeUrl = recipient.UnsubscribeUrl,
            Content = content,
            ContentId = content.Id,
            Kind = kind,
            StoryId = storyId,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

/// <summary>Who one queued email goes to, and where they unsubscribe (null for account emails).</summary>
public sealed record EmailRecipient(string Address, string Name, string? UserId = null, string? UnsubscribeUrl = null);
