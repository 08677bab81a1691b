using System.Net;
using System.Text.Json;
using Folio.Features.Operations;

namespace Folio.Tests.Operations;

public sealed class SlowRequestLogTests
{
    [Fact]
    public async Task ARequestSlowerThanTheThresholdIsLoggedWithItsRouteStatusAndTheThreadPool()
    {
        // 1 ms: a first request to a page (JIT, the database opened) always takes longer.
        using var folio = await FolioProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:Console:FormatterName"] = "json",
            [SlowRequests.ThresholdSetting] = "1",
        });
        using var client = new HttpClient { BaseAddress = folio.Address };
        using var response = await client.GetAsync("/explore");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var log = await Eventually.ValueAsync(() => folio.LogLines, lines => lines.Any(IsSlowExplore),
            within: TimeSpan.FromSeconds(5), because: "a slow-request line for /explore");
        using var json = JsonDocument.Parse(log.First(IsSlowExplore));
        var root = json.RootElement;
        Assert.Equal("Warning", root.GetProperty("LogLevel").GetString());
        var state = root.GetProperty("State");
        Assert.Equal("GET", state.GetProperty("Method").GetString());
        Assert.Equal(200, state.GetProperty("StatusCode").GetInt32());
        Assert.True(state.GetProperty("Milliseconds").GetInt64() >= 1);
        Assert.True(state.GetProperty("Threads").GetInt32() >= 1);
    }

    private static bool IsSlowExplore(string line) =>
        line.Contains(typeof(SlowRequests).FullName!, StringComparison.Ordinal) && line.Contains("explore", StringComparison.Ordinal);
}
