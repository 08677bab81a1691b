using Folio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Operations;

/// <summary>The files of the site's SQLite database: wherever ConnectionStrings:Folio or the data directory puts it.</summary>
public static class SqliteFiles
{
    public static string DatabasePath(FolioDb db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

    /// <summary>The database and the write-ahead log files that belong to it; a -wal file left beside another database would corrupt it.</summary>
    public static IEnumerable<string> WithJournals(string databasePath) =>
        [databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal"];

    /// <summary>A connection to a file that must already exist, unpooled so the file is free the moment it closes.</summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static string? LatestMigration(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1";
        return command.ExecuteScalar() as string;
    }
}
