using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Data;

/// <summary>The transaction of one batch of a long run of writes (an import), on a connection prepared for it.</summary>
public static class BulkWrites
{
    // SQLite's default page cache is 2 MB a connection: an import that inserts into a dozen indexes and the search
    // index, each larger than that, read the same pages back from the file for every batch (a fifth of a 10,000-story
    // import's time was the kernel copying them). The setting lasts as long as the pooled connection.
    private const int SqliteCacheKibibytes = 64 * 1024;

    public static async Task<IDbContextTransaction> BeginBatchAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{SqliteCacheKibibytes}", cancellationToken);
        }

        return transaction;
    }
}
