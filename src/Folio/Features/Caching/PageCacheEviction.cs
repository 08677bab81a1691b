using System.Data.Common;
using System.Runtime.CompilerServices;
using Folio.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Features.Caching;

/// <summary>
/// Evicts the cached pages a save makes stale (<see cref="StalePages"/>), whichever page, endpoint or service made it.
/// Eviction goes through <see cref="IOutputCacheStore"/>, so with the Redis store every node sees it at once.
/// A save inside an explicit transaction evicts when the transaction commits, or a request in between could cache
/// the old content again. Bulk ExecuteUpdate/ExecuteDelete bypass this: their callers must save something tracked
/// that evicts the same pages (account deletion does: deleting the person evicts every page).
/// One race is left: a request that read the old rows before the save can store its page just after the eviction;
/// that copy lives until <see cref="PageCachingOptions.Duration"/> at most.
/// </summary>
public sealed class PageCacheEviction(IOutputCacheStore store, ILogger<PageCacheEviction> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IReadOnlySet<string>> _saving = [];
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _awaitingCommit = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _saving.TryGetValue(context, out var tags))
        {
            _saving.Remove(context);
            if (context.Database.CurrentTransaction is not null)
            {
                _awaitingCommit.GetOrCreateValue(context).UnionWith(tags);
            }
            else
            {
                await EvictAsync(tags);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, _saving);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, _saving);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context, _saving);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, _saving);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _awaitingCommit.TryGetValue(context, out var tags))
        {
            _awaitingCommit.Remove(context);
            await EvictAsync(tags);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, _awaitingCommit);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, _awaitingCommit);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not FolioDb)
        {
            return;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var tags = StalePages.TagsFor(context.ChangeTracker);
        if (tags.Count > 0)
        {
            _saving.AddOrUpdate(context, tags);
        }
    }

    /// <summary>
    /// Never cancelled with the request: the change is saved, so its pages must go even if the visitor left. A store
    /// that fails (Redis down) must not turn a saved change into an error page; the copies expire on their own.
    /// </summary>
    private async Task EvictAsync(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            try
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not evict cached pages tagged {Tag}; they are served until they expire", tag);
            }
        }
    }

    private static void Forget<T>(DbContext? context, ConditionalWeakTable<DbContext, T> table)
        where T : class
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }
}
