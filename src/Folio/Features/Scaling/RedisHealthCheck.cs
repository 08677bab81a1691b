using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Folio.Features.Scaling;

/// <summary>Part of /readyz: a node that can't reach the Redis its peers share is taken out of rotation.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer.", exception);
        }
    }
}
