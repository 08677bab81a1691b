namespace Folio.Data;

public sealed class FolioOptions
{
    public const string Section = "Folio";

    /// <summary>Database file, uploads and operator overrides live here; relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Fill a new, empty database with Folio's demo communities, creators and stories.</summary>
    public bool SeedDemo { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
