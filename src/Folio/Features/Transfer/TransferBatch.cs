using Folio.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Features.Transfer;

/// <summary>
/// Commits an import every <see cref="Size"/> items rather than after each: a commit waits for the disk, and one per
/// story made a large import crawl. A story the database refuses is still rolled back alone (EF Core saves within a
/// savepoint inside a transaction); a crash loses at most one batch, which the next run, being idempotent, brings in.
/// </summary>
/// <param name="beforeCommit">Saves what the items queued (<see cref="StoryImporter.SaveQueuedAsync"/>) before each commit.</param>
public sealed class TransferBatch(FolioDb db, Func<CancellationToken, Task>? beforeCommit = null) : IAsyncDisposable
{
    public const int Size = 50;

    private IDbContextTransaction? _transaction;
    private int _items;

    /// <summary>Call before each item.</summary>
    public async Task NextAsync(CancellationToken cancellationToken)
    {
        if (_items++ % Size == 0)
        {
            await CommitAsync(cancellationToken);
        }

        _transaction ??= await BulkWrites.BeginBatchAsync(db, cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (beforeCommit is not null)
        {
            await beforeCommit(cancellationToken);
        }

        if (_transaction is { } transaction)
        {
            _transaction = null;
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }
}
