using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;

namespace Folio.Bench;

/// <summary>The database to fill, opened through Folio's own core so its schema, roles and search index are the product's.</summary>
public sealed record TargetDatabase(DatabaseProvider Provider, string? Connection, string DataDirectory)
{
    /// <summary>Folio's core, built but never started, over a database migrated as the site migrates it on start.</summary>
    public async Task<WebApplication> OpenFolioAsync()
    {
        var settings = new List<string>
        {
            $"--Folio:DataDirectory={Path.GetFullPath(DataDirectory)}",
            $"--Folio:Database={Provider}",
            "--Folio:SeedDemo=false",
        };
        if (Connection is not null)
        {
            settings.Add($"--ConnectionStrings:Folio={Connection}");
        }

        var builder = WebApplication.CreateBuilder(settings.ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.AddFolioCore();
        var app = builder.Build();
        await app.InitializeDatabaseAsync();
        return app;
    }

    /// <summary>
    /// A FolioDb without the save pipeline: bulk rows skip the per-save search indexing, webhook outbox and cache
    /// eviction log, and the generator rebuilds what those derive once, at the end, as an import into a new site would.
    /// On SQLite its connection stays open with a 1 GB page cache: the indexes of millions of hearts and insights by
    /// random readers are written all over, and with SQLite's default 2 MB each insert read its pages from the disk.
    /// </summary>
    public async Task<FolioDb> NewBulkContextAsync(IServiceProvider folio)
    {
        FolioDb db = Provider == DatabaseProvider.Postgres
            ? new PostgresFolioDb(new DbContextOptionsBuilder<PostgresFolioDb>().UseNpgsql(Connection).Options)
            : new FolioDb(new DbContextOptionsBuilder<FolioDb>().UseSqlite(SqliteConnectionString(folio)).Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        if (Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -1048576;");
        }

        return db;
    }

    public async Task<long> SizeInBytesAsync(IServiceProvider folio, FolioDb db)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            return await db.Database.SqlQuery<long>($"SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var file = folio.GetRequiredService<Data.DataDirectory>().File("folio.db");
        return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    }

    private string SqliteConnectionString(IServiceProvider folio) =>
        Connection ?? folio.GetRequiredService<Data.DataDirectory>().SqliteConnectionString;
}
