using Folio.Features.Scaling;
using Folio.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Memory;

namespace Folio.Tests.Scaling;

public sealed class SingleUseKeysTests : IDisposable
{
    private static readonly TimeSpan Hours = TimeSpan.FromHours(6);
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly RedisConnections _redis = new();

    public void Dispose()
    {
        _redis.Dispose();
        _cache.Dispose();
    }

    [Fact]
    public async Task InMemoryAcceptsAKeyOnceAndEveryOtherKeyOnceToo()
    {
        var keys = new InMemorySingleUseKeys(_cache);

        Assert.True(await keys.TryUseAsync("nonce-1", Hours));
        Assert.False(await keys.TryUseAsync("nonce-1", Hours));
        Assert.True(await keys.TryUseAsync("nonce-2", Hours));
    }

    [RedisFact]
    public async Task AKeyUsedOnOneNodeIsUsedOnEveryNodeUntilItNoLongerMatters()
    {
        var nodeA = Keys(_redis.Node());
        var connectionB = _redis.Node();
        var nodeB = Keys(connectionB);
        var key = _redis.Prefix + ":nonce";

        Assert.True(await nodeA.TryUseAsync(key, Hours));
        Assert.False(await nodeB.TryUseAsync(key, Hours));
        Assert.False(await nodeA.TryUseAsync(key, Hours));
        Assert.True(await nodeB.TryUseAsync(_redis.Prefix + ":other", Hours));

        var ttl = await connectionB.GetDatabase().KeyTimeToLiveAsync("folio:used:" + key);
        Assert.InRange(ttl!.Value, Hours - TimeSpan.FromMinutes(1), Hours);
    }

    [Fact]
    public async Task WhenRedisIsAwayANodeStillRefusesTheKeysItHasSeen()
    {
        var keys = Keys(_redis.Node(RedisServer.Unreachable));

        Assert.True(await keys.TryUseAsync("nonce", Hours));
        Assert.False(await keys.TryUseAsync("nonce", Hours));
    }

    private RedisSingleUseKeys Keys(StackExchange.Redis.IConnectionMultiplexer node) =>
        new(node, new InMemorySingleUseKeys(_cache), RedisConnections.Outage(_clock));
}
