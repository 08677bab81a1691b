using System.Net;
using System.Text.Json;
using Folio.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Folio.Tests.Operations;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task LivenessAnswersHealthyAndIsNeverCached()
    {
        using var app = new FolioApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "a probe's answer must never come from a cache");
    }

    [Fact]
    public async Task ReadinessReportsEachCheckAsJson()
    {
        using var app = new FolioApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = Assert.Single(json.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal("ok", database.GetProperty("description").GetString());
        Assert.True(database.GetProperty("durationMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task ReadinessFailsWith503WhenTheSqliteDatabaseIsGoneWhileLivenessStaysHealthy()
    {
        using var site = new SqliteSite();
        using var app = site.App();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => site.DatabasePath + suffix).Where(File.Exists))
        {
            File.Delete(file);
        }

        using var ready = await client.GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var database = Assert.Single(json.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Contains("SqliteException", database.GetProperty("description").GetString());
        Assert.DoesNotContain(site.DataDirectory, body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [PostgresFact]
    public async Task ReadinessFailsWith503WhenThePostgresDatabaseIsGone()
    {
        using var database = new PostgresDatabase();
        using var app = new FolioApp(settings: database.Settings);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        PostgresCluster.Shared.DropDatabase(database.Name);

        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"status\":\"Unhealthy\"", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
