using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Mail;

/// <summary>Sends queued emails; a failed send is retried with growing pauses, up to <see cref="MaxAttempts"/> times.</summary>
public sealed class MailQueueWorker(IServiceScopeFactory scopes, MailQueueSignal signal, TimeProvider clock, ILogger<MailQueueWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed email waits before another pass may take it, should this one die mid-send.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once the loop runs. Stopping the worker on its own before that (as tests do) would cancel the
    /// not-yet-started task, which the host reads as a crash and stops the whole site.
    /// </summary>
    public Task Running => _running.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running.TrySetResult();
        try
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
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped: what is still queued stays in the database for the next start. Ending quietly matters when
            // only this service is stopped, since the host treats any exception from here as a crash and stops too.
        }
    }

    /// <summary>Sends what is due now and returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.QueuedEmails.AsNoTracking()
            .Where(e => e.SentAt == null && e.Attempts < MaxAttempts && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).Take(50)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var email in due)
        {
            if (!await ClaimAsync(db, email, cancellationToken))
            {
                continue;
            }

            var attempt = email.Attempts + 1;
            try
            {
                await mailer.SendAsync(new OutgoingEmail(email.ToAddress, email.ToName, email.Subject, email.Text), cancellationToken);
                var sentAt = clock.GetUtcNow().UtcDateTime;
                await db.QueuedEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.SentAt, sentAt)
                    .SetProperty(e => e.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                var retryAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, attempt));
                await db.QueuedEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.LastError, error)
                    .SetProperty(e => e.NextAttemptAt, retryAt), CancellationToken.None);
                if (attempt >= MaxAttempts)
                {
                    logger.LogError("Gave up sending “{Subject}” to {To} after {Attempts} attempts: {Error}", email.Subject, email.ToAddress, attempt, exception.Message);
                }
                else
                {
                    logger.LogWarning("Sending “{Subject}” to {To} failed (attempt {Attempt}): {Error}", email.Subject, email.ToAddress, attempt, exception.Message);
                }
            }
        }

        return sent;
    }

    /// <summary>
    /// Counts the attempt and pushes the next one past the lease, only if nobody else did first: with several
    /// nodes (or a pass started by hand next to the background one) exactly one of them sends each email.
    /// </summary>
    private async Task<bool> ClaimAsync(FolioDb db, QueuedEmail email, CancellationToken cancellationToken)
    {
        var leaseEnd = clock.GetUtcNow().UtcDateTime + ClaimLease;
        var claimed = await db.QueuedEmails
            .Where(e => e.Id == email.Id && e.SentAt == null && e.Attempts == email.Attempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.NextAttemptAt, leaseEnd), cancellationToken);
        return claimed == 1;
    }
}
