namespace Folio.Tests.Infrastructure;

/// <summary>A test that needs redis-server: reported as skipped, with the reason, where it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
