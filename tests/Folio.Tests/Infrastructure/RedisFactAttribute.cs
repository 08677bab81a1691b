namespace Folio.Tests.Infrastructure;

/// <summary>A test that needs redis-server: skipped, with the reason, where it is not installed (never on CI).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = Prerequisites.SkipUnlessRequired(RedisServer.Unavailable);
}
