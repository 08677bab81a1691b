using System.Net;
using System.Text.Json;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Scaling;

public sealed class RedisSiteTests
{
    [RedisFact]
    public async Task WithRedisConfiguredReadinessChecksIt()
    {
        using var redis = RedisServer.Start();
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        using var client = app.CreateClient();

        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await CheckStatusAsync(ready, "redis"));
    }

    [Fact]
    public async Task WithoutRedisNothingAsksForIt()
    {
        using var app = new FolioApp();
        using var client = app.CreateClient();

        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Null(await CheckStatusAsync(ready, "redis"));
    }

    [Fact]
    public async Task WhenRedisIsAwayTheNodeKeepsServingButIsNotReady()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = RedisServer.Unreachable,
            ["Folio:Api:RequestsPerMinute"] = "2",
        });
        using var api = await app.ApiClientForAsync(Persona.Reader);
        using var browser = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        await (await api.GetAsync("/api/v1/me")).ReadProblemAsync(429);

        using var ready = await browser.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await CheckStatusAsync(ready, "redis"));
    }

    private static async Task<string?> CheckStatusAsync(HttpResponseMessage readiness, string name)
    {
        using var json = JsonDocument.Parse(await readiness.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").EnumerateArray()
            .Where(check => check.GetProperty("name").GetString() == name)
            .Select(check => check.GetProperty("status").GetString())
            .SingleOrDefault();
    }
}
