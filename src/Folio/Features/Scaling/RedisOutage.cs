using StackExchange.Redis;

namespace Folio.Features.Scaling;

/// <summary>
/// While Redis can't be reached a node carries on with its own in-process state, as a single node would (limits
/// counted per node, used read tokens remembered per node), rather than failing the requests that need it.
/// The outage is logged when it is first seen and then at most once a minute.
/// </summary>
public sealed class RedisOutage(TimeProvider clock, ILogger<RedisOutage> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private long _nextWarningTicks;

    public async Task<T> SharedOrLocalAsync<T>(string what, Func<Task<T>> shared, Func<Task<T>> local)
    {
        try
        {
            return await shared();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Warn(what, exception);
            return await local();
        }
    }

    private void Warn(string what, Exception exception)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextWarningTicks);
        if (now >= next && Interlocked.CompareExchange(ref _nextWarningTicks, now + WarningInterval.Ticks, next) == next)
        {
            logger.LogWarning(exception, "Redis can't be reached, so this node keeps {What} on its own until it can: {Error}", what, exception.Message);
        }
    }
}
