using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout a write that finds the database locked fails at once and
/// Microsoft.Data.Sqlite retries it after a fixed sleep, so under many concurrent writes an unlucky one waits through
/// turn after turn of sleeps (seconds at the soak's 90 writes a second). With <c>busy_timeout</c> SQLite itself
/// waits, retrying within milliseconds of the lock coming free. The setting belongs to the connection, so it is set on
/// every open (pooled connections are opened once per use; the pragma costs no I/O).
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for the write lock before it is refused, as Microsoft.Data.Sqlite's own command timeout.</summary>
    public const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection); // SQLite runs synchronously anyway
        return Task.CompletedTask;
    }

    private static void Set(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
        command.ExecuteNonQuery();
    }
}
