using Folio.Tests.Infrastructure;

namespace Folio.Tests.Operations;

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason, where Debian's postgresql package is missing (never on CI).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = Prerequisites.SkipUnlessRequired(Prerequisites.PostgresMissing);
}

/// <summary>An empty database of its own on the test run's PostgreSQL cluster, dropped afterwards.</summary>
public sealed class PostgresDatabase : IDisposable
{
    public PostgresDatabase()
    {
        PostgresCluster.Shared.CreateDatabase(Name);
    }

    public string Name { get; } = "folio_ops_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => PostgresCluster.Shared.ConnectionString(Name);

    /// <summary>Configuration for an app served from this database.</summary>
    public Dictionary<string, string?> Settings => new() { ["Folio:Database"] = "postgres", ["ConnectionStrings:Folio"] = ConnectionString };

    public void Dispose() => PostgresCluster.Shared.DropDatabase(Name);
}
