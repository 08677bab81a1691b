using Folio.Features.Scaling;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Scaling;

/// <summary>The same rules for both counters; the Redis one also shares its counts between nodes.</summary>
public sealed class RateLimitCounterTests : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 3, 4, 10, 15, 20, TimeSpan.Zero));
    private readonly RedisConnections _redis = new();

    public void Dispose() => _redis.Dispose();

    [Fact]
    public Task InMemoryCountsUpToTheLimitThenRefusesUntilTheWindowEnds() =>
        CountsUpToTheLimitThenRefusesUntilTheWindowEnds(new InMemoryRateLimitCounter(_clock));

    [RedisFact]
    public Task RedisCountsUpToTheLimitThenRefusesUntilTheWindowEnds() =>
        CountsUpToTheLimitThenRefusesUntilTheWindowEnds(RedisCounter());

    [Fact]
    public Task InMemoryCountsKeysAndWindowsApart() => CountsKeysAndWindowsApart(new InMemoryRateLimitCounter(_clock));

    [RedisFact]
    public Task RedisCountsKeysAndWindowsApart() => CountsKeysAndWindowsApart(RedisCounter());

    [Fact]
    public Task InMemoryPeekingSaysWhetherTheWindowIsUsedUpWithoutTaking() =>
        PeekingSaysWhetherTheWindowIsUsedUpWithoutTaking(new InMemoryRateLimitCounter(_clock));

    [RedisFact]
    public Task RedisPeekingSaysWhetherTheWindowIsUsedUpWithoutTaking() =>
        PeekingSaysWhetherTheWindowIsUsedUpWithoutTaking(RedisCounter());

    [RedisFact]
    public async Task TwoNodesOnOneRedisShareOneCount()
    {
        var nodeA = RedisCounter();
        var nodeB = RedisCounter();
        var key = _redis.Prefix + ":shared";

        Assert.True((await nodeA.TryTakeAsync(key, 4, Minute)).Allowed);
        Assert.True((await nodeB.TryTakeAsync(key, 4, Minute)).Allowed);
        Assert.True((await nodeA.TryTakeAsync(key, 4, Minute)).Allowed);
        Assert.True((await nodeB.TryTakeAsync(key, 4, Minute)).Allowed);

        Assert.False((await nodeA.TryTakeAsync(key, 4, Minute)).Allowed);
        Assert.False((await nodeB.TryTakeAsync(key, 4, Minute)).Allowed);
    }

    [RedisFact]
    public async Task RedisCountersExpireShortlyAfterTheirWindow()
    {
        var node = _redis.Node();
        var counter = RedisCounter(node);
        var key = _redis.Prefix + ":expiring";

        await counter.TryTakeAsync(key, 10, Minute);

        var window = FixedWindow.Containing(_clock.Now, Minute);
        var ttl = await node.GetDatabase().KeyTimeToLiveAsync($"folio:rate:{key}:60000:{window.Start.ToUnixTimeMilliseconds()}");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task WhenRedisIsAwayEachNodeKeepsCountingOnItsOwn()
    {
        var counter = RedisCounter(_redis.Node(RedisServer.Unreachable));

        Assert.True((await counter.TryTakeAsync("away", 2, Minute)).Allowed);
        Assert.True((await counter.TryTakeAsync("away", 2, Minute)).Allowed);
        var refused = await counter.TryTakeAsync("away", 2, Minute);

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);
    }

    [Fact]
    public void WindowsAreAlignedToTheClockSoEveryNodeAgrees()
    {
        var window = FixedWindow.Containing(new DateTimeOffset(2026, 3, 4, 10, 15, 20, TimeSpan.FromHours(2)), TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(TimeSpan.FromSeconds(2680), window.RetryAfter(new DateTimeOffset(2026, 3, 4, 8, 15, 20, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromSeconds(1), window.RetryAfter(new DateTimeOffset(2026, 3, 4, 8, 59, 59, 900, TimeSpan.Zero)));
    }

    private async Task CountsUpToTheLimitThenRefusesUntilTheWindowEnds(IRateLimitCounter counter)
    {
        var key = _redis.Prefix + ":reader";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(RateDecision.Allow, await counter.TryTakeAsync(key, 3, Minute));
        }

        Assert.Equal(new RateDecision(false, TimeSpan.FromSeconds(40)), await counter.TryTakeAsync(key, 3, Minute));
        _clock.Now = _clock.Now.AddSeconds(39);
        Assert.Equal(new RateDecision(false, TimeSpan.FromSeconds(1)), await counter.TryTakeAsync(key, 3, Minute));

        _clock.Now = _clock.Now.AddSeconds(1);
        Assert.True((await counter.TryTakeAsync(key, 3, Minute)).Allowed);
    }

    private async Task PeekingSaysWhetherTheWindowIsUsedUpWithoutTaking(IRateLimitCounter counter)
    {
        var key = _redis.Prefix + ":failures";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RateDecision.Allow, await counter.PeekAsync(key, 2, Minute));
        }

        await counter.TryTakeAsync(key, 2, Minute);
        Assert.Equal(RateDecision.Allow, await counter.PeekAsync(key, 2, Minute));
        await counter.TryTakeAsync(key, 2, Minute);
        Assert.Equal(new RateDecision(false, TimeSpan.FromSeconds(40)), await counter.PeekAsync(key, 2, Minute));

        _clock.Now = _clock.Now.AddSeconds(40);
        Assert.Equal(RateDecision.Allow, await counter.PeekAsync(key, 2, Minute));
    }

    private async Task CountsKeysAndWindowsApart(IRateLimitCounter counter)
    {
        var key = _redis.Prefix + ":one";
        Assert.True((await counter.TryTakeAsync(key, 1, Minute)).Allowed);
        Assert.False((await counter.TryTakeAsync(key, 1, Minute)).Allowed);

        Assert.True((await counter.TryTakeAsync(_redis.Prefix + ":another", 1, Minute)).Allowed);
        Assert.True((await counter.TryTakeAsync(key, 1, TimeSpan.FromHours(1))).Allowed);
    }

    private RedisRateLimitCounter RedisCounter(StackExchange.Redis.IConnectionMultiplexer? node = null) =>
        new(node ?? _redis.Node(), new InMemoryRateLimitCounter(_clock), RedisConnections.Outage(_clock), _clock);
}
