using System.IO.Compression;
using Folio.Features.Operations;
using Folio.Tests.Admin;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Operations;

public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("folio-backups-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task BackupTakenWhileTheSiteKeepsWritingHoldsEveryRowWrittenBeforeItAndTheMedia()
    {
        using var site = new SqliteSite();
        using var app = site.App();
        var community = await app.Data.CommunityAsync();
        var author = await app.Data.PersonAsync();
        SiteFiles.Write(site.DataDirectory, "media/avatars/a1.webp", "avatar");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await app.Data.StoryAsync(community, author);
                Interlocked.Increment(ref written);
            }
        });
        await Eventually.TrueAsync(() => Volatile.Read(ref written) >= 5, within: TimeSpan.FromSeconds(60), because: "the site to write five stories");

        var before = Volatile.Read(ref written);
        using var folio = new FolioProcess();
        var archive = Path.Combine(_folder, "site.zip");
        var run = await folio.RunAsync([.. site.CommandSettings, "backup", archive]);
        var after = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("backed up ", run.Out);
        Assert.True(after > before, "the site went on writing while the backup ran");
        using var zip = ZipFile.OpenRead(archive);
        Assert.NotNull(zip.GetEntry("folio-backup.json"));
        Assert.Equal("avatar", SiteFiles.Read(zip.GetEntry("media/avatars/a1.webp")!));
        var database = Path.Combine(_folder, "copy.db");
        zip.GetEntry("folio.db")!.ExtractToFile(database);
        using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        // The writer counts a story once it is saved, so one story may be in the database and not yet counted.
        Assert.InRange((long)Scalar(connection, "SELECT count(*) FROM Stories")!, before, after + 1);
    }

    [Fact]
    public async Task BackupNeverOverwritesAFileUnlessForced()
    {
        using var site = new SqliteSite();
        using var app = site.App();
        var archive = Path.Combine(_folder, "site.zip");
        await File.WriteAllTextAsync(archive, "yesterday's backup");
        OperationResult Backup(bool force) => app.WithDbAsync(db =>
            Task.FromResult(ActivatorUtilities.CreateInstance<SiteBackup>(app.Services).Create(db, archive, force))).Result;

        var refused = Backup(force: false);
        Assert.False(refused.Succeeded);
        Assert.Contains("--force", refused.Message);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(archive));

        Assert.True(Backup(force: true).Succeeded);
        using var zip = ZipFile.OpenRead(archive);
        Assert.NotNull(zip.GetEntry("folio.db"));
        Assert.Equal([Path.GetFileName(archive)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void BackupRefusesWhenThereIsNoDatabaseYet()
    {
        using var site = new SqliteSite();
        using var db = site.OpenDb();

        var result = new SiteBackup(site.Folder(), TimeProvider.System).Create(db, Path.Combine(_folder, "site.zip"), overwrite: false);

        Assert.False(result.Succeeded);
        Assert.Contains("There is no database", result.Message);
        Assert.False(File.Exists(site.DatabasePath), "a backup never creates the database it was asked to copy");
    }

    [Fact]
    public void OnPostgresBackupPrintsThePgDumpCommandWithoutThePassword()
    {
        var result = PostgresBackupAdvice.For("Host=db.internal;Port=5433;Database=stories;Username=folio;Password=s3cret", "/backups/folio.dump", "/srv/folio data");

        Assert.Contains("pg_dump --format=custom --host=db.internal --port=5433 --username=folio --dbname=stories --file=/backups/folio.dump", result.Message);
        Assert.Contains("tar -czf folio-files.tar.gz -C '/srv/folio data' media pages", result.Message);
        Assert.DoesNotContain("s3cret", result.Message);
        Assert.Equal(PostgresBackupAdvice.FindPgDump() is not null, result.Succeeded);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
