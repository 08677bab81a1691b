using StackExchange.Redis;

namespace Folio.Features.Scaling;

/// <summary>
/// Wake-ups published on the Redis channel <c>folio:wake:{queue}</c>. Each node tags its messages with its own id and
/// ignores them when they come back, since it has already woken its own worker. A wake-up lost while Redis is away
/// costs only latency: every worker still polls its queue in the database.
/// </summary>
public sealed class RedisQueueWakeUps(IConnectionMultiplexer redis, ILogger<RedisQueueWakeUps> logger) : IQueueWakeUps
{
    private readonly RedisValue _node = Guid.NewGuid().ToString("N");

    public void Announce(string queue)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel(queue), _node, CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            logger.LogWarning("The other nodes were not told about new work on the {Queue} queue; they find it at their next poll: {Error}", queue, exception.Message);
        }
    }

    public void Listen(string queue, Action wake) =>
        _ = SubscribeAsync(queue, wake);

    private async Task SubscribeAsync(string queue, Action wake)
    {
        try
        {
            // The multiplexer keeps the subscription and renews it whenever it reconnects.
            await redis.GetSubscriber().SubscribeAsync(Channel(queue), (_, from) =>
            {
                if (from != _node)
                {
                    wake();
                }
            });
        }
        catch (RedisException exception)
        {
            logger.LogWarning("Not yet listening for other nodes' work on the {Queue} queue; it is picked up at each poll meanwhile: {Error}", queue, exception.Message);
        }
    }

    private static RedisChannel Channel(string queue) => RedisChannel.Literal("folio:wake:" + queue);
}
