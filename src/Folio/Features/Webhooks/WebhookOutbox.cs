using System.Runtime.CompilerServices;
using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Features.Webhooks;

/// <summary>
/// Queues a delivery for every active webhook subscribed to an event that a save raises (see <see cref="WebhookTriggers"/>),
/// in the same transaction as the change, so a crash loses neither or both. The deliveries are written just after
/// the change itself, because a new story's or comment's id, which the payload carries, exists only once it is
/// inserted; when the caller has no transaction, one is opened around the two writes. A save that raises nothing
/// never reads the webhooks table.
/// </summary>
public sealed class WebhookOutbox(WebhookLinks links, WebhookSignal signal, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CollectAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Folio saves asynchronously; a synchronous save still queues its deliveries (SQLite runs synchronously anyway).
        CollectAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await QueueAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        QueueAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context);

    private async Task CollectAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not FolioDb db || _pending.TryGetValue(db, out var current) && current.Queueing)
        {
            return;
        }

        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var raised = WebhookTriggers.Detect(db.ChangeTracker);
        if (raised.Count == 0)
        {
            return;
        }

        // A tiny table, read only when something worth telling happened; no cache to keep in step across nodes.
        var hooks = await db.Webhooks.AsNoTracking().Where(w => w.Active).Select(w => new { w.Id, w.Events }).ToListAsync(cancellationToken);
        var wanted = raised
            .Select(e => new Wanted(e, [.. hooks.Where(h => h.Events.Contains(e.Name)).Select(h => h.Id)]))
            .Where(w => w.WebhookIds.Count > 0)
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        _pending.AddOrUpdate(db, new Pending(wanted, transaction));
    }

    private async Task QueueAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not FolioDb db || !_pending.TryGetValue(db, out var pending) || pending.Queueing)
        {
            return;
        }

        pending.Queueing = true;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var data = new WebhookEventData(db, links.Current());
            foreach (var (raised, webhookIds) in pending.Events)
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
            if (pending.Transaction is { } owned)
            {
                await owned.CommitAsync(CancellationToken.None);
            }
        }
        catch when (pending.Transaction is not null)
        {
            await pending.Transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await ForgetAsync(db);
        }

        // Inside the caller's own transaction the rows are not visible until it commits; the worker's poll finds them then.
        signal.Wake();
    }

    /// <summary>The change was not saved, so neither are its deliveries: disposing the transaction opened here rolls it back.</summary>
    private Task AbandonAsync(DbContext? context) =>
        context is not null && _pending.TryGetValue(context, out var pending) && !pending.Queueing ? ForgetAsync(context) : Task.CompletedTask;

    private async Task ForgetAsync(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            if (pending.Transaction is { } owned)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private sealed record Wanted(RaisedEvent Event, List<int> WebhookIds);

    private sealed class Pending(List<Wanted> events, IDbContextTransaction? transaction)
    {
        public List<Wanted> Events { get; } = events;

        /// <summary>Opened here because the caller had none; committed or rolled back here too.</summary>
        public IDbContextTransaction? Transaction { get; } = transaction;

        /// <summary>Set while the deliveries are saved, so that nested save is not read for events itself.</summary>
        public bool Queueing { get; set; }
    }
}
