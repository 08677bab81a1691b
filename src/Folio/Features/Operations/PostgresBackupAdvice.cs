using Npgsql;

namespace Folio.Features.Operations;

/// <summary>
/// `backup` on PostgreSQL: pg_dump already makes consistent backups of a live database, better than Folio could, so
/// the command prints the pg_dump (and media) commands for this site instead, and checks that pg_dump is installed.
/// </summary>
public static class PostgresBackupAdvice
{
    public static OperationResult For(string connectionString, string file, string dataDirectory)
    {
        NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return OperationResult.Refused($"ConnectionStrings:Folio is not a valid PostgreSQL connection string: {e.Message}");
        }

        var pgDump = FindPgDump();
        var command = string.Join(' ', [
            pgDump ?? "pg_dump", "--format=custom",
            $"--host={Quote(connection.Host ?? "localhost")}", $"--port={connection.Port}",
            $"--username={Quote(connection.Username ?? Environment.UserName)}", $"--dbname={Quote(connection.Database ?? "")}",
            $"--file={Quote(file)}"]);
        var advice = string.Join(Environment.NewLine,
            "On PostgreSQL, Folio's backup is pg_dump's: it takes a consistent copy while the site serves. Nothing was written yet. Run:",
            "",
            $"  PGPASSWORD=… {command}",
            "",
            "(or keep the password in ~/.pgpass). Restore it into an empty database with pg_restore --dbname=… " + Quote(file) + ".",
            "Uploaded media and your own site pages are files, not rows: back up the data directory's media/ and pages/ too, e.g.",
            "",
            $"  tar -czf folio-files.tar.gz -C {Quote(dataDirectory)} media pages");
        return pgDump is null
            ? OperationResult.Refused("pg_dump is not installed (not on PATH, nor in /usr/lib/postgresql/*/bin): install PostgreSQL's client programs, "
                + "e.g. apt-get install postgresql-client, in a version at least the server's." + Environment.NewLine + Environment.NewLine + advice)
            : OperationResult.Done(advice);
    }

    /// <summary>pg_dump on PATH, else the newest of Debian's versioned installs.</summary>
    public static string? FindPgDump()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "pg_dump"));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin", "pg_dump"))
            : [];
        return onPath.Concat(debian).FirstOrDefault(File.Exists);
    }

    /// <summary>As a POSIX shell reads it: bare when safe, otherwise in single quotes.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+".Contains(c))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
