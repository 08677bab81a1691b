using System.Security.Cryptography;
using System.Text;

namespace Folio.Testing;

/// <summary>
/// Which database the tests run on: SQLite in each test's data directory (the default), or, with
/// FOLIO_TEST_DATABASE=postgres, a database of its own on the run's throwaway PostgreSQL cluster. A database belongs
/// to a data directory, so a second app opened on the same folder (a restart) finds the same data.
/// </summary>
public static class TestDatabase
{
    private const string Template = "folio_template";
    private static readonly Lock TemplateLock = new();
    private static bool _templateReady;
    private static string? _sqliteTemplate;

    /// <summary>Where Folio keeps its SQLite database in its data directory.</summary>
    private const string SqliteFile = "folio.db";

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("FOLIO_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Configuration for an app over this data directory; creates its database the first time: on PostgreSQL a database
    /// of its own, on SQLite its database file. With <paramref name="migrateTemplate"/> (which migrates the database at
    /// the connection string it is given) either is a copy of a template migrated once per run.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataDirectory, Action<string>? migrateTemplate = null)
    {
        if (!IsPostgres)
        {
            if (migrateTemplate is not null)
            {
                CopySqliteTemplate(dataDirectory, migrateTemplate);
            }

            return new Dictionary<string, string?>();
        }

        var cluster = PostgresCluster.Shared;
        var name = NameFor(dataDirectory);
        if (!cluster.DatabaseExists(name))
        {
            cluster.CreateDatabase(name, EnsureTemplate(cluster, migrateTemplate));
        }

        return new Dictionary<string, string?>
        {
            ["Folio:Database"] = "postgres",
            ["ConnectionStrings:Folio"] = cluster.ConnectionString(name),
        };
    }

    public static void Drop(string dataDirectory)
    {
        if (IsPostgres)
        {
            PostgresCluster.Shared.DropDatabase(NameFor(dataDirectory));
        }
    }

    private static string NameFor(string dataDirectory) =>
        "folio_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..20];

    // Migrating once into a template and copying it is much faster than migrating every test's database: about fifty
    // migrations at every app's start-up, on SQLite, took more of a short test's time than the test did.
    private static void CopySqliteTemplate(string dataDirectory, Action<string> migrate)
    {
        var file = Path.Combine(dataDirectory, SqliteFile);
        if (File.Exists(file))
        {
            return;
        }

        lock (TemplateLock)
        {
            if (_sqliteTemplate is null)
            {
                var template = Path.Combine(Path.GetTempPath(), "folio-tests", $"template-{Environment.ProcessId}.db");
                Directory.CreateDirectory(Path.GetDirectoryName(template)!);
                File.Delete(template);
                // No pooling, so the file is closed once migrated; its rollback journal leaves it one file to copy.
                migrate($"Data Source={template};Pooling=false");
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
                _sqliteTemplate = template;
            }
        }

        Directory.CreateDirectory(dataDirectory);
        File.Copy(_sqliteTemplate, file);
    }

    private static string? EnsureTemplate(PostgresCluster cluster, Action<string>? migrate)
    {
        if (migrate is null)
        {
            return null;
        }

        lock (TemplateLock)
        {
            if (!_templateReady)
            {
                cluster.DropDatabase(Template);
                cluster.CreateDatabase(Template);
                migrate(cluster.ConnectionString(Template));
                _templateReady = true;
            }
        }

        return Template;
    }
}
