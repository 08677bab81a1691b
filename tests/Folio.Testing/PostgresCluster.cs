using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Folio.Testing;

/// <summary>
/// A throwaway PostgreSQL server for one test run: initdb and pg_ctl from Debian's postgresql package, in a temporary
/// folder, on a free loopback port, stopped and removed when the run ends. Each test gets its own database.
/// </summary>
public sealed class PostgresCluster
{
    public const string User = "folio";
    private static readonly Lazy<PostgresCluster> Instance = new(Start);
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    private readonly NpgsqlDataSource _admin;
    private readonly int _serverVersion;

    private PostgresCluster(string folder, string bin, int port, bool asPostgresUser)
    {
        (_folder, _bin, Port, _asPostgresUser) = (folder, bin, port, asPostgresUser);
        _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
        // Debian keeps each major version's programs in /usr/lib/postgresql/{major}/bin.
        _serverVersion = int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0;
    }

    public int Port { get; }

    public static PostgresCluster Shared => Instance.Value;

    /// <summary>The directory holding Debian's PostgreSQL programs, or null when the package is not installed.</summary>
    public static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        return versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(bin => File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true;Maximum Pool Size=30;Connection Idle Lifetime=10;Connection Pruning Interval=5;Include Error Detail=true";

    /// <summary>
    /// A copy of <paramref name="template"/>, or an empty database. Copied file by file where the server can (PostgreSQL
    /// 15 and later, whose default writes every page of the copy to the WAL): every test's database is such a copy, so
    /// its cost counts a thousand times a run.
    /// </summary>
    public void CreateDatabase(string name, string? template = null) =>
        Execute(template is null
            ? $"CREATE DATABASE \"{name}\""
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"{(_serverVersion >= 15 ? " STRATEGY FILE_COPY" : "")}");

    public void DropDatabase(string name) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    public bool DatabaseExists(string name)
    {
        using var command = _admin.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return command.ExecuteScalar() is not null;
    }

    // Over one pooled connection to the maintenance database, not a psql process each: a thousand tests each create
    // and drop a database, and starting psql (through runuser, as root) costs more than the statement.
    private void Execute(string sql)
    {
        using var command = _admin.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    private static PostgresCluster Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "FOLIO_TEST_DATABASE=postgres needs Debian's postgresql package (initdb, pg_ctl): apt-get install postgresql.");
        var folder = Path.Combine(Path.GetTempPath(), "folio-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        // PostgreSQL refuses to run as root; CI runs as root, so the server runs as Debian's postgres user.
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            RunProcess("chown", ["postgres:postgres", folder]);
        }

        var cluster = new PostgresCluster(folder, bin, LoopbackPort.Free(), asPostgresUser);
        cluster.Run("initdb", "-D", Path.Combine(folder, "data"), "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        cluster.Run("pg_ctl", "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        try
        {
            Run("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Run(string program, params string[] args) =>
        _asPostgresUser
            ? RunProcess("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. args])
            : RunProcess(Path.Combine(_bin, program), args);

    private static string RunProcess(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }

        return output.Result;
    }
}
