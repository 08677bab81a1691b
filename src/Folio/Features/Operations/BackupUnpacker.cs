using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Folio.Features.Operations;

/// <summary>Unpacks a backup into a staging folder and checks that it is one Folio can restore, before anything of the site is touched.</summary>
public static class BackupUnpacker
{
    /// <returns>On success, a short description of what was unpacked (migration and file count).</returns>
    public static OperationResult Unpack(string archive, string staging, IReadOnlySet<string> knownMigrations)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(archive);
        }
        catch (InvalidDataException)
        {
            return NotABackup(archive, "it is not a zip archive");
        }

        using (zip)
        {
            using var manifestStream = zip.GetEntry(BackupArchive.ManifestEntry)?.Open();
            if (manifestStream is null || BackupManifest.Read(manifestStream) is not { } manifest)
            {
                return NotABackup(archive, $"it has no {BackupArchive.ManifestEntry} this version of Folio understands");
            }

            if (zip.GetEntry(BackupArchive.DatabaseEntry) is not { } databaseEntry)
            {
                return NotABackup(archive, $"it has no {BackupArchive.DatabaseEntry}");
            }

            var database = Path.Combine(staging, BackupArchive.DatabaseEntry);
            databaseEntry.ExtractToFile(database);
            if (CheckDatabase(database, knownMigrations) is { } problem)
            {
                return NotABackup(archive, problem);
            }

            var files = 0;
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0 && BackupArchive.Folders.Any(f => e.FullName.StartsWith(f + "/", StringComparison.Ordinal))))
            {
                var target = Path.GetFullPath(Path.Combine(staging, entry.FullName));
                if (!target.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return NotABackup(archive, $"the entry {entry.FullName} points outside the data directory");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target);
                files++;
            }

            return OperationResult.Done($"made {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC, migration {manifest.Migration ?? "none"}, {files} media and page files");
        }
    }

    private static string? CheckDatabase(string path, IReadOnlySet<string> knownMigrations)
    {
        try
        {
            using var connection = SqliteFiles.Open(path, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            if (command.ExecuteScalar() is not "ok")
            {
                return $"its {BackupArchive.DatabaseEntry} fails SQLite's quick_check";
            }

            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (command.ExecuteScalar() is not 1L)
            {
                return $"its {BackupArchive.DatabaseEntry} is not a Folio database (it has no __EFMigrationsHistory table)";
            }

            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!knownMigrations.Contains(reader.GetString(0)))
                {
                    return $"it was made by a newer version of Folio (migration {reader.GetString(0)}); restore it with that version";
                }
            }

            return null;
        }
        catch (SqliteException e)
        {
            return $"its {BackupArchive.DatabaseEntry} is not a readable SQLite database ({e.Message})";
        }
    }

    private static OperationResult NotABackup(string archive, string why) => OperationResult.Refused($"{archive} is not a Folio backup that can be restored: {why}.");
}
