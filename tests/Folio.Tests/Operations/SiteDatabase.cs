using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Folio.Tests.Operations;

/// <summary>
/// The database under a served Folio's data directory, opened beside it with plain SQL (an app of our own would start
/// a second mail worker), on whichever provider the tests run.
/// </summary>
public sealed class SiteDatabase(string dataDirectory)
{
    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql));

    /// <summary>
    /// What the provider can say about its files and indexes: SQLite's integrity and foreign-key checks, or on
    /// PostgreSQL amcheck over every B-tree index, each checked against its table's rows. Empty when all is well.
    /// </summary>
    public async Task<IReadOnlyList<string>> IntegrityProblemsAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            var integrity = await RowsAsync("PRAGMA integrity_check");
            var foreignKeys = await RowsAsync("PRAGMA foreign_key_check");
            return [.. integrity.Where(line => line != "ok"), .. foreignKeys.Select(row => "foreign key: " + row)];
        }

        await ScalarAsync("CREATE EXTENSION IF NOT EXISTS amcheck");
        // bt_index_check raises an error on the first corrupt index, which fails the test with its message.
        var checkedIndexes = await CountAsync("""
            SELECT count(bt_index_check(c.oid, true)::text) FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE a.amname = 'btree' AND n.nspname = 'public' AND i.indisvalid
            """);
        return checkedIndexes > 0 ? [] : ["amcheck found no index to check"];
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return rows;
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = TestDatabase.IsPostgres
            ? new NpgsqlConnection(TestDatabase.SettingsFor(dataDirectory)["ConnectionStrings:Folio"])
            : new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "folio.db")};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
