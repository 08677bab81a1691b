using System.IO.Compression;
using Folio.Features.Operations;
using Folio.Tests.Admin;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Operations;

public sealed class RestoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("folio-restores-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RestoredIntoAFreshDataDirectoryTheSiteServesTheSameStoryAndMedia()
    {
        using var source = new SqliteSite();
        using var app = source.App();
        var community = await app.Data.CommunityAsync();
        var author = await app.Data.PersonAsync();
        var story = await app.Data.StoryAsync(community, author, title: "The river at dawn");
        await app.Data.CommentAsync(story, author, "Kept through a restore.");
        SiteFiles.Write(source.DataDirectory, "media/heroes/h1.webp", "hero image");
        SiteFiles.Write(source.DataDirectory, "pages/privacy.md", "# Privacy\n\nOur own policy, restored too.");
        var archive = Path.Combine(_folder, "site.zip");
        var backup = await app.WithDbAsync(db => Task.FromResult(ActivatorUtilities.CreateInstance<SiteBackup>(app.Services).Create(db, archive, overwrite: false)));
        Assert.True(backup.Succeeded, backup.Message);
        var storyUrl = $"/{community.Slug}/{story.Slug}";
        var expected = SiteFiles.MainOf(await app.GetPageAsync(storyUrl));

        using var target = new SqliteSite();
        using var folio = new FolioProcess();
        var run = await folio.RunAsync([.. target.CommandSettings, "restore", archive]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("restored ", run.Out);
        using var restored = target.App();
        restored.Clock.Now = app.Clock.Now;
        Assert.Equal(expected, SiteFiles.MainOf(await restored.GetPageAsync(storyUrl)));
        Assert.Contains("Kept through a restore.", expected);
        using var client = restored.CreateClient();
        Assert.Equal("hero image", await client.GetStringAsync("/media/heroes/h1.webp"));
        Assert.Contains("Our own policy, restored too.", (await restored.GetPageAsync("/privacy")).Body!.TextContent);
    }

    [Fact]
    public async Task RestoreReplacesAnExistingSiteOnlyWithForceAndKeepsTheOldOneAside()
    {
        using var source = new SqliteSite();
        var archive = Path.Combine(_folder, "site.zip");
        using (var app = source.App())
        {
            await app.Data.CommunityAsync("from-the-backup");
            Assert.True(await app.WithDbAsync(db => Task.FromResult(ActivatorUtilities.CreateInstance<SiteBackup>(app.Services).Create(db, archive, false).Succeeded)));
        }

        using var target = new SqliteSite();
        using (var app = target.App())
        {
            await app.Data.CommunityAsync("already-here");
        }

        var refused = Restore(target, archive, force: false);
        Assert.False(refused.Succeeded);
        Assert.Contains("--force", refused.Message);
        Assert.Equal(["already-here"], CommunitySlugs(target.DatabasePath));

        var done = Restore(target, archive, force: true);
        Assert.True(done.Succeeded, done.Message);
        Assert.Equal(["from-the-backup"], CommunitySlugs(target.DatabasePath));
        var aside = Assert.Single(Directory.GetDirectories(target.DataDirectory, "before-restore-*"));
        Assert.Contains(aside, done.Message);
        Assert.Equal(["already-here"], CommunitySlugs(Path.Combine(aside, "folio.db")));
        Assert.Empty(Directory.GetDirectories(target.DataDirectory, ".restore-*"));
    }

    [Theory]
    [InlineData("plain text", "not a zip archive")]
    [InlineData("zip without manifest", "has no folio-backup.json")]
    [InlineData("database that is not SQLite", "not a readable SQLite database")]
    [InlineData("SQLite database that is not Folio's", "no __EFMigrationsHistory")]
    [InlineData("backup from a newer Folio", "newer version of Folio")]
    public async Task RestoreRefusesWhatIsNotARestorableBackupAndTouchesNothing(string what, string reason)
    {
        var archive = await NotARestorableBackupAsync(what);
        using var target = new SqliteSite();

        var result = Restore(target, archive, force: false);

        Assert.False(result.Succeeded, result.Message);
        Assert.Contains(reason, result.Message);
        Assert.False(File.Exists(target.DatabasePath));
        Assert.Empty(Directory.GetFileSystemEntries(target.DataDirectory));
    }

    private static OperationResult Restore(SqliteSite site, string archive, bool force)
    {
        using var db = site.OpenDb();
        return new SiteRestore(site.Folder(), TimeProvider.System).Restore(db, archive, force);
    }

    private async Task<string> NotARestorableBackupAsync(string what)
    {
        var archive = Path.Combine(_folder, "not-a-backup.zip");
        var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, DateTime.UtcNow, "test", "sqlite", null, 0).ToJson();
        var database = Path.Combine(_folder, "folio.db");
        switch (what)
        {
            case "plain text":
                await File.WriteAllTextAsync(archive, "this is not a zip");
                return archive;
            case "zip without manifest":
                SiteFiles.Zip(archive, ("folio.db", "whatever"));
                return archive;
            case "database that is not SQLite":
                SiteFiles.Zip(archive, ("folio-backup.json", manifest), ("folio.db", "not a database, just text that is long enough to be read"));
                return archive;
            case "SQLite database that is not Folio's":
                using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
                {
                    connection.Open();
                    Scalar(connection, "CREATE TABLE Notes (Id INTEGER PRIMARY KEY)");
                }

                break;
            default:
                using (var site = new SqliteSite())
                {
                    using (var app = site.App())
                    {
                        _ = app.Services; // started: the database is created and migrated
                    }

                    SqliteConnection.ClearAllPools();
                    File.Copy(site.DatabasePath, database);
                }

                using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
                {
                    connection.Open();
                    Scalar(connection, "PRAGMA journal_mode=DELETE");
                    Scalar(connection, "INSERT INTO __EFMigrationsHistory VALUES ('29991231000000_FromTheFuture', '99.0.0')");
                }

                break;
        }

        using var zip = ZipFile.Open(archive, ZipArchiveMode.Create);
        zip.CreateEntryFromFile(database, "folio.db");
        using var writer = new StreamWriter(zip.CreateEntry("folio-backup.json").Open());
        await writer.WriteAsync(manifest);
        return archive;
    }

    private static List<string> CommunitySlugs(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Slug FROM Communities ORDER BY Slug";
        using var reader = command.ExecuteReader();
        var slugs = new List<string>();
        while (reader.Read())
        {
            slugs.Add(reader.GetString(0));
        }

        return slugs;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
