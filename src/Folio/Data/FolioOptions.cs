namespace Folio.Data;

public sealed class FolioOptions
{
    public const string Section = "Folio";

    /// <summary>Database file, uploads and operator overrides live here; relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations when the site starts. Turn off for rolling deploys over several nodes: run `migrate`
    /// once, then start the nodes; a node whose database lacks its migrations refuses to start.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Fill a new, empty database with Folio's demo communities, creators and stories.</summary>
    public bool SeedDemo { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
