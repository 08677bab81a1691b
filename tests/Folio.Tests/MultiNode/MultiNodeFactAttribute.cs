using Folio.Tests.Infrastructure;

namespace Folio.Tests.MultiNode;

/// <summary>A test that runs Folio nodes on a throwaway PostgreSQL and Redis: skipped, with the reason, where either is missing (never on CI).</summary>
public sealed class MultiNodeFactAttribute : FactAttribute
{
    public MultiNodeFactAttribute() => Skip = Prerequisites.SkipUnlessRequired(Prerequisites.PostgresMissing ?? RedisServer.Unavailable);
}
