using Folio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Operations;

/// <summary>On SQLite a write that finds the database locked waits inside SQLite, not in fixed sleeps between retries.</summary>
public sealed class SqliteBusyWaitTests : IDisposable
{
    private readonly SqliteSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task EveryConnectionTheSiteOpensWaitsForTheWriteLockInsideSqlite()
    {
        using var app = _site.App();

        var timeouts = await app.WithDbAsync(async db =>
        {
            var seen = new List<long>();
            for (var open = 0; open < 3; open++) // pooled connections are opened again on each use
            {
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout;";
                seen.Add((long)(await command.ExecuteScalarAsync())!);
                await db.Database.CloseConnectionAsync();
            }

            return seen;
        });

        Assert.All(timeouts, timeout => Assert.Equal(SqliteBusyWait.Milliseconds, timeout));
        using var plain = new SqliteConnection($"Data Source={_site.DatabasePath};Pooling=False");
        plain.Open();
        using var unset = plain.CreateCommand();
        unset.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(0L, (long)unset.ExecuteScalar()!); // what a connection has without Folio's setting
    }
}
