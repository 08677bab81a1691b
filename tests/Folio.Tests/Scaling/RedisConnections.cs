using Folio.Features.Scaling;
using Folio.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Folio.Tests.Scaling;

/// <summary>The test's own Redis, started on first use, and connections to it, one per simulated node; all closed with the test.</summary>
public sealed class RedisConnections : IDisposable
{
    private readonly List<ConnectionMultiplexer> _open = [];
    private RedisServer? _server;

    /// <summary>Tells one test's keys from another's.</summary>
    public string Prefix { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A connection configured as a Folio node configures its own.</summary>
    public IConnectionMultiplexer Node(string? connectionString = null)
    {
        _server ??= connectionString is null ? RedisServer.Start() : null;
        var connection = ConnectionMultiplexer.Connect(ScalingSetup.ConnectionOptions(connectionString ?? _server!.ConnectionString));
        _open.Add(connection);
        return connection;
    }

    public static RedisOutage Outage(TimeProvider clock) => new(clock, NullLogger<RedisOutage>.Instance);

    public void Dispose()
    {
        foreach (var connection in _open)
        {
            connection.Dispose();
        }

        _server?.Dispose();
    }
}
