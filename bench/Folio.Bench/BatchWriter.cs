using System.Diagnostics;
using Folio.Data;

namespace Folio.Bench;

/// <summary>
/// Inserts rows a batch at a time, one transaction per batch, with the change tracker emptied in between so memory stays
/// flat however many rows go in. Rows that belong together (a comment thread) travel as one group, never split.
/// </summary>
public sealed class BatchWriter(FolioDb db, int batchSize, TextWriter progress)
{
    public Task<int> WriteAsync<T>(string what, IEnumerable<T> rows, CancellationToken cancellationToken) where T : class =>
        WriteGroupsAsync(what, rows.Chunk(batchSize), cancellationToken);

    public Task<int> WriteGroupsAsync<T>(string what, IEnumerable<IReadOnlyCollection<T>> groups, CancellationToken cancellationToken) where T : class =>
        WriteGroupsAsync(what, groups, (d, rows) => d.AddRange(rows), cancellationToken);

    /// <param name="add">How a batch joins the context; rows of a shared-type entity (the story–tag join) need their set named.</param>
    public async Task<int> WriteGroupsAsync<T>(string what, IEnumerable<IReadOnlyCollection<T>> groups, Action<FolioDb, List<T>> add, CancellationToken cancellationToken)
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
                written += await FlushAsync(batch, add, cancellationToken);
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
                {
                    lastReport = clock.Elapsed;
                    progress.WriteLine($"  {what}: {written:N0} rows, {written / clock.Elapsed.TotalSeconds:N0}/s");
                }
            }
        }

        written += await FlushAsync(batch, add, cancellationToken);
        progress.WriteLine($"  {what}: {written:N0} rows in {clock.Elapsed.TotalSeconds:N1} s");
        return written;
    }

    private async Task<int> FlushAsync<T>(List<T> batch, Action<FolioDb, List<T>> add, CancellationToken cancellationToken) where T : class
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        add(db, batch);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var count = batch.Count;
        batch.Clear();
        return count;
    }
}
