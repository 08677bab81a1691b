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
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var recipient in recipients)
        {
            db.QueuedEmails.Add(new QueuedEmail
            {
                ToAddress = recipient.Address,
                ToName = recipient.Name,
                RecipientId = recipient.UserId,
                UnsubscribeUrl = recipient.UnsubscribeUrl,
                Content = content,
                Kind = kind,
                StoryId = storyId,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        db.SavedChanges += (_, _) => signal.Wake();
    }
}

/// <summary>Who one queued email goes to, and where they unsubscribe (null for account emails).</summary>
public sealed record EmailRecipient(string Address, string Name, string? UserId = null, string? UnsubscribeUrl = null);
