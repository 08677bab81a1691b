using Folio.Data;
using Folio.Features.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Webhooks;

/// <summary>Sends the webhook deliveries that are due, for active webhooks, four at a time.</summary>
public sealed class WebhookWorker : QueueWorker<WebhookWorker.Due, WebhookOutcome>
{
    /// <summary>Quick at first for a blip, then hours for a receiver that is down; the webhook form lists these.</summary>
    private static readonly RetrySchedule Retries = new(
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24));

    private readonly WebhookSender _sender;
    private readonly IOptions<WebhookOptions> _options;

    public WebhookWorker(
        IServiceScopeFactory scopes, WebhookSender sender, WebhookSignal signal, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookWorker> logger)
        : base(scopes, signal, options, Retries, clock, logger)
    {
        _sender = sender;
        _options = options;
    }

    public sealed record Due(long Id, Guid DeliveryId, string Event, string Payload, int Attempts, DateTime NextAttemptAt, string Url, string Secret) : IQueuedItem;

    protected override int Parallelism => 4;

    protected override Task<List<Due>> DueAsync(FolioDb db, DateTime now, QueueOptions settings, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && d.Webhook.Active)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(settings.BatchSize)
            .Select(d => new Due(d.Id, d.DeliveryId, d.Event, d.Payload, d.Attempts, d.NextAttemptAt!.Value, d.Webhook.Url, d.Webhook.Secret))
            .ToListAsync(cancellationToken);

    /// <summary>The claim's lease is the longest an attempt can take; the delivery's next attempt time is its token.</summary>
    protected override async Task<bool> ClaimAsync(FolioDb db, Due delivery, DateTime now, CancellationToken cancellationToken) =>
        await db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.Attempts == delivery.Attempts && d.NextAttemptAt == delivery.NextAttemptAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.NextAttemptAt, now + _options.Value.Timeout + TimeSpan.FromMinutes(1))
                .SetProperty(d => d.LastAttemptAt, now), cancellationToken) == 1;

    protected override Task<WebhookOutcome> AttemptAsync(IServiceProvider services, Due delivery, CancellationToken cancellationToken) =>
        _sender.SendAsync(new WebhookMessage(delivery.Url, delivery.Secret, delivery.Event, delivery.DeliveryId, delivery.Payload), cancellationToken);

    /// <summary>Attempts is this claim's token: should the lease have run out and another pass claimed the row meanwhile, its record wins.</summary>
    protected override Task RecordAsync(FolioDb db, Due delivery, WebhookOutcome outcome, FinishedAttempt attempt) =>
        db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.Attempts == attempt.Number).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.NextAttemptAt, attempt.RetryAt)
            .SetProperty(d => d.LastStatusCode, outcome.StatusCode)
            .SetProperty(d => d.LastError, outcome.Error)
            .SetProperty(d => d.DeliveredAt, attempt.Succeeded ? attempt.FinishedAt : null)
            .SetProperty(d => d.AbandonedAt, attempt.GaveUp ? attempt.FinishedAt : null));

    protected override string Describe(Due delivery) => $"{delivery.Event} {delivery.DeliveryId} to {delivery.Url}";
}
