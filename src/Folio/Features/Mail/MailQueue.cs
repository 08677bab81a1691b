using Folio.Data;

namespace Folio.Features.Mail;

/// <summary>
/// Emails that must not hold up the request that caused them: stored with the caller's changes
/// (same SaveChanges, so both or neither) and sent by <see cref="MailQueueWorker"/>.
/// </summary>
public sealed class MailQueue(FolioDb db, MailQueueSignal signal, TimeProvider clock)
{
    public void Enqueue(OutgoingEmail email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.QueuedEmails.Add(new QueuedEmail
        {
            ToAddress = email.ToAddress,
            ToName = email.ToName,
            Subject = email.Subject,
            Text = email.Text,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        db.SavedChanges += (_, _) => signal.Wake();
    }
}
