using Folio.Data;
using Folio.Features.Queues;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Mail;

/// <summary>
/// How sending one email went: the SMTP server's (or the outbox's) error, if any. <paramref name="Refused"/> when the
/// server refused the recipient or the message for good (5xx), which counts against the address. <paramref name="ResetsFailures"/>
/// when it was sent to an address with failures counted, which it clears.
/// </summary>
public sealed record MailOutcome(string? Error, bool Permanent = false, bool Refused = false, bool ResetsFailures = false) : IAttemptOutcome;

/// <summary>
/// Sends queued emails over <see cref="MailQueueOptions.Connections"/> connections side by side; a failed send is retried
/// after 2, 4, 8… minutes, a refused one (SMTP 5xx) is not.
/// </summary>
public sealed class MailQueueWorker(
    IServiceScopeFactory scopes, MailQueueSignal signal, SmtpConnections connections, IOptions<MailQueueOptions> options, TimeProvider clock,
    ILogger<MailQueueWorker> logger)
    : QueueWorker<QueuedEmail, MailOutcome>(scopes, signal, options, Retries, clock, logger)
{
    private const int MaxErrorLength = 2000;

    private static readonly RetrySchedule Retries = new(
        TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16),
        TimeSpan.FromMinutes(32), TimeSpan.FromMinutes(64), TimeSpan.FromMinutes(128));

    protected override int Parallelism => options.Value.Connections;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await connections.CloseAsync();
    }

    protected override Task<List<QueuedEmail>> DueAsync(FolioDb db, DateTime now, QueueOptions settings, CancellationToken cancellationToken) =>
        db.QueuedEmails.AsNoTracking().Include(e => e.Content)
            .Where(e => e.SentAt == null && e.Attempts < settings.MaxAttempts && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// One UPDATE … RETURNING (SQLite 3.35 and PostgreSQL alike) counts the attempt of every email of the batch still due,
    /// and returns the ones it changed: an email another pass or node claimed first is no longer due, so is not among them.
    /// One write a batch instead of one an email, the single writer SQLite has being the sender's bottleneck.
    /// </summary>
    protected override async Task<ClaimedBatch?> ClaimBatchAsync(FolioDb db, List<QueuedEmail> due, DateTime now, CancellationToken cancellationToken)
    {
        var lease = options.Value.ClaimLease;
        // Only placeholders are put into the SQL: {0} the lease's end, {1} now, {2}… the ids.
        var ids = string.Join(", ", due.Select((_, i) => $"{{{i + 2}}}"));
        var claim = $$"""
            UPDATE "EmailQueue" SET "Attempts" = "Attempts" + 1, "NextAttemptAt" = {0}
            WHERE "Id" IN ({{ids}}) AND "SentAt" IS NULL AND "NextAttemptAt" <= {1}
            RETURNING "Id" AS "Value"
            """;
        var parameters = new object[] { now + lease, now }.Concat(due.Select(e => (object)e.Id)).ToArray();
        List<int> won;
        // A query that writes is not a command SqliteWriteGate sees; its transaction takes the gate.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            won = await db.Database.SqlQueryRaw<int>(claim, parameters).ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var claimed = won.ToHashSet();
        return new ClaimedBatch(due.Where(e => claimed.Contains(e.Id)).ToList(), now + lease / 2);
    }

    protected override Task ReleaseAsync(FolioDb db, QueuedEmail email, DateTime now) =>
        db.QueuedEmails.Where(e => e.Id == email.Id && e.SentAt == null && e.Attempts == email.Attempts + 1)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Attempts, email.Attempts)
                .SetProperty(e => e.NextAttemptAt, now));

    protected override async Task<MailOutcome> AttemptAsync(IServiceProvider services, QueuedEmail email, CancellationToken cancellationToken)
    {
        var standing = email.RecipientId is { } recipient
            ? await EmailStops.StandingAsync(services.GetRequiredService<FolioDb>(), recipient, cancellationToken)
            : null;
        if (email.Kind != EmailKind.Account && standing is { Stopped: true })
        {
            return new MailOutcome(
                $"Not sent: Folio stopped emailing {email.ToAddress} after the mail server refused it {EmailStops.FailuresInARow} times in a row.",
                Permanent: true);
        }

        try
        {
            await services.GetRequiredService<Mailer>().SendAsync(Compose(email), cancellationToken);
            return new MailOutcome(null, ResetsFailures: standing is { Failing: true });
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500 && refused.ErrorCode != SmtpErrorCode.SenderNotAccepted)
        {
            // The sender refused is this site's setting, not the recipient's fault: it stays a retry like any other error.
            return new MailOutcome($"{(int)refused.StatusCode} {refused.Message}", Permanent: true, Refused: true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new MailOutcome(exception.Message);
        }
    }

    protected override async Task RecordAsync(FolioDb db, QueuedEmail email, MailOutcome outcome, FinishedAttempt attempt)
    {
        var row = db.QueuedEmails.Where(e => e.Id == email.Id);
        if (attempt.Succeeded)
        {
            await row.ExecuteUpdateAsync(set => set
                .SetProperty(e => e.SentAt, attempt.FinishedAt)
                .SetProperty(e => e.LastError, (string?)null));
            // Only when the address had failures: a write for every email sent would halve the rate on SQLite.
            if (outcome.ResetsFailures)
            {
                await EmailStops.RecordDeliveryAsync(db, email);
            }

            return;
        }

        // A given-up email is no longer due: it counts as having had all its attempts, also when a refusal (5xx) ended it
        // early, else the claim's lease running out would make it due again.
        var error = outcome.Error is { Length: > MaxErrorLength } message ? message[..MaxErrorLength] : outcome.Error;
        var attempts = attempt.GaveUp ? Math.Max(attempt.Number, options.Value.MaxAttempts) : attempt.Number;
        await row.ExecuteUpdateAsync(set => set
            .SetProperty(e => e.LastError, error)
            .SetProperty(e => e.Attempts, attempts)
            .SetProperty(e => e.NextAttemptAt, e => attempt.RetryAt ?? e.NextAttemptAt));
        if (outcome.Refused && email.RecipientId is not null)
        {
            await EmailStops.RecordRefusalAsync(db, email, outcome.Error!, attempt.FinishedAt);
        }
    }

    protected override string Describe(QueuedEmail email) => $"“{email.Content.Subject}” to {email.ToAddress}";

    /// <summary>The stored content with this recipient's unsubscribe address in place of the content's marker.</summary>
    private static OutgoingEmail Compose(QueuedEmail email)
    {
        var content = email.Content;
        var unsubscribe = email.UnsubscribeUrl ?? "";
        return new OutgoingEmail(email.ToAddress, email.ToName, content.Subject,
            content.Text.Replace(content.RecipientMarker, unsubscribe, StringComparison.Ordinal), email.MessageKey)
        {
            Html = content.Html?.Replace(content.RecipientMarker, System.Net.WebUtility.HtmlEncode(unsubscribe), StringComparison.Ordinal),
            UnsubscribeUrl = email.UnsubscribeUrl,
            Kind = email.Kind,
            RecipientId = email.RecipientId,
            StoryId = email.StoryId,
        };
    }
}
