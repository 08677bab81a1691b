using System.IO.Compression;
using System.Reflection;
using Folio.Data;
using Microsoft.Data.Sqlite;

namespace Folio.Features.Operations;

/// <summary>
/// `backup` on SQLite: a consistent copy of the database taken with SQLite's online backup API, so the site keeps
/// serving and writing while it runs, zipped with the data directory's media and pages (see <see cref="BackupArchive"/>).
/// The archive is written under a temporary name and renamed when complete, so a backup file is never half a backup.
/// </summary>
public sealed class SiteBackup(DataDirectory dataDirectory, TimeProvider clock)
{
    public OperationResult Create(FolioDb db, string archivePath, bool overwrite)
    {
        var database = SqliteFiles.DatabasePath(db);
        var archive = Path.GetFullPath(archivePath);
        if (!File.Exists(database))
        {
            return OperationResult.Refused($"There is no database at {database} to back up. Check Folio:DataDirectory (or ConnectionStrings:Folio).");
        }

        if (File.Exists(archive) && !overwrite)
        {
            return OperationResult.Refused($"{archive} already exists. Choose another file name, or add --force to replace it.");
        }

        if (Path.GetDirectoryName(archive) is { } folder && !Directory.Exists(folder))
        {
            return OperationResult.Refused($"The folder {folder} does not exist.");
        }

        var partial = $"{archive}.{Guid.NewGuid():N}.partial";
        var copy = partial + ".db";
        try
        {
            var migration = CopyDatabase(database, copy);
            // After the database: every file its rows name was uploaded before the copy, so it is in the archive too.
            var files = WriteArchive(partial, copy, migration);
            File.Move(partial, archive, overwrite);
            return OperationResult.Done($"backed up {database} (migration {migration ?? "none"}) and {files} media and page files to {archive}");
        }
        finally
        {
            foreach (var leftover in SqliteFiles.WithJournals(copy).Append(partial))
            {
                File.Delete(leftover);
            }
        }
    }

    private static string? CopyDatabase(string database, string copyPath)
    {
        using (var source = SqliteFiles.Open(database))
        using (var copy = SqliteFiles.Open(copyPath, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
        }

        // One self-contained file (no -wal beside it), checked before it is trusted as a backup.
        using var check = SqliteFiles.Open(copyPath);
        if (Pragma(check, "journal_mode=DELETE") is not "delete" || Pragma(check, "quick_check") is not "ok")
        {
            throw new InvalidOperationException($"The copy of {database} failed SQLite's checks; the database may be damaged. No backup was written.");
        }

        return SqliteFiles.LatestMigration(check);
    }

    private static string? Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return command.ExecuteScalar() as string;
    }

    private int WriteArchive(string archivePath, string databaseCopy, string? migration)
    {
        using var zip = ZipFile.Open(archivePath, ZipArchiveMode.Create);
        zip.CreateEntryFromFile(databaseCopy, BackupArchive.DatabaseEntry, CompressionLevel.Optimal);
        var files = 0;
        foreach (var file in BackupArchive.Folders.Select(folder => dataDirectory.File(folder)).Where(Directory.Exists)
                     .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)))
        {
            var name = Path.GetRelativePath(dataDirectory.Path, file).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                // Media are already-compressed images; compressing them again costs time and saves nothing.
                zip.CreateEntryFromFile(file, name, name.StartsWith("media/", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                files++;
            }
            catch (FileNotFoundException)
            {
                // Deleted while the backup ran (an avatar replaced): there is nothing left to copy.
            }
        }

        var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, clock.GetUtcNow().UtcDateTime,
            typeof(SiteBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            "sqlite", migration, files);
        using var writer = new StreamWriter(zip.CreateEntry(BackupArchive.ManifestEntry).Open());
        writer.Write(manifest.ToJson());
        return files;
    }
}
