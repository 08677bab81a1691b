using System.Collections.Concurrent;
using System.Text.Json;
using Folio.Data;
using Folio.Features.Federation.Blocks;
using Folio.Features.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Delivery;

/// <summary>
/// Posts the queued activities to remote inboxes, many at once since each waits on another server. A 410 drops the
/// inbox's followers; a 429 waits as long as the server asked; other refusals are not tried again.
/// </summary>
public sealed class FederationDeliveryWorker : QueueWorker<FederationDeliveryWorker.Due, DeliveryOutcome>
{
    /// <summary>As Mastodon retries: a blip passes in minutes, a server down for maintenance within a day.</summary>
    private static readonly RetrySchedule Retries = new(
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24));

    // A local actor's key never changes once made, so each node reads it once.
    private readonly ConcurrentDictionary<(ActorKind, string), string> _privateKeys = new();
    private readonly FederationSender _sender;
    private readonly IOptions<FederationDeliveryOptions> _options;

    public FederationDeliveryWorker(
        IServiceScopeFactory scopes, FederationSender sender, FederationSignal signal, IOptions<FederationDeliveryOptions> options, TimeProvider clock,
        ILogger<FederationDeliveryWorker> logger)
        : base(scopes, signal, options, Retries, clock, logger)
    {
        _sender = sender;
        _options = options;
    }

    public sealed record Due(long Id, ActorKind SenderKind, string SenderId, string Inbox, string Activity, int Attempts, DateTime NextAttemptAt) : IQueuedItem;

    protected override int Parallelism => _options.Value.Parallelism;

    protected override Task<List<Due>> DueAsync(FolioDb db, DateTime now, QueueOptions settings, CancellationToken cancellationToken) =>
        db.FederationDeliveries.AsNoTracking()
            .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(settings.BatchSize)
            .Select(d => new Due(d.Id, d.SenderKind, d.SenderId, d.Inbox, d.Activity, d.Attempts, d.NextAttemptAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>The claim's lease is the longest an attempt can take; the delivery's next attempt time is its token.</summary>
    protected override async Task<bool> ClaimAsync(FolioDb db, Due delivery, DateTime now, CancellationToken cancellationToken) =>
        await db.FederationDeliveries
            .Where(d => d.Id == delivery.Id && d.Attempts == delivery.Attempts && d.NextAttemptAt == delivery.NextAttemptAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.NextAttemptAt, now + _options.Value.Timeout + TimeSpan.FromMinutes(1))
                .SetProperty(d => d.LastAttemptAt, now), cancellationToken) == 1;

    protected override async Task<DeliveryOutcome> AttemptAsync(IServiceProvider services, Due delivery, CancellationToken cancellationToken)
    {
        if (SenderOf(delivery.Activity) is not { } actorId)
        {
            return new DeliveryOutcome(null, "The queued activity names no actor.", Permanent: true);
        }

        // Queued before a moderator blocked the inbox's server or actor, and not yet dropped with the block.
        if ((await services.GetRequiredService<FederationBlockList>().GetAsync(cancellationToken)).CoversInbox(delivery.Inbox))
        {
            return new DeliveryOutcome(null, "The inbox is blocked by this site's moderators.", Permanent: true);
        }

        var key = _privateKeys.TryGetValue((delivery.SenderKind, delivery.SenderId), out var known)
            ? known
            : _privateKeys[(delivery.SenderKind, delivery.SenderId)] =
                (await services.GetRequiredService<ActorKeys>().ForAsync(delivery.SenderKind, delivery.SenderId, cancellationToken)).PrivateKeyPem;
        return await _sender.SendAsync(new OutgoingActivity(delivery.Inbox, delivery.Activity, FederationUrls.KeyId(actorId), key), cancellationToken);
    }

    /// <summary>Attempts is this claim's token: should the lease have run out and another pass claimed the row meanwhile, its record wins.</summary>
    protected override async Task RecordAsync(FolioDb db, Due delivery, DeliveryOutcome outcome, FinishedAttempt attempt)
    {
        await db.FederationDeliveries.Where(d => d.Id == delivery.Id && d.Attempts == attempt.Number).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.NextAttemptAt, attempt.RetryAt)
            .SetProperty(d => d.LastStatusCode, outcome.StatusCode)
            .SetProperty(d => d.LastError, outcome.Error)
            .SetProperty(d => d.DeliveredAt, attempt.Succeeded ? attempt.FinishedAt : null));

        if (outcome.Gone)
        {
            // The inbox is gone for good: whoever it delivered for follows no one here any more.
            await db.RemoteFollowers
                .Where(f => f.RemoteActor.Inbox == delivery.Inbox || f.RemoteActor.SharedInbox == delivery.Inbox)
                .ExecuteDeleteAsync();
        }
    }

    protected override string Describe(Due delivery) => $"activity delivery {delivery.Id} to {delivery.Inbox}";

    private static string? SenderOf(string activity)
    {
        using var document = JsonDocument.Parse(activity);
        return document.RootElement.TryGetProperty("actor", out var actor) && actor.ValueKind == JsonValueKind.String ? actor.GetString() : null;
    }
}
