namespace Folio.Data;

public static class DatabaseProviders
{
    /// <summary>Read before the options system exists, because it decides which services are registered.</summary>
    public static DatabaseProvider Selected(IConfiguration configuration) =>
        configuration.GetValue($"{FolioOptions.Section}:{nameof(FolioOptions.Database)}", DatabaseProvider.Sqlite);
}
