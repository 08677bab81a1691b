using Folio.Features.Operations;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Folio.Features.Scaling;

/// <summary>
/// What several nodes must share. With <c>ConnectionStrings:Redis</c> set: the output cache (and its evictions), rate-limit
/// counters, used read tokens and the queues' wake-ups go through Redis. Without it all of them stay in process, which is
/// right for one node. Data-protection keys need neither: they live in the database (see AccountsSetup).
/// </summary>
public static class ScalingSetup
{
    public const string ConnectionStringName = "Redis";
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddScaling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddSingleton<InMemoryRateLimitCounter>();
        services.AddSingleton<InMemorySingleUseKeys>();

        var redis = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IRateLimitCounter>(provider => provider.GetRequiredService<InMemoryRateLimitCounter>());
            services.AddSingleton<ISingleUseKeys>(provider => provider.GetRequiredService<InMemorySingleUseKeys>());
            services.TryAddSingleton<IQueueWakeUps, InProcessQueueWakeUps>();
            return builder;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(ConnectionOptions(redis)));
        services.AddSingleton<RedisOutage>();
        services.AddSingleton<IRateLimitCounter, RedisRateLimitCounter>();
        services.AddSingleton<ISingleUseKeys, RedisSingleUseKeys>();
        services.Replace(ServiceDescriptor.Singleton<IQueueWakeUps, RedisQueueWakeUps>());

        // Replaces the in-memory store whichever of this and AddOutputCache comes first, so cached pages and their
        // tag evictions are the same on every node.
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>()
            .Configure<IServiceProvider>((cache, provider) =>
            {
                cache.InstanceName = "folio:";
                cache.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
            });

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag], timeout: HealthCheckTimeout);
        return builder;
    }

    /// <summary>Registers a queue's signal, in process unless <see cref="AddScaling"/> shares wake-ups through Redis.</summary>
    public static IServiceCollection AddQueueSignal<TSignal>(this IServiceCollection services) where TSignal : QueueSignal
    {
        services.TryAddSingleton<IQueueWakeUps, InProcessQueueWakeUps>();
        services.AddSingleton<TSignal>();
        return services;
    }

    internal static ConfigurationOptions ConnectionOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // A node starts, and keeps serving, while Redis is away: /readyz reports it, the multiplexer reconnects in the
        // background, and commands fail at once (falling back to the node's own state) instead of queueing for seconds.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "folio";
        return options;
    }
}
