using Folio.Data;
using Folio.Features.Communities;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Folio.Features.Operations;

/// <summary>
/// `/healthz` answers while the process serves (a failing node is restarted); `/readyz` runs every check tagged
/// <see cref="ReadyTag"/> (the database here; a feature adds its own, such as Redis, with the same tag) and answers
/// 503 when one fails (the node is taken out of the load balancer's rotation). Both skip sign-in, rate limits, output
/// caching and the request metrics, so probes every few seconds neither fail for the wrong reason nor drown the numbers.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    /// <summary>Long enough for a busy database, short enough that a hung one fails the probe instead of hanging it.</summary>
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddHealthEndpoints(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<FolioDb>("database", HealthStatus.Unhealthy, [ReadyTag], ReadsATableAsync);
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == "database"))
            {
                registration.Timeout = DatabaseTimeout;
            }
        });
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        Operational(app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false }));
        Operational(app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportJson.WriteAsync,
        }));
        return app;
    }

    public static bool IsProbe(PathString path) => path.Equals(LivenessPath) || path.Equals(ReadinessPath);

    // Reading a table proves more than opening a connection: the schema is there and the file is a database.
    private static async Task<bool> ReadsATableAsync(FolioDb db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await SqliteFileReadsATableAsync(db, cancellationToken);
        }
        else
        {
            await db.Communities.AnyAsync(cancellationToken);
        }

        return true;
    }

    // A pooled SQLite connection keeps reading a file deleted under it (its handle holds the old file open), so the
    // check opens the file afresh, and without creating it: a missing database fails instead of becoming an empty one.
    private static async Task SqliteFileReadsATableAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var settings = new SqliteConnectionStringBuilder(db.Database.GetConnectionString())
        {
            Pooling = false,
            Mode = SqliteOpenMode.ReadWrite,
        };
        var table = db.Model.FindEntityType(typeof(Community))!.GetTableName();
        await using var connection = new SqliteConnection(settings.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\")";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void Operational(IEndpointConventionBuilder endpoint) =>
        endpoint.AllowAnonymous().DisableRateLimiting().DisableHttpMetrics().CacheOutput(policy => policy.NoCache());
}
