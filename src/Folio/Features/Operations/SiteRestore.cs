using System.IO.Compression;
using Folio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Operations;

/// <summary>
/// `restore` on SQLite: puts a backup's database, media and pages in place of the site's. The archive is unpacked
/// and checked beside the site first; only then are the current files moved aside (into before-restore-{time}/ in the
/// data directory, never deleted) and the restored ones moved in, each a rename that is undone if a later one fails.
/// </summary>
public sealed class SiteRestore(DataDirectory dataDirectory, TimeProvider clock)
{
    public OperationResult Restore(FolioDb db, string archivePath, bool force)
    {
        var archive = Path.GetFullPath(archivePath);
        var database = SqliteFiles.DatabasePath(db);
        if (!File.Exists(archive))
        {
            return OperationResult.Refused($"There is no file at {archive}.");
        }

        if (File.Exists(database) && !force)
        {
            return OperationResult.Refused($"{database} already holds a site. Restoring replaces it (its files are kept in a before-restore folder): "
                + "stop the site, then run restore again with --force.");
        }

        var staging = dataDirectory.File($".restore-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            var unpacked = BackupUnpacker.Unpack(archive, staging, db.Database.GetMigrations().ToHashSet());
            if (!unpacked.Succeeded)
            {
                return unpacked;
            }

            SqliteConnection.ClearAllPools();
            var aside = MoveIntoPlace(staging, database);
            return OperationResult.Done($"restored {archive} ({unpacked.Message}) into {database}"
                + (aside is null ? "" : $"; the previous database and files are in {aside}")
                + ". Start Folio to serve it; it applies any newer migrations first.");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private string? MoveIntoPlace(string staging, string database)
    {
        var aside = dataDirectory.File($"before-restore-{clock.GetUtcNow():yyyyMMdd-HHmmss}");
        var current = SqliteFiles.WithJournals(database).Where(File.Exists)
            .Concat(BackupArchive.Folders.Select(folder => dataDirectory.File(folder)).Where(Directory.Exists))
            .ToList();
        var moves = new List<(string From, string To)>();
        try
        {
            if (current.Count > 0)
            {
                Directory.CreateDirectory(aside);
            }

            foreach (var path in current)
            {
                Move(path, Path.Combine(aside, Path.GetFileName(path)), moves);
            }

            Move(Path.Combine(staging, BackupArchive.DatabaseEntry), database, moves);
            foreach (var folder in BackupArchive.Folders.Where(f => Directory.Exists(Path.Combine(staging, f))))
            {
                Move(Path.Combine(staging, folder), dataDirectory.File(folder), moves);
            }
        }
        catch
        {
            foreach (var (from, to) in Enumerable.Reverse(moves))
            {
                Move(to, from, moves: null);
            }

            throw;
        }

        return current.Count > 0 ? aside : null;
    }

    private static void Move(string from, string to, List<(string, string)>? moves)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }

        moves?.Add((from, to));
    }
}
