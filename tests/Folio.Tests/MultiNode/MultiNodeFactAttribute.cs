using Folio.Tests.Infrastructure;

namespace Folio.Tests.MultiNode;

/// <summary>A test that runs Folio nodes on a throwaway PostgreSQL and Redis: skipped, with the reason, where either is missing.</summary>
public sealed class MultiNodeFactAttribute : FactAttribute
{
    public MultiNodeFactAttribute()
    {
        if (PostgresCluster.FindBinaries() is null)
        {
            Skip = "Needs Debian's postgresql package (initdb, pg_ctl) for a throwaway PostgreSQL server: apt-get install postgresql.";
        }
        else if (RedisServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
