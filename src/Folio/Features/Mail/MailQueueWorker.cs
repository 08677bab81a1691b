using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Mail;

/// <summary>Sends queued emails; a failed send is retried with growing pauses, up to <see cref="MaxAttempts"/> times.</summary>
public sealed class MailQueueWorker(IServiceScopeFactory scopes, MailQueueSignal signal, TimeProvider clock, ILogger<MailQueueWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The mail queue could not be read; trying again shortly");
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.QueuedEmails
            .Where(e => e.SentAt == null && e.Attempts < MaxAttempts && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).Take(50)
            .ToListAsync(cancellationToken);
        foreach (var email in due)
        {
            email.Attempts++;
            try
            {
                await mailer.SendAsync(new OutgoingEmail(email.ToAddress, email.ToName, email.Subject, email.Text), cancellationToken);
                email.SentAt = clock.GetUtcNow().UtcDateTime;
                email.LastError = null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                email.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                email.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, email.Attempts));
                logger.LogWarning("Sending “{Subject}” to {To} failed (attempt {Attempt}): {Error}", email.Subject, email.ToAddress, email.Attempts, exception.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }
}
