using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Data;

/// <summary>
/// The one interceptor behind every save: asks the observers what the save means to them before the rows are written,
/// runs their work inside the transaction after the write, and once the change is committed (at once when the transaction
/// is the pipeline's own, when the caller's transaction commits otherwise) their work that must follow the commit. When
/// the caller has no transaction and some observer has work, the pipeline opens one around the write and that work: EF's
/// own would commit before the work ran, and two saves at once could then each index or count the other's rows. Bulk
/// ExecuteUpdate/ExecuteDelete bypass the change tracker and so every observer; their callers say what they do instead.
/// </summary>
public sealed class SavePipeline(IReadOnlyList<ISaveObserver> observers, ILogger<SavePipeline> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Save> _saving = [];
    private readonly ConditionalWeakTable<DbContext, List<ISaveEffect>> _awaitingCommit = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not FolioDb db || _saving.TryGetValue(db, out var outer) && outer.Settling)
        {
            // An effect's own save (a webhook delivery) is part of the save that caused it, not a change of its own.
            return result;
        }

        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var save = new Save();
        try
        {
            foreach (var observer in observers)
            {
                if (await observer.ObserveAsync(db, cancellationToken) is { } effect)
                {
                    save.Effects.Add(effect);
                }
            }
        }
        catch
        {
            await AbandonAsync(save.Effects);
            throw;
        }

        if (save.Effects.Count > 0 && db.Database.CurrentTransaction is null)
        {
            save.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        _saving.AddOrUpdate(db, save);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        // Folio saves asynchronously; a synchronous save still runs every observer (SQLite runs synchronously anyway).
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not FolioDb db || !_saving.TryGetValue(db, out var save) || save.Settling)
        {
            return result;
        }

        save.Settling = true;
        try
        {
            foreach (var effect in save.Effects)
            {
                await effect.SavedAsync(db, cancellationToken);
            }

            if (save.OwnTransaction is { } own)
            {
                await own.CommitAsync(CancellationToken.None);
            }
        }
        catch
        {
            await save.EndTransactionAsync();
            await AbandonAsync(save.Effects);
            throw;
        }
        finally
        {
            _saving.Remove(db);
        }

        if (save.OwnTransaction is not null)
        {
            await save.EndTransactionAsync();
            await CommittedAsync(save.Effects);
        }
        else
        {
            _awaitingCommit.GetOrCreateValue(db).AddRange(save.Effects);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => FailedAsync(eventData.Context);

    // A save refused for a concurrency conflict ends here: EF Core raises no SaveChangesFailed for it.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        FailedAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        await FailedAsync(eventData.Context);
        return result;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => FailedAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => FailedAsync(eventData.Context);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // A transaction an effect opened and commits itself (the webhook outbox's) is settled with its save, just after.
        if (eventData.Context is { } context && !(_saving.TryGetValue(context, out var save) && save.Settling) && Take(context) is { } effects)
        {
            await CommittedAsync(effects);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionRolledBackAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !(_saving.TryGetValue(context, out var save) && save.Settling) && Take(context) is { } effects)
        {
            await AbandonAsync(effects);
        }
    }

    private async Task FailedAsync(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var save) && !save.Settling)
        {
            _saving.Remove(context);
            await save.EndTransactionAsync();
            await AbandonAsync(save.Effects);
        }
    }

    private List<ISaveEffect>? Take(DbContext context)
    {
        if (!_awaitingCommit.TryGetValue(context, out var effects))
        {
            return null;
        }

        _awaitingCommit.Remove(context);
        return effects;
    }

    /// <summary>
    /// Never cancelled with the request, and never an error: the change is saved, so what follows it must happen even if
    /// the visitor left, and a failure here (Redis away) is logged rather than turning a saved change into an error page.
    /// </summary>
    private async Task CommittedAsync(List<ISaveEffect> effects)
    {
        foreach (var effect in effects)
        {
            try
            {
                await effect.CommittedAsync();
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Effect} failed after its change was committed; the change stands", effect.GetType().Name);
            }
        }
    }

    private static async Task AbandonAsync(List<ISaveEffect> effects)
    {
        foreach (var effect in effects)
        {
            await effect.AbandonAsync();
        }
    }

    private sealed class Save
    {
        public List<ISaveEffect> Effects { get; } = [];

        /// <summary>Set while the effects run after the write, so their own saves and transactions are left to them.</summary>
        public bool Settling { get; set; }

        /// <summary>Opened by the pipeline because the caller had none; committed once every effect's work is written.</summary>
        public IDbContextTransaction? OwnTransaction { get; set; }

        /// <summary>Disposing rolls the transaction back unless it was committed.</summary>
        public ValueTask EndTransactionAsync() => OwnTransaction?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
