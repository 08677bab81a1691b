using Folio.Features.Scaling;
using Folio.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Folio.Tests.Scaling;

public sealed class QueueWakeUpTests : IDisposable
{
    /// <summary>Far longer than a wake-up takes, so a wait that ends early was woken.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    private readonly RedisConnections _redis = new();

    public void Dispose() => _redis.Dispose();

    [Fact]
    public async Task OnOneNodeAWakeUpEndsTheWorkersWaitAtOnce()
    {
        var signal = new Signal("mail", new InProcessQueueWakeUps());

        signal.Wake();

        Assert.True(await signal.WaitAsync(Poll, CancellationToken.None));
    }

    [RedisFact]
    public async Task AWakeUpOnOneNodeWakesTheWorkersOnTheOthersAndOnlyForThatQueue()
    {
        var queue = _redis.Prefix + "-mail";
        var nodeA = new Signal(queue, WakeUps(_redis.Node()));
        var nodeB = new Signal(queue, WakeUps(_redis.Node()));
        var otherQueueOnB = new Signal(_redis.Prefix + "-webhooks", WakeUps(_redis.Node()));
        await ListeningAsync(queue, listeners: 2);

        nodeA.Wake();

        Assert.True(await nodeB.WaitAsync(Poll, CancellationToken.None), "node B's worker slept through node A's wake-up");
        Assert.True(await nodeA.WaitAsync(Poll, CancellationToken.None), "node A's own worker was not woken");
        Assert.False(await otherQueueOnB.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None), "another queue's worker was woken too");
    }

    [Fact]
    public async Task WhenRedisIsAwayAWakeUpStillWakesThisNodesWorker()
    {
        var signal = new Signal("mail", WakeUps(_redis.Node(RedisServer.Unreachable)));

        signal.Wake();

        Assert.True(await signal.WaitAsync(Poll, CancellationToken.None));
    }

    /// <summary>Subscriptions are made in the background as each signal is created; publishing before they are in place would be lost.</summary>
    private async Task ListeningAsync(string queue, int listeners)
    {
        var server = _redis.Node().GetServers().Single();
        await Eventually.ValueAsync(
            async () => (long)((RedisResult[])(await server.ExecuteAsync("PUBSUB", "NUMSUB", "folio:wake:" + queue))!)[1],
            subscribers => subscribers >= listeners,
            within: TimeSpan.FromSeconds(20), because: $"{listeners} subscribers to folio:wake:{queue}");
    }

    private static RedisQueueWakeUps WakeUps(IConnectionMultiplexer node) => new(node, NullLogger<RedisQueueWakeUps>.Instance);

    private sealed class Signal(string queue, IQueueWakeUps wakeUps) : QueueSignal(queue, wakeUps);
}
