using Folio.Data;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Webhooks;

/// <summary>
/// Queues a delivery for every active webhook subscribed to an event that a save raises (see <see cref="WebhookTriggers"/>),
/// in the same transaction as the change, so a crash loses neither or both. The deliveries are written just after
/// the change itself, because a new story's or comment's id, which the payload carries, exists only once it is
/// inserted (<see cref="SavePipeline"/> holds both in one transaction). A save that raises nothing
/// never reads the webhooks table.
/// </summary>
public sealed class WebhookOutbox(SaveTimeSiteUrls links, WebhookSignal signal, TimeProvider clock) : ISaveObserver
{
    public async ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var raised = WebhookTriggers.Detect(db.ChangeTracker);
        if (raised.Count == 0)
        {
            return null;
        }

        var hooks = await ActiveAsync(db, cancellationToken);
        var wanted = raised
            .Select(e => new Wanted(e, SubscribedTo(hooks, e.Name)))
            .Where(w => w.WebhookIds.Count > 0)
            .ToList();
        if (wanted.Count == 0)
        {
            return null;
        }

        return new Deliveries(this, wanted, signal);
    }

    /// <summary>
    /// For an event no save raises (a challenge opening as time passes): queues its deliveries in one transaction with
    /// <paramref name="claimAsync"/>, a conditional update that only one node's call wins, so the event goes out once
    /// however many nodes try. Returns whether this call made the claim.
    /// </summary>
    public async Task<bool> AnnounceOnceAsync(FolioDb db, RaisedEvent raised, Func<CancellationToken, Task<bool>> claimAsync, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await claimAsync(cancellationToken))
        {
            return false;
        }

        var webhookIds = SubscribedTo(await ActiveAsync(db, cancellationToken), raised.Name);
        if (webhookIds.Count > 0)
        {
            await QueueAsync(db, [new Wanted(raised, webhookIds)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (webhookIds.Count > 0)
        {
            signal.Wake();
        }

        return true;
    }

    private async Task QueueAsync(FolioDb db, List<Wanted> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var data = new WebhookEventData(db, links.Current(), clock);
        foreach (var (raised, webhookIds) in events)
        {
            var body = await data.ForAsync(raised, cancellationToken);
            foreach (var webhookId in webhookIds)
            {
                var deliveryId = Guid.NewGuid();
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    WebhookId = webhookId,
                    DeliveryId = deliveryId,
                    Event = raised.Name,
                    Payload = WebhookPayload.Create(raised.Name, deliveryId, now, body),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // A tiny table, read only when something worth telling happened; no cache to keep in step across nodes.
    private static async Task<List<(int Id, List<string> Events)>> ActiveAsync(FolioDb db, CancellationToken cancellationToken) =>
        [.. (await db.Webhooks.AsNoTracking().Where(w => w.Active).Select(w => new { w.Id, w.Events }).ToListAsync(cancellationToken)).Select(w => (w.Id, w.Events))];

    private static List<int> SubscribedTo(List<(int Id, List<string> Events)> hooks, string eventName) =>
        [.. hooks.Where(h => h.Events.Contains(eventName)).Select(h => h.Id)];

    private sealed record Wanted(RaisedEvent Event, List<int> WebhookIds);

    private sealed class Deliveries(WebhookOutbox outbox, List<Wanted> events, WebhookSignal signal) : ISaveEffect
    {
        public Task SavedAsync(FolioDb db, CancellationToken cancellationToken) => outbox.QueueAsync(db, events, cancellationToken);

        /// <summary>Woken once the deliveries are committed: before that the worker could not see them.</summary>
        public Task CommittedAsync()
        {
            signal.Wake();
            return Task.CompletedTask;
        }
    }
}
