using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>What a long run of writes (an import) asks of the database connection it holds.</summary>
public static class BulkWrites
{
    // SQLite's default page cache is 2 MB a connection: an import that inserts into a dozen indexes and the search
    // index, each larger than that, read the same pages back from the file for every batch (a fifth of a 10,000-story
    // import's time was the kernel copying them).
    private const int SqliteCacheKibibytes = 64 * 1024;

    /// <summary>Call with the connection open (inside the batch's transaction); it lasts as long as the connection.</summary>
    public static Task PrepareAsync(FolioDb db, CancellationToken cancellationToken) =>
        db.Database.IsSqlite()
            ? db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{SqliteCacheKibibytes}", cancellationToken)
            : Task.CompletedTask;
}
