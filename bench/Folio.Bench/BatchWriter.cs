using System.Diagnostics;
using Folio.Data;
using Folio.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Bench;

/// <summary>
/// Inserts rows a batch at a time, one transaction per batch, through the <see cref="RowInserter"/>. Rows that belong
/// together (a comment thread) travel as one group, never split.
/// </summary>
public sealed class BatchWriter(FolioDb db, int batchSize, TextWriter progress)
{
    private readonly RowInserter _inserter = new(db);

    public Task<int> WriteAsync<T>(string what, IEnumerable<T> rows, CancellationToken cancellationToken) where T : class =>
        WriteGroupsAsync(what, rows.Chunk(batchSize), cancellationToken);

    /// <param name="sharedTypeName">The entity type's name where its rows are dictionaries (the story–tag join).</param>
    public async Task<int> WriteGroupsAsync<T>(string what, IEnumerable<IReadOnlyCollection<T>> groups, CancellationToken cancellationToken, string? sharedTypeName = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var written = 0;
        var batch = new List<T>(batchSize);
        foreach (var group in groups)
        {
            batch.AddRange(group);
            if (batch.Count >= batchSize)
            {
                written += await FlushAsync(batch, sharedTypeName, cancellationToken);
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
                {
                    lastReport = clock.Elapsed;
                    progress.WriteLine($"  {what}: {written:N0} rows, {written / clock.Elapsed.TotalSeconds:N0}/s");
                }
            }
        }

        written += await FlushAsync(batch, sharedTypeName, cancellationToken);
        progress.WriteLine($"  {what}: {written:N0} rows in {clock.Elapsed.TotalSeconds:N1} s");
        return written;
    }

    /// <summary>Lets the site's own inserts continue after the keys the writer gave out (PostgreSQL's sequences).</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await PostgresSequences.ResetAsync(db, cancellationToken);
        }
    }

    private async Task<int> FlushAsync<T>(List<T> batch, string? sharedTypeName, CancellationToken cancellationToken) where T : class
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        _inserter.Insert(batch, sharedTypeName, transaction.GetDbTransaction());
        await transaction.CommitAsync(cancellationToken);
        var count = batch.Count;
        batch.Clear();
        return count;
    }
}
