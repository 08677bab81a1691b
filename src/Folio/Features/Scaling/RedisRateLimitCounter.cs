using StackExchange.Redis;

namespace Folio.Features.Scaling;

/// <summary>One counter per key and window in Redis, shared by every node: <c>folio:rate:{key}:{window ms}:{window start}</c>.</summary>
public sealed class RedisRateLimitCounter(IConnectionMultiplexer redis, InMemoryRateLimitCounter local, RedisOutage outage, TimeProvider clock)
    : IRateLimitCounter
{
    // The count and its expiry in one step, so a counter can't be left without an expiry by a node that dies between two commands.
    private const string TakeScript = """
        local taken = redis.call('INCR', KEYS[1])
        if taken == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return taken
        """;

    /// <summary>Kept a little past the window's end, for nodes whose clocks differ by a few seconds.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(10);

    public Task<RateDecision> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var current = FixedWindow.Containing(now, window);
        var redisKey = KeyOf(key, current);
        var keepFor = (long)(current.End - now + ClockSlack).TotalMilliseconds;
        return outage.SharedOrLocalAsync("rate limits",
            async () =>
            {
                var taken = (long)await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [redisKey], [keepFor]);
                return taken <= limit ? RateDecision.Allow : new RateDecision(false, current.RetryAfter(now));
            },
            () => local.TryTakeAsync(key, limit, window, cancellationToken));
    }

    public Task<RateDecision> PeekAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var current = FixedWindow.Containing(now, window);
        return outage.SharedOrLocalAsync("rate limits",
            async () =>
            {
                var taken = (long?)await redis.GetDatabase().StringGetAsync(KeyOf(key, current)) ?? 0;
                return taken < limit ? RateDecision.Allow : new RateDecision(false, current.RetryAfter(now));
            },
            () => local.PeekAsync(key, limit, window, cancellationToken));
    }

    private static string KeyOf(string key, FixedWindow window) =>
        $"folio:rate:{key}:{(long)window.Length.TotalMilliseconds}:{window.Start.ToUnixTimeMilliseconds()}";
}
