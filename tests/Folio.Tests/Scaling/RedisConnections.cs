using Folio.Features.Scaling;
using Folio.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Folio.Tests.Scaling;

/// <summary>Connections to the run's Redis, one per simulated node, closed with the test.</summary>
public sealed class RedisConnections : IDisposable
{
    private readonly List<ConnectionMultiplexer> _open = [];

    /// <summary>Keys of this test only, since the run's Redis is shared.</summary>
    public string Prefix { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A connection configured as a Folio node configures its own.</summary>
    public IConnectionMultiplexer Node(string? connectionString = null)
    {
        var connection = ConnectionMultiplexer.Connect(ScalingSetup.ConnectionOptions(connectionString ?? RedisServer.Shared.ConnectionString));
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
    }
}
