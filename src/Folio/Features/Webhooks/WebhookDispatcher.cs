using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Webhooks;

/// <summary>
/// Sends the deliveries that are due, each claimed first so that several nodes (or a pass run by hand next to the
/// worker) never send the same attempt twice. All state is in the database: a node that dies mid-send leaves its
/// claim to expire, and the delivery is tried again.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, WebhookSender sender, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger)
{
    private const int BatchSize = 20;
    private const int Parallelism = 4;

    private sealed record Due(long Id, Guid DeliveryId, string Event, string Payload, int Attempts, DateTime NextAttemptAt, string Url, string Secret);

    /// <summary>Sends what is due now (for active webhooks) and returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Due> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<FolioDb>().WebhookDeliveries.AsNoTracking()
                .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && d.Webhook.Active)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Take(BatchSize)
                .Select(d => new Due(d.Id, d.DeliveryId, d.Event, d.Payload, d.Attempts, d.NextAttemptAt!.Value, d.Webhook.Url, d.Webhook.Secret))
                .ToListAsync(cancellationToken);
        }

        var delivered = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (delivery, token) =>
        {
            if (await AttemptAsync(delivery, token))
            {
                Interlocked.Increment(ref delivered);
            }
        });
        return delivered;
    }

    private async Task<bool> AttemptAsync(Due delivery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var startedAt = clock.GetUtcNow().UtcDateTime;

        // The claim counts the attempt and moves the next one past the time this one can take: another node that read
        // the same row finds it changed and leaves it, and if this node dies now the delivery comes due again later.
        var lease = startedAt + options.Value.Timeout + TimeSpan.FromMinutes(1);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.Attempts == delivery.Attempts && d.NextAttemptAt == delivery.NextAttemptAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.NextAttemptAt, lease)
                .SetProperty(d => d.LastAttemptAt, startedAt), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var attempt = delivery.Attempts + 1;
        var outcome = await sender.SendAsync(new WebhookMessage(delivery.Url, delivery.Secret, delivery.Event, delivery.DeliveryId, delivery.Payload), cancellationToken);
        var finishedAt = clock.GetUtcNow().UtcDateTime;
        var abandoned = !outcome.Delivered && attempt >= options.Value.MaxAttempts;
        DateTime? next = outcome.Delivered || abandoned ? null : finishedAt + WebhookRetrySchedule.PauseAfter(attempt);

        // Once the receiver has answered, the outcome is kept even if the app is stopping. Attempts is this claim's token:
        // should the lease have run out and another pass claimed the row meanwhile, its record wins.
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.Attempts == attempt).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.LastStatusCode, outcome.StatusCode)
            .SetProperty(d => d.LastError, outcome.Error)
            .SetProperty(d => d.DeliveredAt, outcome.Delivered ? finishedAt : null)
            .SetProperty(d => d.AbandonedAt, abandoned ? finishedAt : null), CancellationToken.None);

        if (abandoned)
        {
            logger.LogWarning("Gave up delivering {Event} {DeliveryId} to {Url} after {Attempts} attempts: {Error}", delivery.Event, delivery.DeliveryId, delivery.Url, attempt, outcome.Error);
        }
        else if (!outcome.Delivered)
        {
            logger.LogInformation("Delivering {Event} {DeliveryId} to {Url} failed (attempt {Attempt}), retrying at {Next:u}: {Error}", delivery.Event, delivery.DeliveryId, delivery.Url, attempt, next, outcome.Error);
        }

        return outcome.Delivered;
    }
}
