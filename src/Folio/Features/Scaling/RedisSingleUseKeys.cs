using StackExchange.Redis;

namespace Folio.Features.Scaling;

/// <summary>A used key is a Redis key <c>folio:used:{key}</c>, set only if absent and expiring when it no longer matters.</summary>
public sealed class RedisSingleUseKeys(IConnectionMultiplexer redis, InMemorySingleUseKeys local, RedisOutage outage) : ISingleUseKeys
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);

    public Task<bool> TryUseAsync(string key, TimeSpan rememberFor, CancellationToken cancellationToken = default) =>
        outage.SharedOrLocalAsync("used read tokens",
            () => redis.GetDatabase().StringSetAsync("folio:used:" + key, 1, rememberFor > Shortest ? rememberFor : Shortest, When.NotExists),
            () => local.TryUseAsync(key, rememberFor, cancellationToken));
}
